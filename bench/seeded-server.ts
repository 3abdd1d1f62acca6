import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, createMissionProfiles, createProfileConfigs, missionProfileBody, type ProfileConfigs } from './api-client.js';
import { startGsl, type GslOptions, type ServerProcess } from './server-process.js';
import { CLOCK_START } from './sgp4-loop.js';
import { signRequest } from './sign.js';
import type { PoolRequest } from './load.js';

export interface SeededServer {
  server: ServerProcess;
  client: ApiClient;
  configs: ProfileConfigs;
  profileIds: string[];
  dataDir: string;
  /** Stops the server and deletes its data directory. */
  dispose(): Promise<void>;
}

export function temporaryDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `gsl-bench-${label}-`));
}

/** A server on a fresh data directory holding three configs and `profiles` mission profiles. */
export async function startSeededServer(
  label: string,
  profiles: number,
  nodeFlags: string[] = [],
  launcher?: GslOptions['launcher'],
): Promise<SeededServer> {
  const dataDir = temporaryDataDir(label);
  const server = await startGsl({ dataDir, nodeFlags, launcher });
  const client = new ApiClient(server.url, server.host);
  const configs = await createProfileConfigs(client);
  const profileIds = await createMissionProfiles(client, configs, profiles);
  return {
    server,
    client,
    configs,
    profileIds,
    dataDir,
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** GetMissionProfile for each id, signed for `host`. */
export function getPool(host: string, ids: readonly string[]): Promise<PoolRequest[]> {
  return Promise.all(ids.map((id) => signRequest(host, 'GET', `/missionprofile/${id}`)));
}

/** ListMissionProfiles pages of 100: the first page, or continuing from each token given. */
export function listPool(host: string, tokens: readonly (string | undefined)[] = [undefined]): Promise<PoolRequest[]> {
  return Promise.all(
    tokens.map((token) =>
      signRequest(host, 'GET', `/missionprofile?maxResults=100${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`),
    ),
  );
}

/** CreateMissionProfile requests (each a valid, distinct profile), counted as kind 'write'. */
export async function createPool(host: string, configs: ProfileConfigs, size: number, prefix: string): Promise<PoolRequest[]> {
  const pool = await Promise.all(
    Array.from({ length: size }, (_, i) => signRequest(host, 'POST', '/missionprofile', missionProfileBody(configs, `${prefix}-${i}`))),
  );
  return pool.map((request) => ({ ...request, kind: 'write' }));
}

/** 80% GetMissionProfile, 20% CreateMissionProfile, interleaved (four reads, then one write). */
export async function mixedPool(host: string, configs: ProfileConfigs, ids: readonly string[]): Promise<PoolRequest[]> {
  const reads = await getPool(host, ids.slice(0, 80));
  const writes = await createPool(host, configs, 20, 'bench-mixed');
  const pool: PoolRequest[] = [];
  for (let i = 0; i < 20; i++) pool.push(...reads.slice(i * 4, i * 4 + 4), writes[i]!);
  return pool;
}

/** A server on a clock frozen at CLOCK_START, with NOAA-20 and a downlink mission profile to list its passes with. */
export interface FrozenNoaa20Server {
  server: ServerProcess;
  client: ApiClient;
  noaa20: { satelliteId: string; satelliteArn: string };
  missionProfileArn: string;
}

/** Runs `work` against a fresh FrozenNoaa20Server, then stops it and deletes its data directory. */
export async function withFrozenNoaa20Server<T>(label: string, nodeFlags: string[] | undefined, work: (setup: FrozenNoaa20Server) => Promise<T>): Promise<T> {
  const dataDir = temporaryDataDir(label);
  const server = await startGsl({ dataDir, extraArgs: ['--clock-start', CLOCK_START, '--clock-rate', '0'], nodeFlags });
  try {
    const client = new ApiClient(server.url, server.host);
    const { satellites } = await client.ok<{ satellites: { satelliteId: string; satelliteArn: string; noradSatelliteID: number }[] }>('GET', '/satellite');
    const noaa20 = satellites.find((s) => s.noradSatelliteID === 43013)!;
    const configs = await createProfileConfigs(client);
    const { missionProfileId } = await client.ok<{ missionProfileId: string }>('POST', '/missionprofile', missionProfileBody(configs, `bench-${label}`));
    const { missionProfileArn } = await client.ok<{ missionProfileArn: string }>('GET', `/missionprofile/${missionProfileId}`);
    return await work({ server, client, noaa20, missionProfileArn });
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
