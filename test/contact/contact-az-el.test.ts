import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, assertRawError } from '../support/assertions.js';
import { boto3, boto3Ok, raw, type Boto3Call } from '../support/clients.js';
import { azElEphemeris, azElPassRiseSet, azElPassSegment } from '../ephemeris/az-el-data.js';
import { CLOCK_START_SECONDS, createDownlinkProfile, moveClock, stoppedClockDataDir, weekFromStart } from './contact-support.js';

const HOUR = 3600;
const FIRST = CLOCK_START_SECONDS + HOUR;
const SECOND = CLOCK_START_SECONDS + 5 * HOUR;
const azElOverride = (ephemerisId: string) => ({ programTrackSettings: { azEl: { ephemerisId } } });
// The account unsigned requests act in, so raw HTTP sees what boto3 created.
const UNSIGNED = { account: '000000000000' };

// Az-el ephemerides stand in for the satellite: windows are where the interpolated track is above
// Ohio 1's 10° mask; a contact names the one it points with and may leave the satellite out.
describe('contacts pointed by an az-el ephemeris', () => {
  const data = stoppedClockDataDir();
  let url: string;
  let missionProfileArn: string;
  const ids = { ohio: '', oregon: '', ohioAgain: '' };
  let contactId: string;

  const ok = (call: Boto3Call) => boto3Ok(url, call, UNSIGNED);
  const many = (calls: Boto3Call[]) => boto3(url, calls, UNSIGNED);

  before(async () => {
    url = (await data.start()).url;
    ({ missionProfileArn } = await createDownlinkProfile(url, 30, UNSIGNED));
    const create = (name: string, ephemeris: object) => ok({ op: 'create_ephemeris', params: { name, ephemeris } });
    ids.ohio = (await create('ohio', azElEphemeris('Ohio 1', [azElPassSegment(FIRST), azElPassSegment(SECOND)]))).ephemerisId;
    ids.oregon = (await create('oregon', azElEphemeris('Oregon 1', [azElPassSegment(FIRST)]))).ephemerisId;
    ids.ohioAgain = (await create('ohio again', azElEphemeris('Ohio 1', [azElPassSegment(FIRST)]))).ephemerisId;
    await moveClock(url, { advanceSeconds: 2 });
  });

  const available = (params: object = {}) =>
    many([{ op: 'list_contacts', params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation: 'Ohio 1', missionProfileArn, ephemeris: { azEl: { id: ids.ohio } }, ...params } }]);

  it('ListContacts AVAILABLE with an az-el ephemeris filter and no satelliteArn offers the times the track is above the mask', async () => {
    const [outcome] = await available();
    const rows = outcome!.result.contactList;
    assert.equal(rows.length, 2);
    [FIRST, SECOND].forEach((start, index) => {
      const { rise, set } = azElPassRiseSet(start);
      const row = rows[index];
      assert.equal(row.contactStatus, 'AVAILABLE');
      assert.ok(Math.abs(row.visibilityStartTime - rise) < 1 && Math.abs(row.visibilityEndTime - set) < 1, JSON.stringify(row));
      assert.deepEqual([row.startTime, row.endTime], [Math.ceil(row.visibilityStartTime), Math.floor(row.visibilityEndTime)]);
      assert.ok(Math.abs(row.maximumElevation.value - 65) < 0.1);
      assert.deepEqual(row.ephemeris, { ephemerisId: ids.ohio, ephemerisType: 'AZ_EL' });
      assert.equal(row.satelliteArn, undefined);
    });
    // The JS SDK 3.523 drops the `ephemeris` member: raw HTTP sends it.
    const byRaw = await raw(url, 'POST', '/contacts', {
      body: { statusList: ['AVAILABLE'], startTime: weekFromStart().startTime, endTime: weekFromStart().endTime, groundStation: 'Ohio 1', missionProfileArn, ephemeris: { azEl: { id: ids.ohio } } },
    });
    assert.equal(byRaw.status, 200, byRaw.text);
    assert.equal(byRaw.json.contactList.length, 2);
  });

  it('ListContacts refuses an az-el filter at another station (431 groundStation) and still wants satelliteArn without one', async () => {
    const [otherStation] = await available({ ephemeris: { azEl: { id: ids.oregon } } });
    assertBoto3Error(otherStation, { code: 'InvalidParameterException', status: 431, parameterName: 'groundStation', message: /points from Oregon 1, not Ohio 1/ });
    const noFilter = await raw(url, 'POST', '/contacts', {
      body: { statusList: ['AVAILABLE'], startTime: weekFromStart().startTime, endTime: weekFromStart().endTime, groundStation: 'Ohio 1', missionProfileArn },
    });
    assertRawError(noFilter, { code: 'InvalidParameterException', status: 431, parameterName: 'satelliteArn', message: /unless an ephemeris filter names an az-el ephemeris/ });
  });

  it('ReserveContact with an az-el override and no satellite schedules, and ListContacts finds it by its ephemeris', async () => {
    const [[outcome]] = [await available()];
    const window = outcome!.result.contactList[0];
    const reserved = await ok({
      op: 'reserve_contact',
      params: { missionProfileArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime, trackingOverrides: azElOverride(ids.ohio) },
    });
    contactId = reserved.contactId;
    await moveClock(url, { advanceSeconds: 2 });
    const contact = await ok({ op: 'describe_contact', params: { contactId } });
    assert.equal(contact.contactStatus, 'SCHEDULED');
    assert.equal(contact.satelliteArn, undefined);
    assert.deepEqual(contact.ephemeris, { ephemerisId: ids.ohio, ephemerisType: 'AZ_EL' });
    assert.deepEqual(contact.trackingOverrides, azElOverride(ids.ohio));
    assert.ok(Math.abs(contact.maximumElevation.value - 65) < 0.1);

    const list = (id: string) => ({ op: 'list_contacts', params: { statusList: ['SCHEDULED'], ...weekFromStart(), ephemeris: { azEl: { id } } } });
    const [mine, other] = await many([list(ids.ohio), list(ids.ohioAgain)]);
    assert.deepEqual(mine!.result.contactList.map((row: any) => row.contactId), [contactId]);
    assert.deepEqual(other!.result.contactList, []);
    // The window it holds is no longer offered.
    const [after] = await available();
    assert.deepEqual(after!.result.contactList.map((row: any) => row.startTime), [outcome!.result.contactList[1].startTime]);
  });

  it('ReserveContact refuses an az-el ephemeris of another station or not covering the window (431), and fails to schedule below the mask', async () => {
    const { rise } = azElPassRiseSet(SECOND);
    const reserve = (startTime: number, endTime: number, ephemerisId = ids.ohio) => ({
      op: 'reserve_contact',
      params: { missionProfileArn, groundStation: 'Ohio 1', startTime, endTime, trackingOverrides: azElOverride(ephemerisId) },
    });
    const [wrongStation, uncovered, belowMask] = await many([
      reserve(Math.ceil(rise), Math.ceil(rise) + 300, ids.oregon),
      reserve(SECOND - 120, SECOND + 300),
      reserve(SECOND + 5, SECOND + 45),
    ]);
    assertBoto3Error(wrongStation, { code: 'InvalidParameterException', status: 431, parameterName: 'trackingOverrides', message: /points from Oregon 1; it cannot be used at Ohio 1/ });
    assertBoto3Error(uncovered, { code: 'InvalidParameterException', status: 431, parameterName: 'trackingOverrides', message: /does not cover the contact/ });
    // The JS SDK 3.523 drops trackingOverrides: raw HTTP sends it, and is refused alike.
    const byRaw = await raw(url, 'POST', '/contact', {
      body: { missionProfileArn, groundStation: 'Ohio 1', startTime: Math.ceil(rise), endTime: Math.ceil(rise) + 300, trackingOverrides: azElOverride(ids.oregon) },
    });
    assertRawError(byRaw, { code: 'InvalidParameterException', status: 431, parameterName: 'trackingOverrides', message: /points from Oregon 1/ });
    await moveClock(url, { advanceSeconds: 2 });
    const failed = await ok({ op: 'describe_contact', params: { contactId: belowMask!.result.contactId } });
    assert.equal(failed.contactStatus, 'FAILED_TO_SCHEDULE');
    assert.match(failed.errorMessage, /not above the elevation mask/);
  });

  it('UpdateContact moves a contact to another az-el ephemeris of its station, and records one of another station as FAILED_TO_UPDATE', async () => {
    const update = (ephemerisId: string) => ({ op: 'update_contact', params: { contactId, trackingOverrides: azElOverride(ephemerisId) } });
    const [wrong, moved] = await many([update(ids.oregon), update(ids.ohioAgain)]);
    const [failedVersion, current] = await many([
      { op: 'describe_contact_version', params: { contactId, versionId: wrong!.result.versionId } },
      { op: 'describe_contact', params: { contactId } },
    ]);
    assert.deepEqual([failedVersion!.result.version.status, failedVersion!.result.version.failureCodes], ['FAILED_TO_UPDATE', ['AZEL_EPHEMERIS_WRONG_GROUND_STATION']]);
    assert.equal(current!.result.version.versionId, moved!.result.versionId);
    assert.deepEqual(current!.result.ephemeris, { ephemerisId: ids.ohioAgain, ephemerisType: 'AZ_EL' });
    // The contact now holds the ephemeris it points with, and no longer the one it left.
    const [held, freed] = await many([
      { op: 'delete_ephemeris', params: { ephemerisId: ids.ohioAgain } },
      { op: 'delete_ephemeris', params: { ephemerisId: ids.ohio } },
    ]);
    assertBoto3Error(held, { code: 'ResourceInUseException', status: 409 });
    assert.equal(freed!.result.ephemerisId, ids.ohio);
  });
});
