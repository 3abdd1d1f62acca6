// npm run bench [-- --quick] [--only SECTION] [--cpu-prof DIR] [--server-root DIR]: the benchmark entry point.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readOptions, type SectionName } from './options.js';
import { machineInfo, renderReport, type SectionResult } from './report.js';
import { consoleSection } from './sections/console.js';
import { contactsSection } from './sections/contacts.js';
import { ephemeridesSection } from './sections/ephemerides.js';
import { eventLoopSection } from './sections/event-loop.js';
import { instructionsSection } from './sections/instructions.js';
import { scaleSection } from './sections/scale.js';
import { startupSection } from './sections/startup.js';
import { throughputSection } from './sections/throughput.js';
import { ROOT, useServerRoot } from './server-process.js';
import type { BenchOptions } from './options.js';

const RUNNERS: Record<SectionName, (options: BenchOptions) => Promise<SectionResult>> = {
  throughput: throughputSection,
  scale: scaleSection,
  startup: startupSection,
  contacts: contactsSection,
  ephemerides: ephemeridesSection,
  'event-loop': eventLoopSection,
  instructions: instructionsSection,
  console: consoleSection,
};

const options = readOptions(process.argv.slice(2));
if (options.serverRoot) useServerRoot(options.serverRoot);
const machine = machineInfo();
const started = Date.now();
const results: SectionResult[] = [];
for (const name of options.sections) {
  process.stderr.write(`[bench] ${name}…\n`);
  const sectionStarted = Date.now();
  results.push(await RUNNERS[name](options));
  process.stderr.write(`[bench] ${name} done in ${((Date.now() - sectionStarted) / 1000).toFixed(0)} s\n`);
}

process.stdout.write(renderReport(machine, results, options.quick));
const resultsFile = resolve(ROOT, options.resultsFile);
mkdirSync(dirname(resultsFile), { recursive: true });
const document = {
  machine,
  quick: options.quick,
  sections: Object.fromEntries(results.map((r) => [r.name, { title: r.title, data: r.data, notes: r.notes }])),
  targets: results.flatMap((r) => r.targets.map((t) => ({ section: r.name, ...t }))),
  totalSeconds: Math.round((Date.now() - started) / 1000),
};
writeFileSync(resultsFile, JSON.stringify(document, null, 2) + '\n');
process.stdout.write(`\nresults: ${resultsFile} (${document.totalSeconds} s)\n`);
