import { readFileSync } from 'node:fs';
import { packageFile } from '../package-files.js';
import { CatalogError } from './catalog-error.js';

export interface NamedTle {
  name: string;
  line1: string;
  line2: string;
}

const BUNDLED_TLE_FILE = packageFile('data/tle/public-broadcast-2026-07-21.tle');

let bundled: readonly NamedTle[] | undefined;

/** The public broadcast satellites' TLEs that ship with the package, read once. */
export function bundledTles(): readonly NamedTle[] {
  bundled ??= parseTleFile(readFileSync(BUNDLED_TLE_FILE, 'utf8'), BUNDLED_TLE_FILE);
  return bundled;
}

/**
 * Reads the usual "3LE" text: each TLE's two lines, optionally preceded by a name line (as
 * CelesTrak and Space-Track publish them). Blank lines are ignored. Checks only the layout;
 * the elements themselves are checked when a satellite is onboarded.
 */
export function parseTleFile(text: string, source: string): NamedTle[] {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  const entries: NamedTle[] = [];
  let name: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('1 ')) {
      const line2 = lines[index + 1];
      if (!line2?.startsWith('2 ')) throw new CatalogError(`${source}: TLE line 1 "${line.slice(0, 20)}…" is not followed by its line 2`);
      entries.push({ name: name ?? `NORAD ${line.slice(2, 7).trim()}`, line1: line, line2 });
      name = undefined;
      index++;
    } else if (line.startsWith('2 ')) {
      throw new CatalogError(`${source}: TLE line 2 "${line.slice(0, 20)}…" has no line 1 before it`);
    } else {
      if (name !== undefined) throw new CatalogError(`${source}: name line "${name}" is not followed by a TLE`);
      name = line.replace(/^0 /, '').trim();
    }
  }
  if (name !== undefined) throw new CatalogError(`${source}: name line "${name}" is not followed by a TLE`);
  return entries;
}
