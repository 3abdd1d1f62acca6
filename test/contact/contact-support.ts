import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { boto3Ok, raw, type Identity } from '../support/clients.js';
import { fixturePath } from '../support/paths.js';
import { startServer, temporaryDataDir, type RunningServer } from '../support/server.js';
import { createProfileParts } from '../support/setup.js';

export const CLOCK_START = '2026-07-21T00:00:00Z';
export const CLOCK_START_SECONDS = Date.parse(CLOCK_START) / 1000;

/**
 * A data directory for servers on a stopped clock at CLOCK_START that write their events to a file
 * in it: `start` (re)starts one on it (a crash test starts several in turn); the suite stops the
 * last one. Call it inside `describe`.
 */
export function stoppedClockDataDir() {
  const dataDir = temporaryDataDir();
  const eventsFile = join(dataDir, 'events.jsonl');
  const args = ['--clock-start', CLOCK_START, '--clock-rate', '0', '--events-file', eventsFile];
  let server: RunningServer | undefined;
  after(() => server?.stop());
  return {
    eventsFile,
    start: async (env?: Record<string, string>) => (server = await startServer({ dataDir, args, env })),
  };
}

/** Moves the server's clock: {set} | {advanceSeconds} | {rate}. */
export async function moveClock(url: string, body: object) {
  const response = await raw(url, 'POST', '/_local/clock', { body });
  if (response.status !== 200) throw new Error(`clock refused: ${response.text}`);
  return response.json as { now: number; rate: number };
}

/** NOAA-20's passes over Ohio 1 in the week from CLOCK_START, as skyfield computes them. */
export function skyfieldPassesOverOhio(): { riseMs: number; setMs: number }[] {
  const fixture = JSON.parse(readFileSync(fixturePath('orbit/skyfield-passes.json'), 'utf8'));
  const entry = fixture.passes.find((p: any) => p.satellite === 'NOAA 20 (JPSS-1)' && p.site === 'Ohio 1');
  return entry.riseSet.map(([rise, set]: string[]) => ({ riseMs: Date.parse(rise!), setMs: Date.parse(set!) }));
}

export async function noaa20Arn(url: string, identity: Identity = {}): Promise<string> {
  const { satellites } = await boto3Ok(url, { op: 'list_satellites' }, identity);
  return satellites.find((s: any) => s.noradSatelliteID === 43013).satelliteArn;
}

/** A profile with 120 s pre-pass and 60 s post-pass over `dataflowEdges`; its id and ARN. */
export async function createContactProfile(
  url: string,
  profile: { name: string; dataflowEdges: string[][]; trackingConfigArn: string; minimumViableContactDurationSeconds?: number },
  identity: Identity = {},
) {
  const { missionProfileId } = await boto3Ok(url, {
    op: 'create_mission_profile',
    params: { contactPrePassDurationSeconds: 120, contactPostPassDurationSeconds: 60, minimumViableContactDurationSeconds: 60, ...profile },
  }, identity);
  const { missionProfileArn } = await boto3Ok(url, { op: 'get_mission_profile', params: { missionProfileId } }, identity);
  return { missionProfileId: missionProfileId as string, missionProfileArn: missionProfileArn as string };
}

/** A downlink → S3 profile with 120 s pre-pass and 60 s post-pass. */
export async function createDownlinkProfile(url: string, minimumViableContactDurationSeconds = 60, identity: Identity = {}) {
  const parts = await createProfileParts(url, identity);
  const profile = await createContactProfile(
    url,
    { name: 'downlink', minimumViableContactDurationSeconds, dataflowEdges: [[parts.downlink, parts.s3]], trackingConfigArn: parts.tracking },
    identity,
  );
  return { ...profile, parts };
}

export const weekFromStart = () => ({ startTime: CLOCK_START_SECONDS, endTime: CLOCK_START_SECONDS + 7 * 86400 });

/** The AVAILABLE windows of the week at Ohio 1 for the profile and satellite (boto3, one page). */
export async function ohioWindows(url: string, missionProfileArn: string, satelliteArn: string): Promise<any[]> {
  const { contactList } = await boto3Ok(url, {
    op: 'list_contacts',
    params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation: 'Ohio 1', missionProfileArn, satelliteArn },
  });
  return contactList;
}

/** The first AVAILABLE window of the week at Ohio 1, and its reservation as ReserveContact takes it. */
export async function firstOhioWindow(url: string, missionProfileArn: string, satelliteArn: string) {
  const [window] = await ohioWindows(url, missionProfileArn, satelliteArn);
  return { window, reserve: () => reserveAtOhio(url, missionProfileArn, satelliteArn, window) };
}

/** ReserveContact of an AVAILABLE row's window at Ohio 1 (boto3); its contactId. */
export function reserveAtOhio(url: string, missionProfileArn: string, satelliteArn: string, window: { startTime: number; endTime: number }) {
  return boto3Ok(url, {
    op: 'reserve_contact',
    params: { missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime },
  }).then((result) => result.contactId as string);
}
