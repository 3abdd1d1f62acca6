import { spawnSync } from 'node:child_process';
import { ApiClient, createProfileConfigs, missionProfileBody } from '../api-client.js';
import type { BenchOptions } from '../options.js';
import { check, fmt, fmtInt, median, type SectionResult } from '../report.js';
import { temporaryDataDir } from '../seeded-server.js';
import { serverScriptPath, startGsl, type ServerProcess } from '../server-process.js';
import { bundledSatrecs, CLOCK_START, sgp4LoopMs, STEP_SECONDS, type Site } from '../sgp4-loop.js';
import { rmSync } from 'node:fs';

const DAY_MS = 86_400_000;
const FALLBACK_SITE: Site = { latitude: 40, longitude: -83, altitudeMeters: 300 };

interface Station extends Site {
  groundStationName: string;
  region: string;
}
interface Satellite {
  satelliteArn: string;
  noradSatelliteID?: number;
  groundStations?: string[];
}
interface Catalog {
  stations: Station[];
  satellites: Satellite[];
  profileArnByRegion: Map<string, string>;
}

const notAvailable = (reason: string): SectionResult => ({
  name: 'contacts',
  title: 'Contacts: ListContacts AVAILABLE over 7 days',
  columns: [],
  rows: [],
  notes: [`n/a (${reason})`],
  targets: [],
  data: { available: false, reason },
});

const supportsClockStart = (): boolean =>
  spawnSync(process.execPath, [serverScriptPath(), '--help'], { encoding: 'utf8' }).stdout.includes('--clock-start');

async function readCatalog(client: ApiClient): Promise<Catalog> {
  const local = await client.call<{ groundStations?: Station[] }>('GET', '/_local/ground-stations');
  let stations = local.status === 200 ? (local.json.groundStations ?? []) : [];
  if (stations.length === 0) {
    const listed = await client.ok<{ groundStationList: { groundStationName: string; region: string }[] }>('GET', '/groundstation');
    stations = listed.groundStationList.map((s) => ({ ...FALLBACK_SITE, ...s }));
  }
  const { satellites } = await client.ok<{ satellites: Satellite[] }>('GET', '/satellite');
  const profileArnByRegion = new Map<string, string>();
  for (const region of new Set(stations.map((s) => s.region))) {
    const regional = client.inRegion(region);
    const configs = await createProfileConfigs(regional);
    const { missionProfileId } = await regional.ok<{ missionProfileId: string }>('POST', '/missionprofile', missionProfileBody(configs, 'bench-contacts'));
    const profile = await regional.ok<{ missionProfileArn: string }>('GET', `/missionprofile/${missionProfileId}`);
    profileArnByRegion.set(region, profile.missionProfileArn);
  }
  return { stations, satellites, profileArnByRegion };
}

/** Pages through ListContacts AVAILABLE for one satellite at one station; returns [ms, contacts]. */
async function listAvailable(client: ApiClient, catalog: Catalog, satellite: Satellite, station: Station, fromMs: number, toMs: number): Promise<[number, number]> {
  const regional = client.inRegion(station.region);
  let count = 0;
  let nextToken: string | undefined;
  const started = process.hrtime.bigint();
  do {
    const page = await regional.ok<{ contactList: unknown[]; nextToken?: string }>('POST', '/contacts', {
      statusList: ['AVAILABLE'],
      startTime: fromMs / 1000,
      endTime: toMs / 1000,
      satelliteArn: satellite.satelliteArn,
      groundStation: station.groundStationName,
      missionProfileArn: catalog.profileArnByRegion.get(station.region),
      maxResults: 100,
      ...(nextToken ? { nextToken } : {}),
    });
    count += page.contactList.length;
    nextToken = page.nextToken;
  } while (nextToken);
  return [Number(process.hrtime.bigint() - started) / 1e6, count];
}

async function sweep(client: ApiClient, catalog: Catalog, fromMs: number, toMs: number): Promise<[number, number]> {
  let ms = 0;
  let count = 0;
  for (const satellite of catalog.satellites) {
    for (const station of catalog.stations) {
      const [elapsed, n] = await listAvailable(client, catalog, satellite, station, fromMs, toMs);
      ms += elapsed;
      count += n;
    }
  }
  return [ms, count];
}

/** ListContacts AVAILABLE over 7 days, next to a raw SGP4 loop over the same span. */
export async function contactsSection(options: BenchOptions): Promise<SectionResult> {
  const clockArgs = supportsClockStart() ? ['--clock-start', CLOCK_START] : [];
  const dataDir = temporaryDataDir('contacts');
  const starts = options.quick ? 1 : 3;
  const oneCold: number[] = [];
  const oneWarm: number[] = [];
  let server: ServerProcess | undefined;
  try {
    let catalog: Catalog | undefined;
    let oneCount = 0;
    let window: [number, number] = [0, 0];
    let pair: [Satellite, Station] | undefined;
    for (let i = 0; i < starts; i++) {
      server = await startGsl({ dataDir, extraArgs: clockArgs, nodeFlags: options.serverNodeFlags });
      const client = new ApiClient(server.url, server.host);
      if (!catalog) {
        catalog = await readCatalog(client).catch((error: Error) => {
          throw new Error(`contacts not implemented: ${error.message.slice(0, 120)}`);
        });
        const fromMs = clockArgs.length > 0 ? Date.parse(CLOCK_START) : Date.now() + 60_000;
        window = [fromMs, fromMs + 7 * DAY_MS];
        const satellite = catalog.satellites[0]!;
        const station = catalog.stations.find((s) => satellite.groundStations?.includes(s.groundStationName)) ?? catalog.stations[0]!;
        pair = [satellite, station];
        const probe = await client.inRegion(station.region).call('POST', '/contacts', { statusList: ['AVAILABLE'], startTime: window[0] / 1000, endTime: window[1] / 1000, satelliteArn: satellite.satelliteArn, groundStation: station.groundStationName, missionProfileArn: catalog.profileArnByRegion.get(station.region) });
        if (probe.status !== 200) throw new Error(`contacts not implemented: ListContacts answered ${probe.status}`);
        await server.stop();
        server = await startGsl({ dataDir, extraArgs: clockArgs, nodeFlags: options.serverNodeFlags });
      }
      const fresh = new ApiClient(server.url, server.host);
      const [cold, n] = await listAvailable(fresh, catalog, pair![0], pair![1], ...window);
      oneCold.push(cold);
      oneCount = n;
      for (let j = 0; j < 4; j++) oneWarm.push((await listAvailable(fresh, catalog, pair![0], pair![1], ...window))[0]);
      if (i < starts - 1) await server.stop();
    }
    const client = new ApiClient(server!.url, server!.host);
    // The figure the target is about: a query no cache has seen, on a server whose code is warm.
    // (The process's very first call also pays for compiling the code paths it runs.)
    const unseenStations = catalog!.stations.filter((s) => s !== pair![1]).slice(0, 5);
    const oneUncached = [];
    for (const station of unseenStations) oneUncached.push((await listAvailable(client, catalog!, pair![0], station, ...window))[0]);
    const uncached = median(oneUncached);
    const [sweepCold, sweepCount] = await sweep(client, catalog!, ...window);
    const sweepWarm = median([(await sweep(client, catalog!, ...window))[0], (await sweep(client, catalog!, ...window))[0]]);
    await server!.stop();

    const listed = new Set(catalog!.satellites.map((s) => String(s.noradSatelliteID)));
    const bundled = bundledSatrecs();
    const satrecs = bundled.filter((satrec) => listed.has(String(Number(satrec.satnum))));
    if (satrecs.length === 0) satrecs.push(...bundled);
    const sites: Site[] = catalog!.stations;
    const rawOne = median([0, 1, 2].map(() => sgp4LoopMs(satrecs.slice(0, 1), [pair![1]], ...window).ms));
    const rawAll = median([0, 1, 2].map(() => sgp4LoopMs(satrecs, sites, ...window).ms));
    const cold = median(oneCold);
    const warm = median(oneWarm);
    const pairs = catalog!.satellites.length * catalog!.stations.length;
    return {
      name: 'contacts',
      title: `Contacts: ListContacts AVAILABLE over 7 days${clockArgs.length ? ` from ${CLOCK_START} (simulated clock)` : ' from now'}; raw SGP4 = satellite.js at ${STEP_SECONDS} s steps, in-process`,
      columns: ['query', 'contacts', 'uncached ms', 'first call ms', 'repeat ms', 'raw SGP4 ms', 'uncached / raw', 'target'],
      rows: [
        ['1 satellite × 1 station', fmtInt(oneCount), fmt(uncached), fmt(cold), fmt(warm), fmt(rawOne), `${fmt(uncached / rawOne, 2)}×`, `≤20 ms ${uncached <= 20 ? 'PASS' : 'MISS'}`],
        [`${catalog!.satellites.length} satellites × ${catalog!.stations.length} stations (${pairs} calls)`, fmtInt(sweepCount), '', fmt(sweepCold), fmt(sweepWarm), fmt(rawAll), '', ''],
      ],
      notes: [
        `uncached: median over ${unseenStations.length} stations not queried before, on a warm server (no pass cached)`,
        `first call: the first request of a fresh server process (median over ${starts} starts), compiling its code paths as it goes`,
        'repeat: the same query again, answered from the pass cache',
      ],
      targets: [check('ListContacts AVAILABLE, 7 days, 1 satellite × 1 station (uncached)', '≤ 20 ms', `${fmt(uncached)} ms`, uncached <= 20)],
      data: { oneUncached, oneCold, oneWarm, oneCount, sweepCold, sweepWarm, sweepCount, rawOneMs: rawOne, rawAllMs: rawAll, pairs, window, clockStart: clockArgs.length > 0 },
    };
  } catch (error) {
    await server?.stop();
    const message = (error as Error).message;
    return notAvailable(message.startsWith('contacts not implemented') ? message : `contacts failed: ${message.slice(0, 200)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
