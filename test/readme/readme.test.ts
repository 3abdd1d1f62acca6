import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startGroundStationLocal } from 'groundstation-local';
import { projectRoot } from '../support/paths.js';

// Every code block of the README runs here as a user would run it, so none can go stale. The first
// one ("The two commands") is how this suite itself is run, and is not run again.
const blocks = [...readFileSync(join(projectRoot, 'README.md'), 'utf8').matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({
  lang: lang!,
  code: code!,
}));
const [, clientsBlock, workflowBlock, libraryBlock, pytestBlock] = blocks;
const run = promisify(execFile);

/** A folder laid out as a user's project that installed the package (and the JS SDK). */
function userProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsl-readme-'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(projectRoot, join(dir, 'node_modules', 'groundstation-local'));
  symlinkSync(join(projectRoot, 'node_modules', '@aws-sdk'), join(dir, 'node_modules', '@aws-sdk'));
  const bin = join(dir, 'node_modules', '.bin', 'groundstation-local');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${join(projectRoot, 'dist', 'groundstation-local.mjs')}" "$@"\n`);
  chmodSync(bin, 0o755);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-user', private: true, type: 'module' }));
  made.push(dir);
  return dir;
}
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const clientEnv = (endpoint: string) => ({
  ...process.env,
  AWS_ENDPOINT_URL_GROUNDSTATION: endpoint,
  AWS_ACCESS_KEY_ID: '111122223333',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_DEFAULT_REGION: 'us-east-2',
  AWS_MAX_ATTEMPTS: '1',
});

describe('the README, run as written', () => {
  it('has the blocks this test runs, in order', () => {
    assert.deepEqual(
      blocks.map((block) => block.lang),
      ['sh', 'sh', 'python', 'js', 'python'],
    );
  });

  it('the clients block: the AWS CLI lists the ground stations', async () => {
    const gs = await startGroundStationLocal();
    try {
      const script = clientsBlock!.code.replaceAll('http://127.0.0.1:4580', gs.endpoint);
      const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], { env: process.env });
      assert.ok(JSON.parse(stdout).groundStationList.length > 0, stdout);
    } finally {
      await gs.stop();
    }
  });

  it('the workflow: lists a pass, reserves it, moves the clock through it and reads every event', async () => {
    const dir = userProject();
    const gs = await startGroundStationLocal({ clock: { start: '2026-07-21T00:00:00Z', rate: 0 }, eventsFile: join(dir, 'events.jsonl') });
    try {
      const { stdout } = await run('python3', ['-c', workflowBlock!.code], { cwd: dir, env: clientEnv(gs.endpoint) });
      const statuses = ['SCHEDULING', 'SCHEDULED', 'PREPASS', 'PASS', 'POSTPASS', 'COMPLETED'];
      assert.deepEqual(
        [...stdout.matchAll(/Ground Station Contact State Change (\w+)/g)].map(([, status]) => status),
        statuses,
        stdout,
      );
      assert.match(stdout, /Ground Station S3 Upload Complete/);
    } finally {
      await gs.stop();
    }
  });

  it('the library example passes under node:test in a project that installed the package', async () => {
    const dir = userProject();
    writeFileSync(join(dir, 'example.test.js'), libraryBlock!.code);
    // A test process of its own, not a subtest of this runner's.
    const { NODE_TEST_CONTEXT: _runner, ...env } = process.env;
    const { stdout } = await run(process.execPath, ['--test', 'example.test.js'], { cwd: dir, env });
    assert.match(stdout, /# pass 2\n/, stdout);
    assert.match(stdout, /# fail 0\n/, stdout);
  });

  it('the pytest fixture starts the CLI through npx and its test passes', async () => {
    const dir = userProject();
    writeFileSync(join(dir, 'test_readme.py'), pytestBlock!.code);
    const { stdout } = await run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test_readme.py'], { cwd: dir, env: process.env });
    assert.match(stdout, /1 passed/, stdout);
  });
});
