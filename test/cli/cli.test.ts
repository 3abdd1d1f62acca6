import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { raw } from '../support/clients.js';
import { freePort, mainScript, startServer, temporaryDataDir } from '../support/server.js';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with these arguments and environment until it exits. */
function run(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mainScript, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the CLI configured only through the environment; resolves once it answers on the port. */
async function startFromEnvironment(env: Record<string, string>) {
  const child = spawn(process.execPath, [mainScript], { env: { ...process.env, ...env }, stdio: 'ignore' });
  const url = `http://${env.GSL_HOST}:${env.GSL_PORT}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const health = await raw(url, 'GET', '/_local/health');
      return { url, pid: child.pid, health: health.json, stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')) };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error('the server configured from the environment never answered');
}

describe('command line', () => {
  it('--help prints every flag with its environment variable and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    for (const text of [
      'Usage: groundstation-local',
      '--host',
      'GSL_HOST',
      '--port',
      'GSL_PORT',
      '--data-dir',
      'GSL_DATA_DIR',
      '--in-memory',
      'GSL_IN_MEMORY',
      '--log-level',
      'GSL_LOG_LEVEL',
      'GSL_MAX_DATABASE_PAGES',
      '--auth',
      'GSL_AUTH',
      '--credentials-file',
      'GSL_CREDENTIALS_FILE',
      '--max-body-bytes',
      'GSL_MAX_BODY_BYTES',
      '--max-resources',
      'GSL_MAX_RESOURCES',
    ]) {
      assert.ok(stdout.includes(text), `help mentions ${text}`);
    }
  });

  it('A bad flag or value prints the problem and the usage, and exits 2', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--bogus'], {}, /Unknown option '--bogus'/],
      [['--port', 'eighty'], {}, /invalid port: eighty/],
      [['--port', '70000'], {}, /invalid port: 70000/],
      [['--log-level', 'loud'], {}, /invalid log level: loud/],
      [['stray'], {}, /positional argument/i],
      [[], { GSL_PORT: 'x' }, /invalid port: x/],
      [[], { GSL_MAX_DATABASE_PAGES: 'lots' }, /invalid GSL_MAX_DATABASE_PAGES: lots/],
      [['--auth', 'loose'], {}, /invalid auth mode: loose \(open or strict\)/],
      [['--auth', 'strict'], {}, /--auth strict needs --credentials-file/],
      [['--credentials-file', 'keys'], {}, /--credentials-file is used only with --auth strict/],
      [['--max-body-bytes', '0'], {}, /invalid max body bytes: 0/],
      [[], { GSL_MAX_RESOURCES: '-1' }, /invalid max resources: -1/],
    ];
    const exits = await Promise.all(cases.map(([args, env]) => run(args, env)));
    exits.forEach(({ code, stderr }, index) => {
      assert.equal(code, 2, `${cases[index]![0].join(' ')} exits 2`);
      assert.match(stderr, cases[index]![2]);
      assert.match(stderr, /Usage: groundstation-local/);
    });
  });

  it('GSL_HOST, GSL_PORT, GSL_DATA_DIR and GSL_LOG_LEVEL stand in for the flags', async () => {
    const dataDir = temporaryDataDir();
    const env = { GSL_HOST: '127.0.0.1', GSL_PORT: String(await freePort()), GSL_DATA_DIR: dataDir, GSL_LOG_LEVEL: 'silent' };
    const server = await startFromEnvironment(env);
    try {
      assert.deepEqual(server.health, { status: 'ok', service: 'groundstation-local', storage: 'sqlite', pid: server.pid });
      assert.ok(existsSync(join(dataDir, 'groundstation.sqlite')), 'the database lives in GSL_DATA_DIR');
    } finally {
      await server.stop();
    }
  });

  it('A credentials file that is missing, or holds a key without its secret, is reported plainly with exit 1', async () => {
    const dir = temporaryDataDir();
    const halfKey = join(dir, 'half-key');
    writeFileSync(halfKey, '[default]\naws_access_key_id = AKIAGSLHALFKEY000001\n');
    const missing = await run(['--in-memory', '--auth', 'strict', '--credentials-file', join(dir, 'none')]);
    const half = await run(['--in-memory', '--auth', 'strict', '--credentials-file', halfKey]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^groundstation-local: cannot read the credentials file .*none: ENOENT/);
    assert.equal(half.code, 1);
    assert.match(half.stderr, /\[default\]: aws_access_key_id and aws_secret_access_key are both required/);
  });

  it('GSL_AUTH=strict and GSL_CREDENTIALS_FILE stand in for the flags: unsigned requests are refused, the health check answers', async () => {
    const dir = temporaryDataDir();
    const keys = join(dir, 'credentials');
    writeFileSync(keys, '[default]\naws_access_key_id = AKIAGSLENVKEY0000001\naws_secret_access_key = secret\n');
    const env = { GSL_HOST: '127.0.0.1', GSL_PORT: String(await freePort()), GSL_IN_MEMORY: '1', GSL_LOG_LEVEL: 'silent', GSL_AUTH: 'strict', GSL_CREDENTIALS_FILE: keys };
    const server = await startFromEnvironment(env);
    try {
      const refused = await raw(server.url, 'GET', '/config');
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
    } finally {
      await server.stop();
    }
  });

  it('GSL_IN_MEMORY=1 stands in for --in-memory', async () => {
    const env = { GSL_HOST: '127.0.0.1', GSL_PORT: String(await freePort()), GSL_IN_MEMORY: '1', GSL_LOG_LEVEL: 'silent' };
    const server = await startFromEnvironment(env);
    try {
      assert.equal(server.health.storage, 'memory');
    } finally {
      await server.stop();
    }
  });

  it('A port already in use is reported plainly with exit 1', async () => {
    const running = await startServer({ inMemory: true });
    try {
      const { code, stderr } = await run(['--port', String(running.port), '--in-memory']);
      assert.equal(code, 1);
      assert.match(stderr, new RegExp(`cannot listen on 127.0.0.1:${running.port}: .*EADDRINUSE`));
    } finally {
      await running.stop();
    }
  });

  it('A database file that is not SQLite, or is damaged, is named in one line with the way out; exit 1, the file untouched', async () => {
    const garbage = temporaryDataDir();
    writeFileSync(join(garbage, 'groundstation.sqlite'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    const damaged = temporaryDataDir();
    const server = await startServer({ dataDir: damaged });
    await server.stop();
    const file = readFileSync(join(damaged, 'groundstation.sqlite'));
    // The 100-byte header stays; the schema after it is overwritten.
    file.fill(0xa5, 100);
    writeFileSync(join(damaged, 'groundstation.sqlite'), file);
    for (const dataDir of [garbage, damaged]) {
      const path = join(dataDir, 'groundstation.sqlite');
      const before = readFileSync(path);
      const { code, stdout, stderr } = await run(['--data-dir', dataDir, '--port', '0']);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, new RegExp(`^groundstation-local: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a readable SQLite database \\(.+\\); it was left untouched\\. Move it away`));
      assert.doesNotMatch(stderr, /SqliteError|\bat /);
      assert.ok(readFileSync(path).equals(before), 'the file is unchanged');
    }
  });

  it('A data directory a newer build wrote is refused in one line with the way out; exit 1, nothing migrated', async () => {
    const dataDir = temporaryDataDir();
    const server = await startServer({ dataDir });
    await server.stop();
    const path = join(dataDir, 'groundstation.sqlite');
    const db = new Database(path);
    const steps = db.prepare<[], number>("SELECT version FROM schema_versions WHERE component = 'contact'").pluck().get()!;
    db.prepare("UPDATE schema_versions SET version = ? WHERE component = 'contact'").run(steps + 1);
    db.close();
    const before = readFileSync(path);
    const { code, stdout, stderr } = await run(['--data-dir', dataDir, '--port', '0']);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      `groundstation-local: the data directory was written by a newer build (its contact schema is at step ${steps + 1}; this build knows ${steps}): ` +
        'start that build or a newer one, or pass another --data-dir\n',
    );
    assert.ok(readFileSync(path).equals(before), 'the file is unchanged');
  });
});
