import { spawn } from 'node:child_process';
import { request } from 'node:http';
import type { BenchOptions } from '../options.js';
import { check, fmt, median, type SectionResult } from '../report.js';
import { startSeededServer } from '../seeded-server.js';
import { freePort, serverScriptPath } from '../server-process.js';
import { signRequest, type SignedRequest } from '../sign.js';

interface Start {
  healthMs: number;
  getMs: number;
}

/** Sends one request without keep-alive; resolves with the status, rejects if nothing listens yet. */
function send(port: number, signed: Pick<SignedRequest, 'method' | 'path' | 'headers'>): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const req = request({ host: '127.0.0.1', port, method: signed.method, path: signed.path, headers: signed.headers, agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}

/** Retries every millisecond until the server answers 200. */
async function firstAnswer(port: number, signed: Pick<SignedRequest, 'method' | 'path' | 'headers'>, deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await send(port, signed)) === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer to ${signed.path} in time`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** One cold start: process spawn to first health answer, then to first GetMissionProfile answer. */
async function coldStart(dataDir: string, profileId: string, nodeFlags: string[]): Promise<Start> {
  const port = await freePort();
  const get = await signRequest(`127.0.0.1:${port}`, 'GET', `/missionprofile/${profileId}`);
  const health = { method: 'GET', path: '/_local/health', headers: {} };
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [...nodeFlags, serverScriptPath(), '--port', String(port), '--data-dir', dataDir, '--log-level', 'warn'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    await firstAnswer(port, health, Date.now() + 20_000);
    const healthMs = Number(process.hrtime.bigint() - started) / 1e6;
    await firstAnswer(port, get, Date.now() + 20_000);
    const getMs = Number(process.hrtime.bigint() - started) / 1e6;
    return { healthMs, getMs };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Cold start on an existing data directory with data: the median of several starts. */
export async function startupSection(options: BenchOptions): Promise<SectionResult> {
  const seeded = await startSeededServer('startup', 100, options.serverNodeFlags);
  const profileId = seeded.profileIds[0]!;
  await seeded.server.stop();
  const starts: Start[] = [];
  for (let i = 0; i < options.starts; i++) starts.push(await coldStart(seeded.dataDir, profileId, options.serverNodeFlags));
  await seeded.dispose();

  const health = median(starts.map((s) => s.healthMs));
  const get = median(starts.map((s) => s.getMs));
  const range = (values: number[]) => `${fmt(Math.min(...values), 0)}–${fmt(Math.max(...values), 0)}`;
  return {
    name: 'startup',
    title: `Start-up: spawn to first answer, existing data dir (100 profiles), median of ${options.starts} starts`,
    columns: ['first answer', 'median ms', 'range ms', 'target'],
    rows: [
      ['GET /_local/health', fmt(health, 0), range(starts.map((s) => s.healthMs)), `<400 ms ${health < 400 ? 'PASS' : 'MISS'}`],
      ['GetMissionProfile', fmt(get, 0), range(starts.map((s) => s.getMs)), ''],
    ],
    notes: [],
    targets: [check('cold start to first health answer', '< 400 ms', `${fmt(health, 0)} ms`, health < 400)],
    data: { starts, medianHealthMs: health, medianGetMs: get },
  };
}
