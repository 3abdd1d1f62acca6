import { readFileSync } from 'node:fs';
import { runLoad, type LoadResult, type PoolRequest } from '../load.js';
import type { BenchOptions } from '../options.js';
import { check, fmt, fmtInt, fmtPercent, machineCpuTimes, stolenPercent, type SectionResult } from '../report.js';
import { createPool, getPool, listPool, startSeededServer, type SeededServer } from '../seeded-server.js';

const SMALL = 100;
const CONNECTIONS = 8;
const LOAD_CONNECTIONS = 32;

interface Sample {
  profiles: number;
  get: LoadResult;
  list: LoadResult;
  rssMb: number;
  /** % of the machine's CPU time the hypervisor gave to other guests during the runs. */
  stolenPercent: number;
}

function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Every profile id, and the token of every page after the first, by paging through the whole list. */
async function walkList(seeded: SeededServer): Promise<{ ids: string[]; tokens: string[] }> {
  const ids: string[] = [];
  const tokens: string[] = [];
  let token: string | undefined;
  do {
    const query = `maxResults=100${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`;
    const page = await seeded.client.ok<{ missionProfileList: { missionProfileId: string }[]; nextToken?: string }>(
      'GET',
      `/missionprofile?${query}`,
    );
    ids.push(...page.missionProfileList.map((item) => item.missionProfileId));
    token = page.nextToken;
    if (token) tokens.push(token);
  } while (token);
  return { ids, tokens };
}

// Deterministic, so two runs read the same rows.
function pick<T>(items: readonly T[], count: number): T[] {
  let state = 0x9e3779b9;
  return Array.from({ length: Math.min(count, items.length) }, () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return items[state % items.length]!;
  });
}

/** The run of median throughput, with its own latencies. */
function medianRun(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

/**
 * Get and List, each in `options.rounds` runs taken in turn: the two sizes cannot be measured side
 * by side, so each figure is the median of its runs rather than one run a busy moment can halve.
 */
async function measure(seeded: SeededServer, options: BenchOptions, gets: PoolRequest[], lists: PoolRequest[], profiles: number): Promise<Sample> {
  const run = (pool: PoolRequest[]) =>
    runLoad({ url: seeded.server.url, pool, connections: CONNECTIONS, durationSeconds: options.seconds, warmupSeconds: options.warmupSeconds });
  const getRuns: LoadResult[] = [];
  const listRuns: LoadResult[] = [];
  const cpuBefore = machineCpuTimes();
  for (let round = 0; round < options.rounds; round++) {
    getRuns.push(await run(gets));
    listRuns.push(await run(lists));
  }
  const [get, list] = [medianRun(getRuns), medianRun(listRuns)];
  const rates = (runs: LoadResult[]) => runs.map((r) => fmtInt(r.rps)).join(', ');
  process.stderr.write(`  ${fmtInt(profiles)} profiles: Get ${rates(getRuns)} req/s, List ${rates(listRuns)} req/s\n`);
  return { profiles, get, list, rssMb: seeded.server.rssMb(), stolenPercent: stolenPercent(cpuBefore, machineCpuTimes()) };
}

/** GetMissionProfile and ListMissionProfiles at 100 profiles and at 100,000, and the server's memory. */
export async function scaleSection(options: BenchOptions): Promise<SectionResult> {
  const target = options.scaleProfiles;
  const seeded = await startSeededServer('scale', SMALL, options.serverNodeFlags);
  const host = seeded.server.host;
  const small = await measure(seeded, options, await getPool(host, seeded.profileIds), await listPool(host), SMALL);

  // Loading: CreateMissionProfile through the API, many connections, until the store holds `target`.
  const existing = (await walkList(seeded)).ids.length;
  const loadStarted = Date.now();
  const load = await runLoad({
    url: seeded.server.url,
    pool: await createPool(host, seeded.configs, 500, 'bench-scale'),
    connections: LOAD_CONNECTIONS,
    amount: target - existing,
  });
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  const { ids, tokens } = await walkList(seeded);
  process.stderr.write(`  loaded ${fmtInt(load.ok)} profiles in ${fmt(loadSeconds)} s; store holds ${fmtInt(ids.length)}\n`);

  const large = await measure(seeded, options, await getPool(host, pick(ids, 1000)), await listPool(host, pick(tokens, 100)), ids.length);
  const peakMb = peakRssMb(seeded.server.pid);
  await seeded.dispose();

  const getSlowdown = small.get.rps / large.get.rps;
  const listSlowdown = small.list.rps / large.list.rps;
  const label = fmtInt(ids.length);
  const full = ids.length >= 100_000;
  return {
    name: 'scale',
    title: `Scale: ${CONNECTIONS} connections, median of ${options.rounds} run${options.rounds > 1 ? 's' : ''} of ${options.seconds} s each; ${SMALL} profiles vs ${label}`,
    columns: ['operation', 'profiles', 'req/s', 'p50 ms', 'p99 ms', 'slowdown', 'target'],
    rows: [
      ['GetMissionProfile', fmtInt(SMALL), fmtInt(small.get.rps), fmt(small.get.p50, 2), fmt(small.get.p99, 2), '', ''],
      ['GetMissionProfile', label, fmtInt(large.get.rps), fmt(large.get.p50, 2), fmt(large.get.p99, 2), `${fmt(getSlowdown, 2)}×`, `≤1.5× ${getSlowdown <= 1.5 ? 'PASS' : 'MISS'}`],
      ['ListMissionProfiles (page of 100)', fmtInt(SMALL), fmtInt(small.list.rps), fmt(small.list.p50, 2), fmt(small.list.p99, 2), '', ''],
      ['ListMissionProfiles (random page)', label, fmtInt(large.list.rps), fmt(large.list.p50, 2), fmt(large.list.p99, 2), `${fmt(listSlowdown, 2)}×`, ''],
    ],
    notes: [
      `RSS (VmRSS): ${fmt(small.rssMb)} MB at ${SMALL} profiles, ${fmt(large.rssMb)} MB at ${label} (peak VmHWM ${fmt(peakMb)} MB): ${large.rssMb < 150 ? 'PASS' : 'MISS'} (< 150 MB)`,
      `loading: ${fmtInt(load.ok)} CreateMissionProfile over ${LOAD_CONNECTIONS} connections in ${fmt(loadSeconds)} s (${fmtInt(load.ok / loadSeconds)}/s), ${fmtInt(load.failed)} failed`,
      `CPU time stolen by the hypervisor (steal) while measuring: ${fmtPercent(small.stolenPercent)} at ${SMALL} profiles, ${fmtPercent(large.stolenPercent)} at ${label}`,
      ...(full ? [] : [`(--quick: ${label} profiles, not 100,000; the targets below are indicative only)`]),
    ],
    targets: [
      check(`GetMissionProfile at ${label} vs ${SMALL} profiles`, '≤ 1.5× slower', `${fmt(getSlowdown, 2)}×`, getSlowdown <= 1.5),
      check(`RSS with ${label} profiles`, '< 150 MB', `${fmt(large.rssMb)} MB`, large.rssMb < 150),
    ],
    data: { small, large, getSlowdown, listSlowdown, peakRssMb: peakMb, load: { ...load, seconds: loadSeconds }, profiles: ids.length },
  };
}
