import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../api-client.js';
import { runLoad, type LoadResult, type PoolRequest } from '../load.js';
import type { BenchOptions } from '../options.js';
import { check, fmt, fmtInt, fmtPercent, machineCpuTimes, median, stolenPercent, verdict, type SectionResult, type TargetCheck } from '../report.js';
import { createPool, getPool, listPool, mixedPool, startSeededServer, temporaryDataDir } from '../seeded-server.js';
import { startBaseline, startGsl } from '../server-process.js';

const SEED_PROFILES = 100;
// The same signed creates, sent to the baseline's server: the cost of any write before its own work.
const POST_REFERENCE = 'POST reference (node:http, parses a create)';

interface Workload {
  name: string;
  pool: PoolRequest[];
  /** The baseline every ratio divides by; a reference measured for context only; or Ground Station Local. */
  role: 'baseline' | 'reference' | 'server';
  url: string;
}

interface Measurement extends LoadResult {
  name: string;
  role: Workload['role'];
  ratio: number;
}

interface Round {
  measurements: Measurement[];
  acknowledgedWrites: number;
  measuredWrites: number;
  presentAfterCrash: number;
  getBodyBytes: number;
  /** % of the machine's CPU time the hypervisor gave to other guests while the round's load ran. */
  stolenPercent: number;
}

/**
 * Throughput and latency of each operation at 1, 8 and 32 connections, as a ratio to a bare node:http
 * baseline measured in the same round. Rounds are independent (a fresh server and baseline each),
 * and the table shows each figure's median over the rounds: one run on a shared machine can be off.
 */
export async function throughputSection(options: BenchOptions): Promise<SectionResult> {
  const rounds: Round[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    process.stderr.write(`  round ${round} of ${options.rounds}\n`);
    rounds.push(await measureRound(options));
  }
  const measurements = medians(rounds.map((r) => r.measurements));
  const acknowledgedWrites = rounds.reduce((sum, r) => sum + r.acknowledgedWrites, 0);
  const measuredWrites = rounds.reduce((sum, r) => sum + r.measuredWrites, 0);
  const presentAfterCrash = rounds.reduce((sum, r) => sum + r.presentAfterCrash, 0);

  const at = (name: string, connections: number) => measurements.find((m) => m.name === name && m.connections === connections);
  const top = Math.max(...options.connections);
  const targets: TargetCheck[] = [];
  const get = at('GetMissionProfile', top);
  const create = at('CreateMissionProfile', top);
  const durable = presentAfterCrash === acknowledgedWrites && measuredWrites <= acknowledgedWrites;
  if (get) {
    targets.push(check(`GetMissionProfile throughput @${top}`, '≥ 0.60× baseline', `${fmt(get.ratio, 2)}×`, get.ratio >= 0.6));
    targets.push(check(`GetMissionProfile p99 @${top}`, '< 5 ms', `${fmt(get.p99, 2)} ms`, get.p99 < 5));
  }
  if (create) {
    targets.push(check(`CreateMissionProfile throughput @${top}`, '≥ 0.30× baseline', `${fmt(create.ratio, 2)}×`, create.ratio >= 0.3));
  }
  targets.push(
    check('every acknowledged write durable (SIGKILL, restart)', 'all present', `${fmtInt(presentAfterCrash)}/${fmtInt(acknowledgedWrites)}`, durable),
  );

  const targetCell = (m: Measurement): string => {
    if (m.connections !== top) return '';
    if (m.name === 'GetMissionProfile') return `≥0.6× & p99<5ms ${verdict(m.ratio >= 0.6 && m.p99 < 5)}`;
    if (m.name === 'CreateMissionProfile') return `≥0.3× ${verdict(m.ratio >= 0.3)}`;
    return '';
  };
  return {
    name: 'throughput',
    title: `Throughput: median of ${options.rounds} round${options.rounds > 1 ? 's' : ''}, ${options.seconds} s per run after ${options.warmupSeconds} s warm-up, keep-alive, SigV4-signed`,
    columns: ['operation', 'conns', 'req/s', '× baseline', 'p50 ms', 'p99 ms', 'non-2xx', 'target'],
    rows: measurements.map((m) => [
      m.name,
      String(m.connections),
      fmtInt(m.rps),
      fmt(m.ratio, 2),
      fmt(m.p50, 2),
      fmt(m.p99, 2),
      fmtInt(m.failed),
      targetCell(m),
    ]),
    notes: [
      `durability: ${fmtInt(acknowledgedWrites)} profiles created (incl. warm-up), ${fmtInt(presentAfterCrash)} present after SIGKILL and restart: ${verdict(durable)}`,
      `CreateMissionProfile against the POST reference: ${options.connections
        .map((connections) => `${fmt(createOverReference(rounds, connections), 2)}× @${connections}`)
        .join(', ')} (median of the rounds' ratios)`,
      // A shared virtual machine: rounds in which the hypervisor ran other guests on our CPUs run slower.
      `CPU time stolen by the hypervisor (steal) per round: ${rounds.map((r) => fmtPercent(r.stolenPercent)).join(', ')}`,
    ],
    targets,
    data: { measurements, rounds, seedProfiles: SEED_PROFILES, acknowledgedWrites, measuredWrites, presentAfterCrash },
  };
}

/** One round: a fresh seeded server and baseline, every workload at every connection count, then a crash. */
async function measureRound(options: BenchOptions): Promise<Round> {
  const seeded = await startSeededServer('throughput', SEED_PROFILES, options.serverNodeFlags);
  const { server, configs, profileIds } = seeded;
  const bodyDir = temporaryDataDir('baseline');
  const sample = await seeded.client.call('GET', `/missionprofile/${profileIds[0]}`);
  const bodyFile = join(bodyDir, 'get-mission-profile.json');
  writeFileSync(bodyFile, sample.text);
  const baseline = await startBaseline(bodyFile);

  const workloads: Workload[] = [
    { name: 'baseline (node:http, Get-sized body)', role: 'baseline', pool: await getPool(baseline.host, profileIds), url: baseline.url },
    { name: POST_REFERENCE, role: 'reference', pool: unlabelled(await createPool(baseline.host, configs, 200, 'bench-reference')), url: baseline.url },
    { name: 'GetMissionProfile', role: 'server', pool: await getPool(server.host, profileIds), url: server.url },
    { name: 'ListMissionProfiles (page of 100)', role: 'server', pool: await listPool(server.host), url: server.url },
    { name: 'CreateMissionProfile', role: 'server', pool: await createPool(server.host, configs, 200, 'bench-create'), url: server.url },
    { name: 'mixed 80% Get / 20% Create', role: 'server', pool: await mixedPool(server.host, configs, profileIds), url: server.url },
  ];

  const measurements: Measurement[] = [];
  const cpuBefore = machineCpuTimes();
  for (const connections of options.connections) {
    let baselineRps = NaN;
    for (const workload of workloads) {
      const result = await runLoad({
        url: workload.url,
        pool: workload.pool,
        connections,
        durationSeconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
      });
      if (workload.role === 'baseline') baselineRps = result.rps;
      measurements.push({ ...result, name: workload.name, role: workload.role, ratio: result.rps / baselineRps });
      process.stderr.write(`  ${workload.name} @${connections}: ${fmtInt(result.rps)} req/s, p99 ${fmt(result.p99, 2)} ms\n`);
    }
  }
  const stolen = stolenPercent(cpuBefore, machineCpuTimes());
  // Warm-up runs write too: count what the server holds before the crash, then after it.
  const beforeCrash = await seeded.client.countMissionProfiles();
  await server.stop('SIGKILL');
  const restarted = await startGsl({ dataDir: seeded.dataDir });
  const afterCrash = await new ApiClient(restarted.url, restarted.host).countMissionProfiles();
  await restarted.stop();
  await baseline.stop();
  await seeded.dispose();
  rmSync(bodyDir, { recursive: true, force: true });
  return {
    measurements,
    acknowledgedWrites: beforeCrash - SEED_PROFILES,
    measuredWrites: measurements.reduce((sum, m) => sum + (m.okByKind.write ?? 0), 0),
    presentAfterCrash: afterCrash - SEED_PROFILES,
    getBodyBytes: sample.text.length,
    stolenPercent: stolen,
  };
}

// The reference's answers store nothing: its requests carry no kind, so none is counted as a write.
const unlabelled = (pool: PoolRequest[]): PoolRequest[] => pool.map(({ kind: _kind, ...request }) => request);

/** Creates per second over the POST reference's requests per second, each round's own, then their median. */
function createOverReference(rounds: Round[], connections: number): number {
  const rps = (round: Round, name: string) => round.measurements.find((m) => m.name === name && m.connections === connections)?.rps ?? NaN;
  return median(rounds.map((round) => rps(round, 'CreateMissionProfile') / rps(round, POST_REFERENCE)));
}

/** Each figure of each (operation, connections) pair: its median over the rounds. */
function medians(rounds: Measurement[][]): Measurement[] {
  return rounds[0]!.map((first, index) => {
    const same = rounds.map((round) => round[index]!);
    return {
      ...first,
      rps: median(same.map((m) => m.rps)),
      ratio: median(same.map((m) => m.ratio)),
      p50: median(same.map((m) => m.p50)),
      p99: median(same.map((m) => m.p99)),
      failed: same.reduce((sum, m) => sum + m.failed, 0),
    };
  });
}
