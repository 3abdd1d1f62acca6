import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../api-client.js';
import { runLoad, type LoadResult, type PoolRequest } from '../load.js';
import type { BenchOptions } from '../options.js';
import { check, fmt, fmtInt, verdict, type SectionResult, type TargetCheck } from '../report.js';
import { createPool, getPool, listPool, mixedPool, startSeededServer, temporaryDataDir } from '../seeded-server.js';
import { startBaseline, startGsl } from '../server-process.js';

const SEED_PROFILES = 100;

interface Workload {
  name: string;
  pool: PoolRequest[];
  /** Where the requests go: the baseline or Ground Station Local. */
  url: string;
}

interface Measurement extends LoadResult {
  name: string;
  ratio: number;
}

/** Throughput and latency of each operation at 1, 8 and 32 connections, as a ratio to a bare node:http baseline. */
export async function throughputSection(options: BenchOptions): Promise<SectionResult> {
  const seeded = await startSeededServer('throughput', SEED_PROFILES, options.serverNodeFlags);
  const { server, configs, profileIds } = seeded;
  const bodyDir = temporaryDataDir('baseline');
  const sample = await seeded.client.call('GET', `/missionprofile/${profileIds[0]}`);
  const bodyFile = join(bodyDir, 'get-mission-profile.json');
  writeFileSync(bodyFile, sample.text);
  const baseline = await startBaseline(bodyFile);

  const workloads: Workload[] = [
    { name: 'baseline (node:http, Get-sized body)', pool: await getPool(baseline.host, profileIds), url: baseline.url },
    { name: 'GetMissionProfile', pool: await getPool(server.host, profileIds), url: server.url },
    { name: 'ListMissionProfiles (page of 100)', pool: await listPool(server.host), url: server.url },
    { name: 'CreateMissionProfile', pool: await createPool(server.host, configs, 200, 'bench-create'), url: server.url },
    { name: 'mixed 80% Get / 20% Create', pool: await mixedPool(server.host, configs, profileIds), url: server.url },
  ];

  const measurements: Measurement[] = [];
  let acknowledgedWrites = 0;
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
      if (workload.url === baseline.url) baselineRps = result.rps;
      measurements.push({ ...result, name: workload.name, ratio: result.rps / baselineRps });
      process.stderr.write(`  ${workload.name} @${connections}: ${fmtInt(result.rps)} req/s, p99 ${fmt(result.p99, 2)} ms\n`);
    }
  }
  // Warm-up runs write too: count what the server holds before the crash, then after it.
  const beforeCrash = await seeded.client.countMissionProfiles();
  acknowledgedWrites = beforeCrash - SEED_PROFILES;
  const measuredWrites = measurements.reduce((sum, m) => sum + (m.okByKind.write ?? 0), 0);
  await server.stop('SIGKILL');
  const restarted = await startGsl({ dataDir: seeded.dataDir });
  const afterCrash = await new ApiClient(restarted.url, restarted.host).countMissionProfiles();
  await restarted.stop();
  await baseline.stop();
  await seeded.dispose();
  rmSync(bodyDir, { recursive: true, force: true });

  const at = (name: string, connections: number) => measurements.find((m) => m.name === name && m.connections === connections);
  const top = Math.max(...options.connections);
  const targets: TargetCheck[] = [];
  const get = at('GetMissionProfile', top);
  const create = at('CreateMissionProfile', top);
  const durable = afterCrash === beforeCrash && measuredWrites <= acknowledgedWrites;
  if (get) {
    targets.push(check(`GetMissionProfile throughput @${top}`, '≥ 0.60× baseline', `${fmt(get.ratio, 2)}×`, get.ratio >= 0.6));
    targets.push(check(`GetMissionProfile p99 @${top}`, '< 5 ms', `${fmt(get.p99, 2)} ms`, get.p99 < 5));
  }
  if (create) {
    targets.push(check(`CreateMissionProfile throughput @${top}`, '≥ 0.30× baseline', `${fmt(create.ratio, 2)}×`, create.ratio >= 0.3));
  }
  targets.push(
    check('every acknowledged write durable (SIGKILL, restart)', 'all present', `${fmtInt(afterCrash - SEED_PROFILES)}/${fmtInt(acknowledgedWrites)}`, durable),
  );

  const targetCell = (m: Measurement): string => {
    if (m.connections !== top) return '';
    if (m.name === 'GetMissionProfile') return `≥0.6× & p99<5ms ${verdict(m.ratio >= 0.6 && m.p99 < 5)}`;
    if (m.name === 'CreateMissionProfile') return `≥0.3× ${verdict(m.ratio >= 0.3)}`;
    return '';
  };
  return {
    name: 'throughput',
    title: `Throughput: ${options.seconds} s per run after ${options.warmupSeconds} s warm-up, keep-alive, SigV4-signed`,
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
      `durability: ${fmtInt(acknowledgedWrites)} profiles created (incl. warm-up), ${fmtInt(afterCrash - SEED_PROFILES)} present after SIGKILL and restart: ${verdict(durable)}`,
    ],
    targets,
    data: { measurements, seedProfiles: SEED_PROFILES, acknowledgedWrites, measuredWrites, beforeCrash, afterCrash, getBodyBytes: sample.text.length },
  };
}
