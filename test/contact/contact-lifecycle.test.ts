import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { boto3, boto3Ok } from '../support/clients.js';
import { useServer } from '../support/server.js';
import {
  CLOCK_START,
  CLOCK_START_SECONDS,
  createDownlinkProfile,
  moveClock,
  noaa20Arn,
  skyfieldPassesOverOhio,
  weekFromStart,
} from './contact-support.js';

// Each test has a server of its own whose clock starts at the bundled TLE's epoch and runs at real
// speed, with a profile and the week's AVAILABLE windows: tests jump the clock forward, and each
// reserves what it needs, so any one runs alone and in any order.
describe('contacts on a simulated clock, through boto3', () => {
  const server = useServer({ clock: { start: CLOCK_START } }, { each: true });
  let satelliteArn: string;
  let profile: Awaited<ReturnType<typeof createDownlinkProfile>>;
  let available: any[];

  beforeEach(async () => {
    satelliteArn = await noaa20Arn(server.url);
    profile = await createDownlinkProfile(server.url);
    available = await listAvailable();
  });

  const listAvailable = async (missionProfileArn = profile.missionProfileArn) => {
    const pages = await boto3Ok(server.url, {
      paginate: 'list_contacts',
      params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation: 'Ohio 1', missionProfileArn, satelliteArn },
    });
    return pages.flatMap((page: any) => page.contactList);
  };
  const describeContact = (contactId: string) => boto3Ok(server.url, { op: 'describe_contact', params: { contactId } });
  const reserve = (window: any, missionProfileArn = profile.missionProfileArn) =>
    boto3Ok(server.url, {
      op: 'reserve_contact',
      params: { missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime },
    });

  /** The first window reserved and SCHEDULED (the scheduling delay passed); its contact id. */
  const scheduledFirst = async () => {
    const { contactId } = await reserve(available[0]);
    await moveClock(server.url, { advanceSeconds: 2 });
    return contactId as string;
  };

  it('ListContacts AVAILABLE returns every real pass of the week, rounded inward to whole seconds', async () => {
    const expected = skyfieldPassesOverOhio().filter((pass) => pass.riseMs > Date.parse(CLOCK_START));
    assert.equal(available.length, expected.length);
    available.forEach((contact, index) => {
      const pass = expected[index]!;
      assert.equal(contact.contactStatus, 'AVAILABLE');
      assert.equal(contact.startTime, Math.ceil(pass.riseMs / 1000));
      assert.equal(contact.endTime, Math.floor(pass.setMs / 1000));
      assert.ok(Math.abs(contact.visibilityStartTime * 1000 - pass.riseMs) < 1000);
      assert.equal(contact.prePassStartTime, contact.startTime - 120);
      assert.equal(contact.postPassEndTime, contact.endTime + 60);
      assert.equal(contact.maximumElevation.unit, 'DEGREE_ANGLE');
      assert.ok(contact.maximumElevation.value >= 10 && contact.maximumElevation.value <= 90);
      assert.equal(contact.contactId, undefined);
    });
  });

  it('ListContacts AVAILABLE leaves out passes shorter than minimumViableContactDurationSeconds', async () => {
    const strict = await createDownlinkProfile(server.url, 600);
    const rows = await listAvailable(strict.missionProfileArn);
    const long = available.filter((contact) => contact.endTime - contact.startTime >= 600);
    assert.ok(long.length > 0 && long.length < available.length);
    assert.deepEqual(rows.map((row: any) => row.startTime), long.map((contact) => contact.startTime));
  });

  it('ListContacts AVAILABLE requires groundStation, missionProfileArn and satelliteArn', async () => {
    const [noStation, noSatellite] = await boto3(server.url, [
      { op: 'list_contacts', params: { statusList: ['AVAILABLE'], ...weekFromStart(), missionProfileArn: profile.missionProfileArn, satelliteArn } },
      { op: 'list_contacts', params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation: 'Ohio 1', missionProfileArn: profile.missionProfileArn } },
    ]);
    assert.equal(noStation!.error?.status, 431);
    assert.equal(noStation!.error?.parameterName, 'groundStation');
    assert.equal(noSatellite!.error?.parameterName, 'satelliteArn');
  });

  it('ReserveContact schedules a pass (ContactScheduled waiter) and freezes the profile and configs', async () => {
    const { contactId, versionId } = await reserve(available[0]);
    assert.equal(versionId, 1);
    const [waited] = await boto3(server.url, [{ wait: 'contact_scheduled', params: { contactId }, delay: 1, maxAttempts: 20 }]);
    assert.deepEqual(waited, { result: {} });
    await boto3Ok(server.url, { op: 'update_mission_profile', params: { missionProfileId: profile.missionProfileId, contactPrePassDurationSeconds: 600 } });
    await boto3Ok(server.url, {
      op: 'update_config',
      params: {
        configId: profile.parts.s3.split('/')[2],
        configType: 's3-recording',
        name: 'changed',
        configData: { s3RecordingConfig: { bucketArn: 'arn:aws:s3:::aws-groundstation-other', roleArn: 'arn:aws:iam::111122223333:role/GroundStationS3' } },
      },
    });
    const contact = await describeContact(contactId);
    assert.equal(contact.contactStatus, 'SCHEDULED');
    assert.equal(contact.prePassStartTime, available[0].startTime - 120);
    assert.equal(contact.visibilityStartTime, undefined);
    assert.deepEqual(contact.ephemeris, { ephemerisType: 'SERVICE_MANAGED' });
    assert.deepEqual(contact.dataflowList[0].destination.configDetails, {
      s3RecordingDetails: { bucketArn: 'arn:aws:s3:::aws-groundstation-demo-bucket', keyTemplate: '{satellite_id}/{year}/{month}/{day}' },
    });
    assert.equal(contact.dataflowList[0].source.configType, 'antenna-downlink');
  });

  it('ListContacts AVAILABLE no longer offers a pass whose only antenna is reserved', async () => {
    const contactId = await scheduledFirst();
    const rows = await listAvailable();
    assert.ok(!rows.some((row: any) => row.startTime === available[0].startTime));
    const reserved = await boto3Ok(server.url, { op: 'list_contacts', params: { statusList: ['SCHEDULED'], ...weekFromStart() } });
    assert.deepEqual(reserved.contactList.map((c: any) => c.contactId), [contactId]);
  });

  it('ReserveContact refuses malformed or impossible requests and creates nothing', async () => {
    await scheduledFirst();
    const base = { missionProfileArn: profile.missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: available[1].startTime, endTime: available[1].endTime };
    const unknownProfile = profile.missionProfileArn.replace(/[0-9a-f]{12}$/, '000000000000');
    const outcomes = await boto3(server.url, [
      { op: 'reserve_contact', params: { ...base, startTime: CLOCK_START_SECONDS - 60 } },
      { op: 'reserve_contact', params: { ...base, endTime: base.startTime } },
      { op: 'reserve_contact', params: { ...base, endTime: base.startTime + 30 } },
      { op: 'reserve_contact', params: { ...base, groundStation: 'Seoul 1' } },
      { op: 'reserve_contact', params: { ...base, groundStation: 'Atlantis 1' } },
      { op: 'reserve_contact', params: { ...base, missionProfileArn: unknownProfile } },
      { op: 'reserve_contact', params: { ...base, satelliteArn: satelliteArn.replace(/[0-9a-f]{12}$/, '000000000000') } },
      { op: 'list_contacts', params: { statusList: ['SCHEDULING', 'SCHEDULED', 'FAILED_TO_SCHEDULE'], ...weekFromStart() } },
    ]);
    assert.deepEqual(
      outcomes.slice(0, 7).map((o) => [o.error?.status, o.error?.parameterName ?? null]),
      [[431, 'startTime'], [431, 'endTime'], [431, 'endTime'], [434, null], [434, null], [434, null], [434, null]],
    );
    assert.equal(outcomes[7]!.result.contactList.length, 1);
  });

  it('ReserveContact goes FAILED_TO_SCHEDULE, saying why, for a busy station, no pass, the horizon, or no endpoint group', async () => {
    await scheduledFirst();
    const endpointProfile = await boto3Ok(server.url, {
      op: 'create_config',
      params: { name: 'endpoint', configData: { dataflowEndpointConfig: { dataflowEndpointName: 'downlink-endpoint', dataflowEndpointRegion: 'us-east-2' } } },
    });
    const { missionProfileId } = await boto3Ok(server.url, {
      op: 'create_mission_profile',
      params: { name: 'to-endpoint', minimumViableContactDurationSeconds: 60, dataflowEdges: [[profile.parts.downlink, endpointProfile.configArn]], trackingConfigArn: profile.parts.tracking },
    });
    const endpointProfileArn = (await boto3Ok(server.url, { op: 'get_mission_profile', params: { missionProfileId } })).missionProfileArn;
    const noPass = { startTime: CLOCK_START_SECONDS + 86400 + 3 * 3600, endTime: CLOCK_START_SECONDS + 86400 + 3 * 3600 + 600 };
    const beyondHorizon = { startTime: CLOCK_START_SECONDS + 8 * 86400, endTime: CLOCK_START_SECONDS + 8 * 86400 + 600 };
    const failures = await Promise.all([
      reserve(available[0]),
      reserve(noPass),
      reserve(beyondHorizon),
      reserve(available[1], endpointProfileArn),
    ]);
    await moveClock(server.url, { advanceSeconds: 2 });
    const described = await Promise.all(failures.map(({ contactId }) => describeContact(contactId)));
    assert.deepEqual(described.map((c) => c.contactStatus), Array(4).fill('FAILED_TO_SCHEDULE'));
    assert.match(described[0].errorMessage, /busy/);
    assert.match(described[1].errorMessage, /elevation mask/);
    assert.match(described[2].errorMessage, /horizon/);
    assert.match(described[3].errorMessage, /dataflow endpoint group/);
    const [waited] = await boto3(server.url, [{ wait: 'contact_scheduled', params: { contactId: failures[0]!.contactId }, delay: 1, maxAttempts: 3 }]);
    assert.ok(waited!.clientError);
  });

  it('UpdateContact creates version 2, idempotent by clientToken; the old version is SUPERSEDED', async () => {
    const contactId = await scheduledFirst();
    const [first, again, versions, v1, waited] = await boto3(server.url, [
      { op: 'update_contact', params: { contactId, clientToken: 'token-1', satelliteArn } },
      { op: 'update_contact', params: { contactId, clientToken: 'token-1', satelliteArn } },
      { op: 'list_contact_versions', params: { contactId } },
      { op: 'describe_contact_version', params: { contactId, versionId: 1 } },
      { wait: 'contact_updated', params: { contactId, versionId: 2 }, delay: 1, maxAttempts: 3 },
    ]);
    assert.equal(first!.result.versionId, 2);
    assert.equal(again!.result.versionId, 2);
    assert.deepEqual(versions!.result.contactVersionsList.map((v: any) => [v.versionId, v.status]), [[1, 'SUPERSEDED'], [2, 'ACTIVE']]);
    assert.equal(v1!.result.version.status, 'SUPERSEDED');
    assert.deepEqual(waited, { result: {} });
  });

  it('ListGroundStationReservations lists the scheduled contact on its antenna; GetMinuteUsage counts it', async () => {
    const contactId = await scheduledFirst();
    const [reservations, maintenance, usage] = await boto3(server.url, [
      { op: 'list_ground_station_reservations', params: { groundStationId: 'Ohio 1', ...weekFromStart() } },
      { op: 'list_ground_station_reservations', params: { groundStationId: 'Ohio 1', ...weekFromStart(), reservationTypes: ['MAINTENANCE'] } },
      { op: 'get_minute_usage', params: { month: 7, year: 2026 } },
    ]);
    assert.deepEqual(reservations!.result.reservationList, [
      {
        reservationType: 'CONTACT',
        groundStationId: 'Ohio 1',
        antennaName: 'Ohio 1 Antenna 1',
        startTime: available[0].prePassStartTime,
        endTime: available[0].postPassEndTime,
        reservationDetails: { contact: { contactId } },
      },
    ]);
    assert.deepEqual(maintenance!.result.reservationList, []);
    const minutes = Math.ceil((available[0].endTime - available[0].startTime) / 60);
    assert.deepEqual(usage!.result, {
      isReservedMinutesCustomer: false,
      totalReservedMinuteAllocation: 0,
      upcomingMinutesScheduled: minutes,
      totalScheduledMinutes: minutes,
      estimatedMinutesRemaining: 0,
    });
  });

  it('CancelContact while SCHEDULED goes CANCELLING, is idempotent, then CANCELLED', async () => {
    const { contactId } = await reserve(available[1]);
    await moveClock(server.url, { advanceSeconds: 2 });
    const [cancelled, again, during] = await boto3(server.url, [
      { op: 'cancel_contact', params: { contactId } },
      { op: 'cancel_contact', params: { contactId } },
      { op: 'describe_contact', params: { contactId } },
    ]);
    assert.deepEqual(cancelled!.result, { contactId, versionId: 1 });
    assert.deepEqual(again!.result, { contactId, versionId: 1 });
    assert.equal(during!.result.contactStatus, 'CANCELLING');
    await moveClock(server.url, { advanceSeconds: 2 });
    assert.equal((await describeContact(contactId)).contactStatus, 'CANCELLED');
    assert.deepEqual(await boto3Ok(server.url, { op: 'cancel_contact', params: { contactId } }), { contactId, versionId: 1 });
  });

  it('a scheduled contact walks PREPASS, PASS, POSTPASS and COMPLETED as the clock moves; COMPLETED cannot be cancelled', async () => {
    const contactId = await scheduledFirst();
    const window = available[0];
    const statuses: string[] = [];
    for (const instant of [window.prePassStartTime, window.startTime, window.endTime, window.postPassEndTime]) {
      await moveClock(server.url, { set: instant });
      const contact = await describeContact(contactId);
      statuses.push(contact.contactStatus);
      if (contact.contactStatus === 'PASS') assert.ok(Math.abs(contact.visibilityStartTime - window.visibilityStartTime) < 0.001);
    }
    assert.deepEqual(statuses, ['PREPASS', 'PASS', 'POSTPASS', 'COMPLETED']);
    const [refused] = await boto3(server.url, [{ op: 'cancel_contact', params: { contactId } }]);
    assert.equal(refused!.error?.status, 431);
  });

  it('CancelContact during PASS stops the contact without POSTPASS; during POSTPASS it is refused', async () => {
    const stopped = await reserve(available[2]);
    const late = await reserve(available[3]);
    await moveClock(server.url, { set: available[2].startTime + 10 });
    await boto3Ok(server.url, { op: 'cancel_contact', params: { contactId: stopped.contactId } });
    await moveClock(server.url, { set: available[3].endTime + 1 });
    const [refused] = await boto3(server.url, [{ op: 'cancel_contact', params: { contactId: late.contactId } }]);
    assert.equal(refused!.error?.status, 431);
    assert.equal((await describeContact(stopped.contactId)).contactStatus, 'CANCELLED');
    assert.equal((await describeContact(late.contactId)).contactStatus, 'POSTPASS');
  });
});
