// Bundles the compiled server into one file: a cold start then reads and compiles one module
// instead of resolving a few hundred (fastify's dependency tree), which dominates start-up time.
// The CLI and the library (src/index.ts, for tests that start the emulator in-process) alike;
// then the web console: its browser code, page and style sheet, into dist/console/.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const bundles = {
  'dist/src/main.js': 'dist/groundstation-local.mjs',
  'dist/src/index.js': 'dist/index.mjs',
};

await Promise.all(Object.entries(bundles).map(([entry, outfile]) => build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // A native addon: loaded from node_modules at run time.
  external: ['better-sqlite3'],
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
})));

// The console ships in the package and loads nothing from elsewhere: every library is bundled.
const CONSOLE_GZIP_LIMIT_BYTES = 400 * 1024;
mkdirSync('dist/console', { recursive: true });
await build({
  entryPoints: ['dist/src/console/main.js'],
  outfile: 'dist/console/console.js',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'console.css']) copyFileSync(`src/console/${file}`, `dist/console/${file}`);
const gzipped = gzipSync(readFileSync('dist/console/console.js')).length;
if (gzipped > CONSOLE_GZIP_LIMIT_BYTES) {
  throw new Error(`dist/console/console.js is ${gzipped} bytes gzipped, over the console's ${CONSOLE_GZIP_LIMIT_BYTES}`);
}
