// Copies a botocore service model into model/, keeping its structure and dropping all prose.
// Usage: node scripts/strip-model.mjs <path/to/groundstation-service-2.json>
import { readFileSync, writeFileSync } from 'node:fs';

const PROSE_KEYS = new Set(['documentation', 'documentationUrl', 'deprecatedMessage']);

function strip(value) {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, child] of Object.entries(value)) {
    if (!PROSE_KEYS.has(key)) out[key] = strip(child);
  }
  return out;
}

const [source] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/strip-model.mjs <groundstation-service-2.json>');
  process.exit(2);
}
const model = strip(JSON.parse(readFileSync(source, 'utf8')));
writeFileSync(new URL('../model/groundstation-2019-05-23.json', import.meta.url), JSON.stringify(model, null, 1) + '\n');
