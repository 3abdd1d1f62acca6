// npm test: every compiled test file under node --test, then the suite's wall time.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const testFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  });

const started = process.hrtime.bigint();
const files = testFiles('dist/test').sort();
// Test files wait on clients and clocks as much as they compute: more of them than cores run at once.
const concurrency = process.env.GSL_TEST_CONCURRENCY ?? '3';
const child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...process.argv.slice(2), ...files], { stdio: 'inherit' });
child.once('exit', (code, signal) => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`\nTest suite: ${files.length} files in ${seconds.toFixed(1)} s wall time\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
