import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchOptions } from '../options.js';
import { fmt, fmtInt, median, type SectionResult } from '../report.js';
import { runLoad, type PoolRequest } from '../load.js';
import { createPool, getPool, startSeededServer, temporaryDataDir, type SeededServer } from '../seeded-server.js';
import { startBaseline, type ServerProcess } from '../server-process.js';

const runCommand = promisify(execFile);
const CONNECTIONS = 32;
// Enough requests for V8 to finish optimizing the hot path (counts still fell after 3,000 creates).
const WARMUP_REQUESTS = 8_000;
const WINDOW_REQUESTS = 1_000;
const WINDOWS = 3;

interface Counted {
  name: string;
  /** Instructions per request of the server's main thread, one figure per window. */
  perWindow: number[];
  perRequest: number;
}

function hasValgrind(): boolean {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const callgrind = (outFile: string) => ({
  command: ['valgrind', '--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${outFile}`],
  startTimeoutMs: 180_000,
});

/** Warms the server up, then counts each window's instructions from its own callgrind dump. */
async function count(name: string, server: ServerProcess, outFile: string, pool: PoolRequest[]): Promise<Counted> {
  await runLoad({ url: server.url, pool, connections: CONNECTIONS, amount: WARMUP_REQUESTS });
  const perWindow: number[] = [];
  for (let dumpNumber = 1; dumpNumber <= WINDOWS; dumpNumber++) {
    await runCommand('callgrind_control', ['-z', String(server.pid)]);
    const { requests } = await runLoad({ url: server.url, pool, connections: CONNECTIONS, amount: WINDOW_REQUESTS });
    await runCommand('callgrind_control', ['-d', String(server.pid)]);
    // Thread 01 is the main thread: V8's compiler and GC helper threads are left out.
    const dumpFile = `${outFile}.${dumpNumber}-01`;
    const total = /^(?:summary|totals): (\d+)/m.exec(readFileSync(dumpFile, 'utf8'));
    if (!total) throw new Error(`no instruction total in ${dumpFile}`);
    perWindow.push(Number(total[1]) / requests);
  }
  process.stderr.write(`  ${name}: ${perWindow.map((n) => fmtInt(n)).join(', ')} instructions per request\n`);
  return { name, perWindow, perRequest: median(perWindow) };
}

/** The bare node:http server, answering the seeded server's Get body. */
async function countBaseline(seeded: SeededServer, dir: string): Promise<Counted> {
  const sample = await seeded.client.call('GET', `/missionprofile/${seeded.profileIds[0]}`);
  const bodyFile = join(dir, 'get-mission-profile.json');
  writeFileSync(bodyFile, sample.text);
  const outFile = join(dir, 'baseline.out');
  const baseline = await startBaseline(bodyFile, callgrind(outFile));
  try {
    return await count('baseline (node:http, Get-sized body)', baseline, outFile, await getPool(baseline.host, seeded.profileIds));
  } finally {
    await baseline.stop();
  }
}

/**
 * User-space instructions per request, counted by callgrind: unlike timings, they do not depend on
 * what else the machine is doing. A create's count repeats within about 1% from run to run, so a
 * change of a few percent shows; a Get's (and the baseline's) moves more, probably with the
 * batching of answers and V8's compiling. Kernel work (sockets, fsync) is not counted.
 */
export async function instructionsSection(_options: BenchOptions): Promise<SectionResult> {
  const title = 'Instructions per request (callgrind, server main thread, 32 connections)';
  const columns = ['Workload', 'Instructions / request', '× baseline', 'Windows'];
  if (!hasValgrind()) {
    return { name: 'instructions', title, columns, rows: [], notes: ['valgrind is not installed: not measured'], targets: [], data: { skipped: true } };
  }
  const dir = temporaryDataDir('instructions');
  const counted: Counted[] = [];

  try {
    // A fresh server for each workload, so neither count carries the other's heap or compiled code.
    for (const workload of ['GetMissionProfile', 'CreateMissionProfile'] as const) {
      const outFile = join(dir, `${workload}.out`);
      const seeded = await startSeededServer('instructions', 100, [], callgrind(outFile));
      try {
        if (counted.length === 0) counted.push(await countBaseline(seeded, dir));
        const { host } = seeded.server;
        const pool = workload === 'GetMissionProfile' ? await getPool(host, seeded.profileIds) : await createPool(host, seeded.configs, 200, 'instructions');
        counted.push(await count(workload, seeded.server, outFile, pool));
      } finally {
        await seeded.dispose();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = counted[0]!.perRequest;
  return {
    name: 'instructions',
    title,
    columns,
    rows: counted.map((c) => [c.name, fmtInt(c.perRequest), fmt(c.perRequest / base, 2), c.perWindow.map((n) => fmtInt(n)).join(' / ')]),
    notes: [
      `median of ${WINDOWS} windows of ${WINDOW_REQUESTS} requests each, after ${WARMUP_REQUESTS} unmeasured ones; user space only (the kernel's socket and fsync work is not counted)`,
    ],
    targets: [],
    data: { connections: CONNECTIONS, warmupRequests: WARMUP_REQUESTS, windowRequests: WINDOW_REQUESTS, counted },
  };
}
