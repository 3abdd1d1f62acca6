import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * A file that ships in the package (data/, model/), found from the package root, whatever the
 * working directory and whether the code runs from dist/src/ or from the bundle.
 */
export function packageFile(relativePath: string): string {
  root ??= findPackageRoot(dirname(fileURLToPath(import.meta.url)));
  return join(root, relativePath);
}

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    if (dirname(dir) === dir) throw new Error(`groundstation-local: cannot find the package root above ${start}`);
  }
}
