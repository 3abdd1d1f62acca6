import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { boto3Ok, raw } from '../support/clients.js';
import { fixturePath } from '../support/paths.js';
import { CLOCK_START_SECONDS, createDownlinkProfile, moveClock, stoppedClockDataDir } from './contact-support.js';

// Constructed Molniya, geostationary and drifting near-geostationary TLEs over Ohio 1, with
// skyfield's passes (scripts/skyfield-long-passes.py).
const fixture = JSON.parse(readFileSync(fixturePath('orbit', 'skyfield-long-passes.json'), 'utf8'));
const tleOf = (name: string) => fixture.satellites.find((s: any) => s.name === name);
const skyfield = (name: string): { rise: number; set: number; culminations: [number, number][] }[] =>
  fixture.passes
    .find((entry: any) => entry.satellite === name)
    .passes.map((p: any) => ({
      rise: p.rise && Date.parse(p.rise) / 1000,
      set: p.set && Date.parse(p.set) / 1000,
      culminations: p.culminations.map(([time, degrees]: [string, number]) => [Date.parse(time) / 1000, degrees]),
    }));
const HORIZON_SECONDS = 7 * 86400;
const PRE_PASS_SECONDS = 120;

describe('contacts over passes of hours, days and forever (SEMANTICS §7)', () => {
  const data = stoppedClockDataDir();
  let url: string;
  let missionProfileArn: string;
  const arns: Record<string, string> = {};

  before(async () => {
    ({ url } = await data.start());
    ({ missionProfileArn } = await createDownlinkProfile(url));
    for (const name of ['MOLNIYA TEST', 'GEO TEST', 'DRIFT TEST']) {
      const { line1, line2 } = tleOf(name);
      const response = await raw(url, 'POST', '/_local/satellites', { body: { name, tle: { line1, line2 } } });
      assert.equal(response.status, 200, response.text);
      const { satellites } = await boto3Ok(url, { op: 'list_satellites' });
      arns[name] = satellites.find((s: any) => s.satelliteId === response.json.satelliteId).satelliteArn;
    }
  });

  const available = async (name: string, startTime: number, endTime: number) =>
    (
      await boto3Ok(url, {
        op: 'list_contacts',
        params: { statusList: ['AVAILABLE'], startTime, endTime, groundStation: 'Ohio 1', missionProfileArn, satelliteArn: arns[name] },
      })
    ).contactList as any[];
  const reserve = (name: string, startTime: number, endTime: number) =>
    boto3Ok(url, { op: 'reserve_contact', params: { missionProfileArn, satelliteArn: arns[name], groundStation: 'Ohio 1', startTime, endTime } }).then(
      (result) => result.contactId as string,
    );
  /** The contact once SCHEDULING has resolved. */
  const settled = async (contactId: string) => {
    await moveClock(url, { advanceSeconds: 2 });
    return boto3Ok(url, { op: 'describe_contact', params: { contactId } });
  };
  const highest = (culminations: [number, number][]) => Math.max(...culminations.map(([, degrees]) => degrees));

  it('offers each eleven-hour Molniya pass with the higher of its two peaks', async () => {
    const rows = await available('MOLNIYA TEST', CLOCK_START_SECONDS, CLOCK_START_SECONDS + HORIZON_SECONDS);
    const expected = skyfield('MOLNIYA TEST').filter((pass) => pass.rise > CLOCK_START_SECONDS && pass.rise < CLOCK_START_SECONDS + HORIZON_SECONDS);
    assert.equal(rows.length, expected.length);
    rows.forEach((row, i) => {
      assert.equal(row.startTime, Math.ceil(expected[i]!.rise));
      assert.equal(row.endTime, Math.floor(expected[i]!.set));
      assert.ok(Math.abs(row.maximumElevation.value - highest(expected[i]!.culminations)) <= 0.01, `${row.maximumElevation.value}`);
    });
  });

  it('offers a geostationary satellite once, from the next second plus the pre-pass time to the horizon, and reserves an hour of it', async () => {
    const rows = await available('GEO TEST', CLOCK_START_SECONDS, CLOCK_START_SECONDS + HORIZON_SECONDS);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].startTime, CLOCK_START_SECONDS + 1 + PRE_PASS_SECONDS);
    assert.equal(rows[0].prePassStartTime, CLOCK_START_SECONDS + 1);
    assert.equal(rows[0].endTime, CLOCK_START_SECONDS + HORIZON_SECONDS);
    assert.ok(rows[0].visibilityStartTime < CLOCK_START_SECONDS && rows[0].visibilityEndTime > rows[0].endTime);
    assert.ok(rows[0].maximumElevation.value > 43 && rows[0].maximumElevation.value < 44);

    const startTime = CLOCK_START_SECONDS + 86400;
    const contact = await settled(await reserve('GEO TEST', startTime, startTime + 3600));
    assert.equal(contact.contactStatus, 'SCHEDULED', contact.errorMessage);
    assert.ok(contact.maximumElevation.value > 43 && contact.maximumElevation.value < 44);
  });

  it('offers a 4.7-day drifting pass whole, and reserves a window inside it', async () => {
    const [pass] = skyfield('DRIFT TEST');
    const rows = await available('DRIFT TEST', CLOCK_START_SECONDS, CLOCK_START_SECONDS + HORIZON_SECONDS);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].startTime, Math.ceil(pass!.rise));
    assert.equal(rows[0].endTime, Math.floor(pass!.set));
    assert.ok(rows[0].endTime - rows[0].startTime > 4.5 * 86400);
    assert.ok(Math.abs(rows[0].maximumElevation.value - highest(pass!.culminations)) <= 0.01);

    const startTime = rows[0].startTime + 3 * 86400 + 7200;
    const contact = await settled(await reserve('DRIFT TEST', startTime, startTime + 3600));
    assert.equal(contact.contactStatus, 'SCHEDULED', contact.errorMessage);
    // Frees the station's one antenna for the next test's windows.
    await boto3Ok(url, { op: 'cancel_contact', params: { contactId: contact.contactId } });
  });

  it('after the rise, on a later UTC day: the pass in progress is offered and a window inside it reserved; a Molniya sub-window reports its own peak', async () => {
    const [drift] = skyfield('DRIFT TEST');
    const now = Math.floor(drift!.rise / 86400 + 2) * 86400; // midnight two days after the rise
    await moveClock(url, { set: now });
    const rows = await available('DRIFT TEST', now, now + 3600);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].startTime, now + 1 + PRE_PASS_SECONDS);
    assert.ok(Math.abs(rows[0].visibilityStartTime - drift!.rise) < 0.1);
    const inside = await settled(await reserve('DRIFT TEST', now + 7200, now + 10800));
    assert.equal(inside.contactStatus, 'SCHEDULED', inside.errorMessage);

    const molniya = skyfield('MOLNIYA TEST').find((pass) => pass.rise > now)!;
    const [lowerTime, lowerDegrees] = molniya.culminations[1]!;
    const around = await settled(await reserve('MOLNIYA TEST', Math.round(lowerTime) - 3600, Math.round(lowerTime) + 1800));
    assert.equal(around.contactStatus, 'SCHEDULED', around.errorMessage);
    assert.ok(Math.abs(around.maximumElevation.value - lowerDegrees) <= 0.01, `${around.maximumElevation.value} against ${lowerDegrees}`);
  });
});
