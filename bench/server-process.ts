import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/bench/server-process.js → the repository root is two levels up.
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let serverScript = resolve(ROOT, 'dist/groundstation-local.mjs');

/** Measures the build in another checkout instead of this one (its dist/groundstation-local.mjs). */
export function useServerRoot(root: string): void {
  serverScript = resolve(root, 'dist/groundstation-local.mjs');
}

export const serverScriptPath = (): string => serverScript;
export const BASELINE_SCRIPT = resolve(ROOT, 'dist/bench/baseline-server.js');

export interface ServerProcess {
  host: string;
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident memory of the server process, in MB (VmRSS). */
  rssMb(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
  output(): string;
}

export interface SpawnOptions {
  script: string;
  args?: string[];
  nodeFlags?: string[];
  /** A command that runs node for us (e.g. valgrind and its options), and how long start-up may take under it. */
  launcher?: { command: string[]; startTimeoutMs: number };
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

/** One plain GET without keep-alive: resolves with the status, or rejects if nothing answers. */
export function probe(url: string): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}

export function readRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Spawns a node script as a child process, the way users run the server, and waits until it answers. */
export async function startProcess(options: SpawnOptions): Promise<ServerProcess> {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  const args = [...(options.nodeFlags ?? []), options.script, '--port', String(port), ...(options.args ?? [])];
  const [command, ...launcherArgs] = [...(options.launcher?.command ?? []), process.execPath];
  const child = spawn(command!, [...launcherArgs, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + (options.launcher?.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.script} exited with ${child.exitCode}: ${output}`);
    try {
      if ((await probe(`${url}/_local/health`)) === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${options.script} did not become healthy: ${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    host,
    url,
    pid: child.pid!,
    child,
    rssMb: () => readRssMb(child.pid!),
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface GslOptions {
  dataDir: string;
  extraArgs?: string[];
  nodeFlags?: string[];
  launcher?: SpawnOptions['launcher'];
}

export function startGsl(options: GslOptions): Promise<ServerProcess> {
  return startProcess({
    script: serverScript,
    args: ['--data-dir', options.dataDir, '--log-level', 'warn', ...(options.extraArgs ?? [])],
    nodeFlags: options.nodeFlags,
    launcher: options.launcher,
  });
}

export function startBaseline(bodyFile: string, launcher?: SpawnOptions['launcher']): Promise<ServerProcess> {
  return startProcess({ script: BASELINE_SCRIPT, args: ['--body-file', bodyFile], launcher });
}
