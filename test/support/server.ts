import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, afterEach, before, beforeEach } from 'node:test';
import { startGroundStationLocal, type GroundStationLocal, type GroundStationLocalOptions } from 'groundstation-local';
import { projectRoot } from './paths.js';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output(): string;
  /** Stops the server; SIGKILL simulates a crash. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  dataDir?: string;
  inMemory?: boolean;
  args?: string[];
  env?: Record<string, string>;
}

// The shipped artifact: the bundled server, as `npm start` and the bin run it.
export const mainScript = resolve(projectRoot, 'dist/groundstation-local.mjs');

// Every data directory a test file made goes when that file's process exits.
const madeDirs: string[] = [];
process.once('exit', () => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

export function temporaryDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsl-test-'));
  madeDirs.push(dir);
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

// Between freePort() and the server's listen, a server or client of a test file running alongside
// may take the port: then the start is tried again on another.
class PortTaken extends Error {}

/** Starts the real server (the built CLI) as a child process and waits until it is healthy. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(options, await freePort());
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 3) throw error;
    }
  }
}

async function launch(options: StartOptions, port: number): Promise<RunningServer> {
  const dataDir = options.dataDir ?? temporaryDataDir();
  const args = [mainScript, '--port', String(port), '--log-level', 'warn', ...(options.args ?? [])];
  args.push(...(options.inMemory ? ['--in-memory'] : ['--data-dir', dataDir]));
  const child = spawn(process.execPath, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const failure = `server exited with ${child.exitCode}: ${output}`;
      throw output.includes('EADDRINUSE') ? new PortTaken(failure) : new Error(failure);
    }
    let answeredBy: number | undefined;
    try {
      const response = await fetch(`${url}/_local/health`);
      if (response.ok) answeredBy = ((await response.json()) as { pid?: number }).pid;
    } catch {
      // not listening yet
    }
    if (answeredBy === child.pid) break;
    if (answeredBy !== undefined) {
      child.kill('SIGKILL');
      throw new PortTaken(`port ${port} is another server's (pid ${answeredBy})`);
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    dataDir,
    process: child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A server started in this process through the library API, as useServer gives it. */
export interface InProcessServer {
  readonly url: string;
  readonly port: number;
  /** The library's handle: clock, events, reset. */
  readonly gs: GroundStationLocal;
  /** Everything it logged (at warn and above unless a logLevel is given). */
  output(): string;
}

/**
 * The shared fixture: one in-process server for the enclosing `describe` (or file), started before
 * its tests and stopped after them; with `each`, a fresh one for every test, for tests that move the
 * clock their own way. Call it where `before`/`after` may be called. Tests that need a process of
 * their own (restart, crash, flags, exit codes) use startServer.
 */
export function useServer(options: GroundStationLocalOptions = {}, { each = false } = {}): InProcessServer {
  let gs: GroundStationLocal | undefined;
  let output = '';
  const started = () => {
    if (!gs) throw new Error('the server is not started yet: use it inside a test or a before hook');
    return gs;
  };
  (each ? beforeEach : before)(async () => {
    gs = await startGroundStationLocal({ logStream: { write: (line) => void (output += line) }, ...options });
  });
  (each ? afterEach : after)(() => gs?.stop());
  return {
    get url() {
      return started().endpoint;
    },
    get port() {
      return started().port;
    },
    get gs() {
      return started();
    },
    output: () => output,
  };
}
