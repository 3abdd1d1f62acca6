// Bundles the compiled server into one file: a cold start then reads and compiles one module
// instead of resolving a few hundred (fastify's dependency tree), which dominates start-up time.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/main.js'],
  outfile: 'dist/groundstation-local.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // A native addon: loaded from node_modules at run time.
  external: ['better-sqlite3'],
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
});
