// npm run fuzz [-- --requests N] [--seed S]: the model fuzz at scale (see test/protocol/fuzz-runner.ts).
// Prints the answers by status class and status, and every broken rule; exits 1 if any.
import { parseArgs } from 'node:util';
import { model } from '../src/api/model.js';
import { runFuzz, SLOW_MS } from '../test/protocol/fuzz-runner.js';

const { values } = parseArgs({ options: { requests: { type: 'string' }, seed: { type: 'string' } } });
const requests = Number(values.requests ?? 100_000);
const seed = Number(values.seed ?? 1);
if (!Number.isSafeInteger(requests) || requests < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--requests N] [--seed S]\n');
  process.exit(2);
}

process.stderr.write(`[fuzz] ${requests} requests, seed ${seed}\n`);
const report = await runFuzz({ requests, seed, progress: (sent) => process.stderr.write(`[fuzz] ${sent} sent\n`) });
const lines = [
  `requests: ${report.requests} (seed ${report.seed}) in ${report.seconds} s, ${report.operations} of ${Object.keys(model.operations).length} operations and ${report.adminRoutes} admin routes reached`,
  `by class: ${Object.entries(report.byClass).sort().map(([key, count]) => `${key} ${count}`).join(', ')}`,
  'by status:',
  ...Object.entries(report.byStatus).sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `  ${key}: ${count}`),
  `costliest: ${report.costliest.map(({ operation, count, totalMs }) => `${operation} ${count}× ${totalMs} ms`).join(', ')}`,
  `slowest answer: ${report.slowestMs} ms (limit ${SLOW_MS} ms): ${report.slowest.slice(0, 300)}`,
  report.failures.length === 0 ? 'no rule broken' : `${report.failures.length} rules broken (at most 20 shown):`,
  ...report.failures.map((failure) => `  ${failure}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(report.failures.length === 0 ? 0 : 1);
