import { spawn } from 'node:child_process';
import type { BenchOptions } from '../options.js';
import { check, fmt, fmtInt, type SectionResult } from '../report.js';
import { withFrozenNoaa20Server } from '../seeded-server.js';
import type { ServerProcess } from '../server-process.js';
import { noaa20Tle, START_MS } from '../sgp4-loop.js';

const DAY_MS = 86_400_000;
const PING_INTERVAL_MS = 5;
const TARGET_MS = 100;

interface Pinged {
  requestMs: number;
  pings: number;
  worstPingMs: number;
  status: number;
}

// The pinger runs in its own process, so the bench's own work (signing a large body) never delays it.
const PINGER = `
const { request } = require('node:http');
const latencies = [];
const ping = () => { const sent = performance.now(); const req = request(process.argv[1] + '/_local/health', { agent: false }, (res) => { res.resume(); res.on('end', () => latencies.push(performance.now() - sent)); }); req.on('error', () => {}); req.end(); };
const timer = setInterval(ping, Number(process.argv[2]));
process.stdout.write('ready\\n');
process.stdin.once('data', () => { clearInterval(timer); setTimeout(() => { process.stdout.write(JSON.stringify(latencies) + '\\n'); process.exit(0); }, 1000); });
`;

/** Runs `hostile` while the health route is pinged every PING_INTERVAL_MS; the slowest ping's latency. */
async function whilePinging(server: ServerProcess, hostile: () => Promise<{ status: number }>): Promise<Pinged> {
  const pinger = spawn(process.execPath, ['-e', PINGER, server.url, String(PING_INTERVAL_MS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  pinger.stdout.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve) => pinger.stdout.once('data', () => resolve()));
  const started = performance.now();
  const { status } = await hostile();
  const requestMs = performance.now() - started;
  const exited = new Promise((resolve) => pinger.once('exit', resolve));
  pinger.stdin.end('stop\n');
  await exited;
  const latencies = JSON.parse(output.split('\n').filter(Boolean).at(-1)!) as number[];
  return { requestMs, pings: latencies.length, worstPingMs: Math.max(0, ...latencies), status };
}

const ccsds = (ms: number) => new Date(ms).toISOString().replace('Z', '');

/** A circular equatorial orbit at 7,000 km, Earth-fixed, as an OEM of the given degree and span. */
function circularOem(fromMs: number, toMs: number, degree: number, padTo = 0): string {
  const lines: string[] = [];
  const rate = (2 * Math.PI) / 5800; // rad/s, about a LEO period
  for (let t = fromMs; t <= toMs; t += 60_000) {
    const angle = (rate * t) / 1000;
    const p = [7000 * Math.cos(angle), 7000 * Math.sin(angle), 0];
    const v = [-7000 * rate * Math.sin(angle), 7000 * rate * Math.cos(angle), 0];
    lines.push(`${ccsds(t)} ${[...p, ...v].map((n) => n.toFixed(6)).join(' ')}`);
  }
  const last = fromMs + 60_000 * (lines.length - 1);
  const metadata = ['META_START', 'OBJECT_NAME = NOAA 20', 'OBJECT_ID = 2017-073A', 'CENTER_NAME = EARTH', 'REF_FRAME = ITRF2000', 'TIME_SYSTEM = UTC',
    `START_TIME = ${ccsds(fromMs)}`, `STOP_TIME = ${ccsds(last)}`, 'INTERPOLATION = LAGRANGE', `INTERPOLATION_DEGREE = ${degree}`];
  const text = ['CCSDS_OEM_VERS = 2.0', `CREATION_DATE = ${ccsds(fromMs)}`, 'ORIGINATOR = BENCH', ...metadata].join('\n');
  const padding = padTo > text.length ? 'COMMENT padding\n'.repeat(Math.ceil((padTo - text.length) / 16)) : '';
  return `${text}\n${padding}META_STOP\n${lines.join('\n')}\n`;
}


/** Worst health-check latency while one hostile request runs (issue 22): each under 100 ms. */
export async function eventLoopSection(options: BenchOptions): Promise<SectionResult> {
  return withFrozenNoaa20Server('event-loop', options.serverNodeFlags, async ({ server, client, noaa20, missionProfileArn }) => {
    const listWeek = () =>
      client.call('POST', '/contacts', { statusList: ['AVAILABLE'], startTime: START_MS / 1000, endTime: START_MS / 1000 + 7 * 86400, groundStation: 'Ohio 1', missionProfileArn, satelliteArn: noaa20.satelliteArn });
    const reserve = (endTime: number) => () =>
      client.call('POST', '/contact', { missionProfileArn, satelliteArn: noaa20.satelliteArn, groundStation: 'Ohio 1', startTime: START_MS / 1000 + 3600, endTime });
    const createOem = (oemData: string) => () => client.call('POST', '/ephemeris', { satelliteId: noaa20.satelliteId, name: 'bench', ephemeris: { oem: { oemData } } });
    const advance = () => client.ok('POST', '/_local/clock', { advanceSeconds: 2 });
    await listWeek();

    const rows: [string, Pinged][] = [];
    rows.push(['CreateEphemeris, OEM of degree 1000', await whilePinging(server, createOem(circularOem(START_MS - DAY_MS, START_MS + 2 * DAY_MS, 1000)))]);
    await advance();
    rows.push(['ListContacts after it (7 days)', await whilePinging(server, listWeek)]);
    rows.push(['CreateEphemeris, 7.5 MB OEM', await whilePinging(server, createOem(circularOem(START_MS - DAY_MS, START_MS + DAY_MS, 5, 7_500_000)))]);
    rows.push(['ReserveContact over 20 years', await whilePinging(server, reserve(START_MS / 1000 + 20 * 365 * 86400))]);
    rows.push(['ReserveContact to endTime 3e10 s', await whilePinging(server, reserve(3e10))]);
    const { line1, line2 } = noaa20Tle();
    const validTimeRange = { startTime: START_MS / 1000 - 86400, endTime: START_MS / 1000 + 8 * 86400 };
    for (let i = 0; i < 1000; i++) {
      await client.ok('POST', '/ephemeris', { satelliteId: noaa20.satelliteId, name: `bench ${i}`, priority: 1 + (i % 100), ephemeris: { tle: { tleData: [{ tleLine1: line1, tleLine2: line2, validTimeRange }] } } });
    }
    await advance();
    rows.push(['ListContacts, 1,000 TLE ephemerides, first', await whilePinging(server, listWeek)]);
    rows.push(['ListContacts, 1,000 TLE ephemerides, again', await whilePinging(server, listWeek)]);

    const worst = Math.max(...rows.map(([, row]) => row.worstPingMs));
    return {
      name: 'event-loop',
      title: `Event loop: worst GET /_local/health latency while one hostile request runs (pinged every ${PING_INTERVAL_MS} ms)`,
      columns: ['request', 'status', 'request ms', 'pings', 'worst ping ms', 'target'],
      rows: rows.map(([name, row]) => [name, String(row.status), fmt(row.requestMs), fmtInt(row.pings), fmt(row.worstPingMs), `≤${TARGET_MS} ms ${row.worstPingMs <= TARGET_MS ? 'PASS' : 'MISS'}`]),
      notes: ['request ms includes the client signing its body; the worst ping is what another caller waited'],
      targets: [check('Worst health-check latency during any one hostile request', `≤ ${TARGET_MS} ms`, `${fmt(worst)} ms`, worst <= TARGET_MS)],
      data: Object.fromEntries(rows),
    };
  });
}
