import { readFileSync } from 'node:fs';
import { parseOem, parseTle } from '../orbit/index.js';
import { CatalogError } from './catalog-error.js';
import type { DefaultEphemeris, SatelliteStore } from './satellite-store.js';
import { findSatellite, satelliteIdFor, setOptInSatellites, type Satellite } from './satellites.js';
import { parseTleFile } from './tle-file.js';

/** Catalog settings from the command line, applied at every start. */
export interface CatalogOptions {
  /** A 3-line TLE file whose satellites are onboarded (again) at start. */
  satellitesFile?: string;
  /** List Aqua, whose AWS support ended (SEMANTICS §5.1). */
  includeAqua?: boolean;
}

const MAX_NORAD_ID = 339999;
const MAX_NAME_LENGTH = 256;

/** Applies the start's catalog options; call it inside a transaction, so a bad file changes nothing. */
export function applyCatalogOptions(satellites: SatelliteStore, options: CatalogOptions): void {
  setOptInSatellites(satellites, options.includeAqua ?? false);
  if (options.satellitesFile === undefined) return;
  let text: string;
  try {
    text = readFileSync(options.satellitesFile, 'utf8');
  } catch (error) {
    throw new CatalogError(`cannot read satellites file ${options.satellitesFile}: ${(error as Error).message}`);
  }
  for (const { name, line1, line2 } of parseTleFile(text, options.satellitesFile)) {
    try {
      onboardSatellite(satellites, { name, tle: { line1, line2 } });
    } catch (error) {
      if (error instanceof CatalogError) throw new CatalogError(`${options.satellitesFile}: ${name}: ${error.message}`);
      throw error;
    }
  }
}

/**
 * Onboards a satellite from `{name, noradSatelliteID?, tle: {line1, line2}}` or
 * `{name, noradSatelliteID, oem}` (KVN text). The satellite id follows from the NORAD id, so
 * onboarding the same satellite again replaces its name and ephemeris; onboarding a bundled
 * satellite's NORAD id replaces its bundled TLE (and lists Aqua).
 */
export function onboardSatellite(satellites: SatelliteStore, request: unknown): Satellite {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new CatalogError('the request must be a JSON object');
  }
  const { name, noradSatelliteID, tle, oem } = request as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw new CatalogError(`name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`);
  }
  if (noradSatelliteID !== undefined && !(Number.isInteger(noradSatelliteID) && (noradSatelliteID as number) >= 0 && (noradSatelliteID as number) <= MAX_NORAD_ID)) {
    throw new CatalogError(`noradSatelliteID must be an integer from 0 to ${MAX_NORAD_ID}`);
  }
  if ((tle === undefined) === (oem === undefined)) throw new CatalogError('give exactly one of tle and oem');
  const { norad, defaultEphemeris } =
    tle !== undefined ? fromTle(tle, noradSatelliteID as number | undefined) : fromOem(oem, noradSatelliteID as number | undefined);
  const satelliteId = satelliteIdFor(norad);
  satellites.save({ satelliteId, noradSatelliteID: norad, name: name.trim(), defaultEphemeris });
  return findSatellite({ satellites }, satelliteId)!;
}

function fromTle(tle: unknown, noradSatelliteID: number | undefined): { norad: number; defaultEphemeris: DefaultEphemeris } {
  const { line1, line2 } = (typeof tle === 'object' && tle !== null ? tle : {}) as Record<string, unknown>;
  if (typeof line1 !== 'string' || typeof line2 !== 'string') throw new CatalogError('tle must be {"line1": "...", "line2": "..."}');
  const parsed = parseTle(line1, line2);
  if (!parsed.ok) throw new CatalogError(`tle is not valid (${parsed.code}): ${parsed.message}`);
  // Catalog number 00000 is the convention for "not catalogued"; the NORAD id must then be given.
  if (parsed.catalogNumber === 0 && noradSatelliteID === undefined) {
    throw new CatalogError('the TLE has catalog number 00000: give noradSatelliteID');
  }
  if (parsed.catalogNumber !== 0 && noradSatelliteID !== undefined && parsed.catalogNumber !== noradSatelliteID) {
    throw new CatalogError(`noradSatelliteID ${noradSatelliteID} does not match the TLE's catalog number ${parsed.catalogNumber}`);
  }
  return {
    norad: noradSatelliteID ?? parsed.catalogNumber,
    defaultEphemeris: { tle: { line1: line1.trimEnd(), line2: line2.trimEnd() } },
  };
}

function fromOem(oem: unknown, noradSatelliteID: number | undefined): { norad: number; defaultEphemeris: DefaultEphemeris } {
  if (typeof oem !== 'string' || oem.trim() === '') throw new CatalogError('oem must be the text of a CCSDS OEM in KVN');
  if (noradSatelliteID === undefined) throw new CatalogError('noradSatelliteID is required with an oem');
  const parsed = parseOem(oem);
  if (!parsed.ok) {
    throw new CatalogError(`oem is not valid: ${parsed.errors.map((e) => `${e.errorCode}: ${e.errorMessage}`).join('; ')}`);
  }
  return { norad: noradSatelliteID, defaultEphemeris: { oem } };
}
