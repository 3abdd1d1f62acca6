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

// The longest files start first, so the rest run beside them instead of after them.
const LONGEST = ['dist/test/protocol/model-fuzz.test.js', 'dist/test/cli/aws-cli.test.js', 'dist/test/contact/contact-lifecycle.test.js'];

const started = process.hrtime.bigint();
const found = testFiles('dist/test').sort();
const files = [...LONGEST.filter((file) => found.includes(file)), ...found.filter((file) => !LONGEST.includes(file))];
// Test files wait on clients and clocks as much as they compute: more of them than cores run at once.
const concurrency = process.env.GSL_TEST_CONCURRENCY ?? '3';
const child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...process.argv.slice(2), ...files], { stdio: 'inherit' });
child.once('exit', (code, signal) => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`\nTest suite: ${files.length} files in ${seconds.toFixed(1)} s wall time\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
