import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boto3, boto3Ok } from '../support/clients.js';
import { useServer } from '../support/server.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { NOAA20_TLE, tleData, withChecksum } from '../ephemeris/ephemeris-data.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, firstOhioWindow, moveClock, noaa20Arn, weekFromStart } from './contact-support.js';

// NOAA-20 a tenth of a degree further along its orbit: its passes come about 1.7 s earlier.
const AHEAD_TLE = { line1: NOAA20_TLE.line1, line2: withChecksum(NOAA20_TLE.line2.replace(' 242.5884 ', ' 242.6884 ')) };
const visibilityOf = (contact: any) => [contact.visibilityStartTime, contact.visibilityEndTime];

describe('visibility of a reserved contact (SEMANTICS §2.5)', () => {
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 } });

  it('is absent while scheduled, follows the active ephemeris in PREPASS, and is frozen from startTime; the times never move', async () => {
    const satelliteArn = await noaa20Arn(server.url);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const { window, reserve } = await firstOhioWindow(server.url, missionProfileArn, satelliteArn);
    assert.ok(window.visibilityStartTime <= window.startTime && window.visibilityEndTime >= window.endTime);
    const contactId = await reserve();
    const look = async () => {
      const [described, listed] = await boto3(server.url, [
        { op: 'describe_contact', params: { contactId } },
        { op: 'list_contacts', params: { statusList: ['SCHEDULING', 'SCHEDULED', 'PREPASS', 'PASS'], ...weekFromStart() } },
      ]);
      const row = listed!.result.contactList.find((contact: any) => contact.contactId === contactId);
      assert.deepEqual(visibilityOf(row), visibilityOf(described!.result));
      assert.deepEqual([described!.result.startTime, described!.result.endTime], [window.startTime, window.endTime]);
      return described!.result;
    };

    assert.deepEqual(visibilityOf(await look()), [undefined, undefined]);
    await moveClock(server.url, { advanceSeconds: 2 });
    const scheduled = await look();
    assert.equal(scheduled.contactStatus, 'SCHEDULED');
    assert.deepEqual(visibilityOf(scheduled), [undefined, undefined]);

    await moveClock(server.url, { set: window.prePassStartTime });
    const prepass = await look();
    assert.equal(prepass.contactStatus, 'PREPASS');
    assert.deepEqual(visibilityOf(prepass), visibilityOf(window));

    const { ephemerisId } = await boto3Ok(server.url, {
      op: 'create_ephemeris',
      params: { satelliteId: BUNDLED[0]!.satelliteId, name: 'ahead', priority: 5, ephemeris: { tle: { tleData: [tleData(CLOCK_START_SECONDS - 86400, CLOCK_START_SECONDS + 7 * 86400, AHEAD_TLE)] } } },
    });
    await moveClock(server.url, { advanceSeconds: 2 });
    const followed = await look();
    assert.equal(followed.contactStatus, 'PREPASS');
    const shift = window.visibilityStartTime - followed.visibilityStartTime;
    assert.ok(shift > 1 && shift < 3, `visibility moved by ${shift} s`);

    await moveClock(server.url, { set: window.startTime + 10 });
    const passing = await look();
    assert.equal(passing.contactStatus, 'PASS');
    assert.deepEqual(visibilityOf(passing), visibilityOf(followed));
    // Frozen: the ephemeris no longer in force changes nothing.
    await boto3Ok(server.url, { op: 'update_ephemeris', params: { ephemerisId, enabled: false } });
    assert.deepEqual(visibilityOf(await look()), visibilityOf(followed));
  });
});
