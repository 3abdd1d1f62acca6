import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

// Tests run compiled from dist/test/…; the project root is where package.json lives.
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturePath = (...parts: string[]) => resolve(projectRoot, 'test/fixtures', ...parts);
