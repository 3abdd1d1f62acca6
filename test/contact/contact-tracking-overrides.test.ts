import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error } from '../support/assertions.js';
import { boto3, boto3Ok } from '../support/clients.js';
import { useServer } from '../support/server.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { NOAA20_TLE, noaa20Oem, SNPP_TLE, tleData, withChecksum } from '../ephemeris/ephemeris-data.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, firstOhioWindow, moveClock, noaa20Arn } from './contact-support.js';

// NOAA-20 a tenth of a degree further along its orbit: its passes come about 1.7 s earlier.
const AHEAD_TLE = { line1: NOAA20_TLE.line1, line2: withChecksum(NOAA20_TLE.line2.replace(' 242.5884 ', ' 242.6884 ')) };
const WEEK = [CLOCK_START_SECONDS - 86400, CLOCK_START_SECONDS + 7 * 86400] as const;
const [NOAA20, SNPP] = BUNDLED;
const tle = (ephemerisId: string) => ({ programTrackSettings: { tle: { ephemerisId } } });
const oem = (ephemerisId: string) => ({ programTrackSettings: { oem: { ephemerisId } } });
const azEl = (ephemerisId: string) => ({ programTrackSettings: { azEl: { ephemerisId } } });
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('tracking overrides name the ephemeris a contact tracks with (ReserveContact, UpdateContact)', () => {
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 } });
  let ids: Record<'ahead' | 'same' | 'disabled' | 'snpp' | 'short' | 'oem', string>;
  let reserveParams: Record<string, unknown>;
  let window: any;

  before(async () => {
    const satelliteArn = await noaa20Arn(server.url);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    ({ window } = await firstOhioWindow(server.url, missionProfileArn, satelliteArn));
    // A few seconds inside the pass, so the earlier pass of the ahead ephemeris still holds it.
    reserveParams = { missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime + 10, endTime: window.endTime - 10 };
    const create = (name: string, satelliteId: string, ephemeris: object, extra: object = {}) =>
      ({ op: 'create_ephemeris', params: { satelliteId, name, ephemeris, ...extra } });
    const created = await boto3(server.url, [
      // The active ephemeris (highest priority) is the bundled TLE again; `ahead` is only ever named.
      create('same', NOAA20!.satelliteId, { tle: { tleData: [tleData(...WEEK)] } }, { priority: 5 }),
      create('ahead', NOAA20!.satelliteId, { tle: { tleData: [tleData(...WEEK, AHEAD_TLE)] } }, { priority: 1 }),
      create('disabled', NOAA20!.satelliteId, { tle: { tleData: [tleData(...WEEK, AHEAD_TLE)] } }, { priority: 1, enabled: false }),
      create('snpp', SNPP!.satelliteId, { tle: { tleData: [tleData(...WEEK, SNPP_TLE)] } }, { priority: 1 }),
      create('short', NOAA20!.satelliteId, { tle: { tleData: [tleData(WEEK[0], window.startTime + 60, AHEAD_TLE)] } }, { priority: 1, enabled: false }),
      create('oem', NOAA20!.satelliteId, { oem: { oemData: noaa20Oem(CLOCK_START_SECONDS * 1000 - 3_600_000, CLOCK_START_SECONDS * 1000 + 86_400_000) } }, { priority: 1, enabled: false }),
    ]);
    const [same, ahead, disabled, snpp, short, oemId] = created.map((outcome) => outcome.result.ephemerisId as string);
    ids = { same: same!, ahead: ahead!, disabled: disabled!, snpp: snpp!, short: short!, oem: oemId! };
    await moveClock(server.url, { advanceSeconds: 2 });
    // Enabled only now: `short` ends inside the contact, and `oem` is the wrong kind for a TLE override.
    await boto3(server.url, [
      { op: 'update_ephemeris', params: { ephemerisId: ids.short, enabled: true } },
      { op: 'update_ephemeris', params: { ephemerisId: ids.oem, enabled: true } },
    ]);
  });

  it('ReserveContact refuses an override it cannot track with, saying why, and creates nothing', async () => {
    const outcomes = await boto3(server.url, [
      { op: 'reserve_contact', params: { ...reserveParams, trackingOverrides: tle(MISSING) } },
      { op: 'reserve_contact', params: { ...reserveParams, trackingOverrides: azEl(ids.ahead) } },
      { op: 'reserve_contact', params: { ...reserveParams, trackingOverrides: tle(ids.oem) } },
      { op: 'reserve_contact', params: { ...reserveParams, trackingOverrides: tle(ids.snpp) } },
      { op: 'reserve_contact', params: { ...reserveParams, trackingOverrides: tle(ids.disabled) } },
      { op: 'reserve_contact', params: { ...reserveParams, trackingOverrides: tle(ids.short) } },
      { op: 'reserve_contact', params: { ...reserveParams, trackingOverrides: azEl(MISSING) } },
      { op: 'list_contacts', params: { statusList: ['SCHEDULING', 'SCHEDULED'], startTime: WEEK[0], endTime: WEEK[1] } },
    ]);
    assertBoto3Error(outcomes[0], { code: 'ResourceNotFoundException', status: 434, message: new RegExp(`Ephemeris ${MISSING} was not found`) });
    const refused = { code: 'InvalidParameterException', status: 431, parameterName: 'trackingOverrides' };
    assertBoto3Error(outcomes[1], { ...refused, message: /holds TLE data; the override names it as AZ_EL/ });
    assertBoto3Error(outcomes[2], { ...refused, message: /holds OEM data; the override names it as TLE/ });
    assertBoto3Error(outcomes[3], { ...refused, message: new RegExp(`belongs to satellite ${SNPP!.satelliteId}`) });
    assertBoto3Error(outcomes[4], { ...refused, message: /is DISABLED; only an ENABLED ephemeris can track a contact/ });
    assertBoto3Error(outcomes[5], { ...refused, message: /does not cover the contact/ });
    assertBoto3Error(outcomes[6], { code: 'ResourceNotFoundException', status: 434, message: new RegExp(`Az-el ephemeris ${MISSING} was not found`) });
    assert.deepEqual(outcomes[7]!.result.contactList, []);
  });

  it('a contact reserved with a TLE override tracks with that ephemeris, and holds it against deletion', async () => {
    const { contactId } = await boto3Ok(server.url, { op: 'reserve_contact', params: { ...reserveParams, trackingOverrides: tle(ids.ahead) } });
    await moveClock(server.url, { advanceSeconds: 2 });
    const scheduled = await boto3Ok(server.url, { op: 'describe_contact', params: { contactId } });
    assert.equal(scheduled.contactStatus, 'SCHEDULED');
    assert.deepEqual(scheduled.ephemeris, { ephemerisId: ids.ahead, ephemerisType: 'TLE' });
    assert.deepEqual(scheduled.trackingOverrides, tle(ids.ahead));

    const [refused] = await boto3(server.url, [{ op: 'delete_ephemeris', params: { ephemerisId: ids.ahead } }]);
    assertBoto3Error(refused, { code: 'ResourceInUseException', status: 409 });

    // In PREPASS visibility is shown: the ahead ephemeris's pass, ~1.7 s before the active one's.
    await moveClock(server.url, { set: scheduled.prePassStartTime + 5 });
    const prepass = await boto3Ok(server.url, { op: 'describe_contact', params: { contactId } });
    assert.equal(prepass.contactStatus, 'PREPASS');
    const shift = window.visibilityStartTime - prepass.visibilityStartTime;
    assert.ok(shift > 1 && shift < 3, `visibility moved by ${shift} s`);

    // UpdateContact records an unusable override as FAILED_TO_UPDATE, with the reason, and keeps tracking.
    const update = (trackingOverrides: object) => ({ op: 'update_contact', params: { contactId, trackingOverrides } });
    const failed = await boto3(server.url, [
      update(tle(MISSING)),
      update(azEl(MISSING)),
      update(oem(ids.ahead)),
      update(tle(ids.snpp)),
      update(tle(ids.disabled)),
      update(tle(ids.short)),
    ]);
    assert.deepEqual(failed.map((outcome) => outcome.result?.versionId), [2, 3, 4, 5, 6, 7]);
    const versions = await boto3(
      server.url,
      [2, 3, 4, 5, 6, 7].map((versionId) => ({ op: 'describe_contact_version', params: { contactId, versionId } })),
    );
    assert.deepEqual(
      versions.map((outcome) => [outcome.result.version.status, outcome.result.version.failureCodes]),
      [
        ['FAILED_TO_UPDATE', ['EPHEMERIS_NOT_FOUND']],
        ['FAILED_TO_UPDATE', ['AZEL_EPHEMERIS_NOT_FOUND']],
        ['FAILED_TO_UPDATE', ['INVALID_UPDATE_CONTACT_REQUEST']],
        ['FAILED_TO_UPDATE', ['SATELLITE_DOES_NOT_MATCH_EPHEMERIS']],
        ['FAILED_TO_UPDATE', ['EPHEMERIS_NOT_ENABLED']],
        ['FAILED_TO_UPDATE', ['EPHEMERIS_TIME_RANGE_INVALID']],
      ],
    );
    const still = await boto3Ok(server.url, { op: 'describe_contact', params: { contactId } });
    assert.equal(still.version.versionId, 1);
    assert.deepEqual([still.visibilityStartTime, still.ephemeris.ephemerisId], [prepass.visibilityStartTime, ids.ahead]);

    // A usable override becomes the active version: tracking, visibility and the held ephemeris move to it.
    const { versionId } = await boto3Ok(server.url, update(tle(ids.same)));
    assert.equal(versionId, 8);
    const moved = await boto3Ok(server.url, { op: 'describe_contact', params: { contactId } });
    assert.deepEqual(
      [moved.version.status, moved.ephemeris, moved.visibilityStartTime, moved.visibilityEndTime],
      ['ACTIVE', { ephemerisId: ids.same, ephemerisType: 'TLE' }, window.visibilityStartTime, window.visibilityEndTime],
    );
    const [released, held] = await boto3(server.url, [
      { op: 'delete_ephemeris', params: { ephemerisId: ids.ahead } },
      { op: 'delete_ephemeris', params: { ephemerisId: ids.same } },
    ]);
    assert.equal(released!.result.ephemerisId, ids.ahead);
    assertBoto3Error(held, { code: 'ResourceInUseException', status: 409 });

    // A version that changes only the satellite carries the override on, so it is checked again.
    const { satellites } = await boto3Ok(server.url, { op: 'list_satellites' });
    const snppArn = satellites.find((satellite: any) => satellite.satelliteId === SNPP!.satelliteId).satelliteArn;
    const carried = await boto3Ok(server.url, { op: 'update_contact', params: { contactId, satelliteArn: snppArn } });
    const [version, current] = await boto3(server.url, [
      { op: 'describe_contact_version', params: { contactId, versionId: carried.versionId } },
      { op: 'describe_contact', params: { contactId } },
    ]);
    assert.deepEqual(
      [version!.result.version.status, version!.result.version.failureCodes, current!.result.version.versionId],
      ['FAILED_TO_UPDATE', ['SATELLITE_DOES_NOT_MATCH_EPHEMERIS'], 8],
    );
  });
});
