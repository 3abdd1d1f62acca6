import assert from 'node:assert/strict';
import { CreateEphemerisCommand } from '@aws-sdk/client-groundstation';
import { before, describe, it } from 'node:test';
import { boto3, jsClient } from '../support/clients.js';
import { useServer } from '../support/server.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { NOAA20_TLE } from '../ephemeris/ephemeris-data.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, moveClock, noaa20Arn, ohioWindows } from './contact-support.js';

const NOAA20_ID = BUNDLED[0]!.satelliteId;
const STAIRS = 40;
const STEP_SECONDS = 4 * 3600;
// Ephemeris i ends STEP_SECONDS × (i + 1) after the start, and the later it ends the lower its priority.
const stairEndSeconds = (i: number) => CLOCK_START_SECONDS + STEP_SECONDS * (i + 1);

const tle = (endSeconds: number) => ({
  tle: { tleData: [{ tleLine1: NOAA20_TLE.line1, tleLine2: NOAA20_TLE.line2, validTimeRange: { startTime: new Date((CLOCK_START_SECONDS - 3600) * 1000), endTime: new Date(endSeconds * 1000) } }] },
});

// SEMANTICS §5.2 with many candidates: each window is predicted and booked by the highest-priority
// ENABLED ephemeris whose data and expiration hold all of it, else the default TLE.
describe('ListContacts AVAILABLE and ReserveContact among many ephemerides', () => {
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 } });
  let missionProfileArn: string;
  let satelliteArn: string;
  let byDefault: any[];
  const stairIds: string[] = [];
  let expiringId: string;

  before(async () => {
    ({ missionProfileArn } = await createDownlinkProfile(server.url));
    satelliteArn = await noaa20Arn(server.url);
    byDefault = await ohioWindows(server.url, missionProfileArn, satelliteArn);
    const client = jsClient(server.url);
    for (let i = 0; i < STAIRS; i++) {
      const created = await client.send(new CreateEphemerisCommand({ satelliteId: NOAA20_ID, name: `stair ${i}`, priority: STAIRS - i, ephemeris: tle(stairEndSeconds(i)) }));
      stairIds.push(created.ephemerisId!);
    }
    // Above them all: disabled ones, and one whose use ends two hours in.
    for (let i = 0; i < 3; i++) {
      await client.send(new CreateEphemerisCommand({ satelliteId: NOAA20_ID, name: `disabled ${i}`, priority: 99_999, enabled: false, ephemeris: tle(CLOCK_START_SECONDS + 8 * 86400) }));
    }
    const expiring = await client.send(
      new CreateEphemerisCommand({ satelliteId: NOAA20_ID, name: 'expiring', priority: 1000, expirationTime: new Date((CLOCK_START_SECONDS + 7200) * 1000), ephemeris: tle(CLOCK_START_SECONDS + 8 * 86400) }),
    );
    expiringId = expiring.ephemerisId!;
    await moveClock(server.url, { advanceSeconds: 2 });
  });

  it('ListContacts AVAILABLE offers the same windows as the default TLE when all of them hold the same data', async () => {
    assert.ok(byDefault.length >= 20, `only ${byDefault.length} windows in the week`);
    assert.deepEqual(await ohioWindows(server.url, missionProfileArn, satelliteArn), byDefault);
  });

  it('ReserveContact books every window with the highest-priority ENABLED ephemeris that holds all of it, never a disabled one or one past its expiration', async () => {
    const windows = await ohioWindows(server.url, missionProfileArn, satelliteArn);
    const reserved = await boto3(
      server.url,
      windows.map((window) => ({
        op: 'reserve_contact',
        params: { missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime },
      })),
    );
    await moveClock(server.url, { advanceSeconds: 2 });
    const described = await boto3(server.url, reserved.map(({ result }) => ({ op: 'describe_contact', params: { contactId: result.contactId } })));
    const expected = windows.map((window) => {
      if (window.endTime < CLOCK_START_SECONDS + 7200) return { ephemerisId: expiringId, ephemerisType: 'TLE' };
      const stair = stairIds.findIndex((_, i) => window.endTime < stairEndSeconds(i));
      return stair === -1 ? { ephemerisType: 'SERVICE_MANAGED' } : { ephemerisId: stairIds[stair], ephemerisType: 'TLE' };
    });
    assert.deepEqual(
      described.map(({ result }) => [result.contactStatus, result.ephemeris]),
      expected.map((ephemeris) => ['SCHEDULED', ephemeris]),
    );
    assert.ok(new Set(expected.map((ephemeris) => ephemeris.ephemerisId)).size > 15, 'the windows spread over many ephemerides');
  });
});
