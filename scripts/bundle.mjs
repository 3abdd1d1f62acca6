// Bundles the compiled server into one file: a cold start then reads and compiles one module
// instead of resolving a few hundred (fastify's dependency tree), which dominates start-up time.
// The CLI and the library (src/index.ts, for tests that start the emulator in-process) alike.
import { build } from 'esbuild';

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
