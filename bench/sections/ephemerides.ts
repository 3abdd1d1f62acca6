import { eciToEcf, gstime, propagate, twoline2satrec } from 'satellite.js';
import type { ApiClient } from '../api-client.js';
import type { BenchOptions } from '../options.js';
import { check, fmt, fmtInt, median, type SectionResult } from '../report.js';
import { withFrozenNoaa20Server } from '../seeded-server.js';
import { CLOCK_START, noaa20Tle, START_MS } from '../sgp4-loop.js';

const SMALL = 200;
const LARGE = 1000;
const REPEATS = 5;
// Linear growth reads ~5× from 200 to 1,000 ephemerides, quadratic ~25×.
const GROWTH_TARGET = 10;

interface Measured {
  layout: Layout;
  ephemerides: number;
  contacts: number;
  firstMs: number;
  repeatMs: number;
}

// Deterministic, so every run (and every size, as a prefix) creates the same ephemerides.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}


const ccsds = (ms: number) => new Date(ms).toISOString().replace('Z', '');

/** NOAA-20 over [fromMs, toMs] as an Earth-fixed OEM sampled every minute from its TLE. */
function noaa20Oem(tle: { line1: string; line2: string }, fromMs: number, toMs: number): string {
  const satrec = twoline2satrec(tle.line1, tle.line2);
  const earthFixed = (ms: number) => {
    const state = propagate(satrec, new Date(ms))!;
    return eciToEcf(state.position as { x: number; y: number; z: number }, gstime(new Date(ms)));
  };
  const lines: string[] = [];
  for (let t = fromMs; t <= toMs; t += 60_000) {
    const p = earthFixed(t);
    const q = earthFixed(t + 1000);
    lines.push(`${ccsds(t)} ${[p.x, p.y, p.z, q.x - p.x, q.y - p.y, q.z - p.z].map((n) => n.toFixed(6)).join(' ')}`);
  }
  const last = fromMs + 60_000 * (lines.length - 1);
  return [
    'CCSDS_OEM_VERS = 2.0', `CREATION_DATE = ${ccsds(fromMs)}`, 'ORIGINATOR = BENCH', 'META_START', 'OBJECT_NAME = NOAA 20', 'OBJECT_ID = 2017-073A',
    'CENTER_NAME = EARTH', 'REF_FRAME = ITRF2000', 'TIME_SYSTEM = UTC', `START_TIME = ${ccsds(fromMs)}`, `STOP_TIME = ${ccsds(last)}`,
    'INTERPOLATION = LAGRANGE', 'INTERPOLATION_DEGREE = 5', 'META_STOP', ...lines, '',
  ].join('\n');
}

type Layout = 'random' | 'staircase';

const LAYOUTS: Record<Layout, string> = {
  random: 'random priorities and ends: most lie within a higher-ranked one',
  staircase: 'the higher the priority the sooner it ends: each is chosen for its own part of the week',
};

/**
 * `count` CreateEphemeris bodies for NOAA-20 with distinct spans. Validation takes only data that
 * covers the moment of creation, so every span starts in the past (up to a day before) and they
 * differ in where they end within the listed week. Random: one in four an OEM ending 1–12 hours
 * on, the rest TLEs valid for 1 hour to 8 days more, priorities at random. Staircase: TLEs ending
 * one after another across the week, the later the lower their priority.
 */
function ephemerisBodies(satelliteId: string, count: number, layout: Layout): object[] {
  const tle = noaa20Tle();
  const next = random(0x5eed);
  const minutes = (hours: number) => Math.ceil(hours * 60) * 60_000;
  return Array.from({ length: count }, (_, i) => {
    const isOem = layout === 'random' && i % 4 === 0;
    const startMs = START_MS - minutes(next() * 24);
    const endMs = layout === 'staircase' ? START_MS + minutes(((i + 1) * 7 * 24) / count) : START_MS + minutes(isOem ? 1 + next() * 11 : 1 + next() * 191);
    const priority = layout === 'staircase' ? count - i : 1 + Math.floor(next() * 1000);
    const ephemeris = isOem
      ? { oem: { oemData: noaa20Oem(tle, startMs, endMs) } }
      : { tle: { tleData: [{ tleLine1: tle.line1, tleLine2: tle.line2, validTimeRange: { startTime: startMs / 1000, endTime: endMs / 1000 } }] } };
    return { satelliteId, name: `bench ${i}`, priority, ephemeris };
  });
}

async function countEnabled(client: ApiClient, satelliteId: string): Promise<number> {
  let count = 0;
  let nextToken: string | undefined;
  do {
    const query = `maxResults=100${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`;
    const page = await client.ok<{ ephemerides: unknown[]; nextToken?: string }>('POST', `/ephemerides?${query}`, {
      satelliteId,
      statusList: ['ENABLED'],
      startTime: 0,
      endTime: START_MS / 1000 + 30 * 86400,
    });
    count += page.ephemerides.length;
    nextToken = page.nextToken;
  } while (nextToken);
  return count;
}

/** A fresh server with `count` of the ephemerides: the week's first ListContacts AVAILABLE, then repeats. */
async function measure(count: number, layout: Layout, options: BenchOptions): Promise<Measured> {
  return withFrozenNoaa20Server('ephemerides', options.serverNodeFlags, async ({ client, noaa20, missionProfileArn }) => {
    const bodies = ephemerisBodies(noaa20.satelliteId, count, layout);
    for (let i = 0; i < bodies.length; i += 20) await Promise.all(bodies.slice(i, i + 20).map((body) => client.ok('POST', '/ephemeris', body)));
    // Past validation, so every one is ENABLED.
    await client.ok('POST', '/_local/clock', { advanceSeconds: 2 });
    const enabled = await countEnabled(client, noaa20.satelliteId);
    if (enabled !== count) throw new Error(`${enabled} of ${count} ephemerides are ENABLED`);
    const week = { statusList: ['AVAILABLE'], startTime: START_MS / 1000 + 60, endTime: START_MS / 1000 + 7 * 86400, groundStation: 'Ohio 1', missionProfileArn, satelliteArn: noaa20.satelliteArn };
    const list = async () => {
      const started = process.hrtime.bigint();
      const { contactList } = await client.ok<{ contactList: unknown[] }>('POST', '/contacts', week);
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, contacts: contactList.length };
    };
    const first = await list();
    const repeats: number[] = [];
    for (let i = 0; i < REPEATS; i++) repeats.push((await list()).ms);
    return { layout, ephemerides: count, contacts: first.contacts, firstMs: first.ms, repeatMs: median(repeats) };
  });
}

/** ListContacts AVAILABLE over a week for a satellite with many ephemerides of distinct spans: how its cost grows. */
export async function ephemeridesSection(options: BenchOptions): Promise<SectionResult> {
  const none = await measure(0, 'random', options);
  const measured: Measured[] = [none];
  const growth: { layout: Layout; first: number; repeat: number }[] = [];
  for (const layout of Object.keys(LAYOUTS) as Layout[]) {
    const [small, large] = [await measure(SMALL, layout, options), await measure(LARGE, layout, options)];
    measured.push(small, large);
    growth.push({ layout, first: large.firstMs / small.firstMs, repeat: large.repeatMs / small.repeatMs });
  }
  const worst = Math.max(...growth.map((g) => g.first));
  return {
    name: 'ephemerides',
    title: `Ephemerides: ListContacts AVAILABLE over a week (NOAA-20 × Ohio 1, from ${CLOCK_START}) with many ENABLED ephemerides of distinct spans`,
    columns: ['layout', 'ephemerides', 'contacts', 'first ms', 'first / none', 'repeat ms', 'repeat / none'],
    rows: measured.map((m) => [m.ephemerides === 0 ? '' : m.layout, fmtInt(m.ephemerides), fmtInt(m.contacts), fmt(m.firstMs), `${fmt(m.firstMs / none.firstMs, 1)}×`, fmt(m.repeatMs), `${fmt(m.repeatMs / none.repeatMs, 1)}×`]),
    notes: [
      `first: the first listing of a fresh server with these ephemerides (no pass cached); repeat: median of the next ${REPEATS}`,
      ...(Object.entries(LAYOUTS) as [Layout, string][]).map(([layout, what]) => `${layout}: ${what}`),
      ...growth.map((g) => `${g.layout}, growth from ${SMALL} to ${LARGE}: first ${fmt(g.first, 1)}×, repeat ${fmt(g.repeat, 1)}× (linear ~5×, quadratic ~25×)`),
    ],
    targets: [check(`ListContacts AVAILABLE, ${LARGE} vs ${SMALL} ephemerides (first, worst layout)`, `≤ ${GROWTH_TARGET}×`, `${fmt(worst, 1)}×`, worst <= GROWTH_TARGET)],
    data: { measured, growth },
  };
}
