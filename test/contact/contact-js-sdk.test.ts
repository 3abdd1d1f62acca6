import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  CancelContactCommand,
  DescribeContactCommand,
  GetMinuteUsageCommand,
  ListContactsCommand,
  paginateListContacts,
  ReserveContactCommand,
  type ContactData,
  type GroundStationClient,
} from '@aws-sdk/client-groundstation';
import { before, describe, it } from 'node:test';
import { boto3Ok, jsClient, jsError, OTHER_ACCOUNT } from '../support/clients.js';
import { useServer } from '../support/server.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, moveClock, noaa20Arn } from './contact-support.js';

const WEEK = { startTime: new Date(CLOCK_START), endTime: new Date((CLOCK_START_SECONDS + 7 * 86400) * 1000) };
const ALL_RESERVED = ['SCHEDULING', 'SCHEDULED', 'FAILED_TO_SCHEDULE', 'CANCELLING', 'CANCELLED'] as const;

// One server on a stopped clock: the tests move it, so they run in order. Account A books a pass of
// Ohio 1's single antenna; account B, with its own profile, then finds the station busy. Client
// 3.523 predates contact versions, visibility and ListGroundStationReservations: it drops them.
describe('contacts through the JS SDK, and antennas shared across accounts', () => {
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 } });
  // Satellite ARNs name the account that looks at them.
  let satelliteArn: string;
  let satelliteArnB: string;
  let a: GroundStationClient;
  let b: GroundStationClient;
  let profileA: string;
  let profileB: string;
  let available: ContactData[];
  let contactId: string;

  before(async () => {
    satelliteArn = await noaa20Arn(server.url);
    satelliteArnB = await noaa20Arn(server.url, { account: OTHER_ACCOUNT });
    a = jsClient(server.url);
    b = jsClient(server.url, { account: OTHER_ACCOUNT });
    profileA = (await createDownlinkProfile(server.url)).missionProfileArn;
    profileB = (await createDownlinkProfile(server.url, 60, { account: OTHER_ACCOUNT })).missionProfileArn;
  });

  const listAvailable = async (client: GroundStationClient, missionProfileArn: string, satelliteArn: string) => {
    const rows: ContactData[] = [];
    const pages = paginateListContacts(
      { client, pageSize: 10 },
      { statusList: ['AVAILABLE'], ...WEEK, groundStation: 'Ohio 1', missionProfileArn, satelliteArn },
    );
    for await (const page of pages) rows.push(...(page.contactList ?? []));
    return rows;
  };
  const reserve = (client: GroundStationClient, missionProfileArn: string, satelliteArn: string, window: ContactData) =>
    client.send(new ReserveContactCommand({ missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime }));
  const describeContact = (client: GroundStationClient, id: string) => client.send(new DescribeContactCommand({ contactId: id }));

  it('ListContacts AVAILABLE pages whole-second windows without a contactId', async () => {
    available = await listAvailable(a, profileA, satelliteArn);
    assert.ok(available.length > 10, 'a week has more passes than one page');
    for (const row of available) {
      assert.equal(row.contactStatus, 'AVAILABLE');
      assert.equal(row.contactId, undefined);
      assert.equal(row.startTime!.getTime() % 1000, 0);
      assert.equal(row.endTime!.getTime() % 1000, 0);
      assert.equal(row.prePassStartTime!.getTime(), row.startTime!.getTime() - 120_000);
      assert.equal(row.maximumElevation?.unit, 'DEGREE_ANGLE');
    }
  });

  it('ReserveContact accepts a listed window as JS sends it; DescribeContact and ListContacts show it', async () => {
    const window = available[0]!;
    contactId = (await reserve(a, profileA, satelliteArn, window)).contactId!;
    assert.equal((await describeContact(a, contactId)).contactStatus, 'SCHEDULING');
    await moveClock(server.url, { advanceSeconds: 2 });
    const scheduled = await describeContact(a, contactId);
    assert.equal(scheduled.contactStatus, 'SCHEDULED');
    assert.deepEqual([scheduled.startTime, scheduled.endTime], [window.startTime, window.endTime]);
    assert.equal(scheduled.satelliteArn, satelliteArn);
    assert.equal(scheduled.groundStation, 'Ohio 1');
    assert.equal(scheduled.dataflowList?.[0]?.source?.configType, 'antenna-downlink');
    const listed = await a.send(new ListContactsCommand({ statusList: ['SCHEDULED'], ...WEEK }));
    assert.deepEqual(listed.contactList?.map((row) => [row.contactId, row.contactStatus, 'dataflowList' in row]), [[contactId, 'SCHEDULED', false]]);
  });

  it('GetMinuteUsage counts the scheduled contact for its month', async () => {
    const window = available[0]!;
    const minutes = Math.ceil((window.endTime!.getTime() - window.startTime!.getTime()) / 60_000);
    const { $metadata, ...usage } = await a.send(new GetMinuteUsageCommand({ month: 7, year: 2026 }));
    assert.equal($metadata.httpStatusCode, 200);
    assert.deepEqual(usage, {
      isReservedMinutesCustomer: false,
      totalReservedMinuteAllocation: 0,
      upcomingMinutesScheduled: minutes,
      totalScheduledMinutes: minutes,
      estimatedMinutesRemaining: 0,
    });
  });

  it('refusals surface as modelled exceptions with status and parameterName', async () => {
    const window = available[1]!;
    const refusals = await Promise.all([
      jsError(a.send(new ListContactsCommand({ statusList: ['AVAILABLE'], ...WEEK, missionProfileArn: profileA, satelliteArn }))),
      jsError(a.send(new ListContactsCommand({ statusList: ['SCHEDULED'], startTime: WEEK.endTime, endTime: WEEK.startTime }))),
      jsError(describeContact(a, randomUUID())),
      jsError(a.send(new CancelContactCommand({ contactId: randomUUID() }))),
      jsError(reserve(a, profileA, satelliteArn, { ...window, endTime: window.startTime })),
      jsError(reserve(a, profileA, satelliteArn, { ...window, startTime: new Date(CLOCK_START) })),
    ]);
    assert.deepEqual(
      refusals.map(({ name, status, parameterName }) => [name, status, parameterName]),
      [
        ['InvalidParameterException', 431, 'groundStation'],
        ['InvalidParameterException', 431, 'startTime'],
        ['ResourceNotFoundException', 434, undefined],
        ['ResourceNotFoundException', 434, undefined],
        ['InvalidParameterException', 431, 'endTime'],
        ['InvalidParameterException', 431, 'startTime'],
      ],
    );
  });

  it("another account finds the station busy during A's contact, and sees nothing of it but the antenna's reservation", async () => {
    const window = available[0]!;
    const offeredToB = await listAvailable(b, profileB, satelliteArnB);
    assert.deepEqual(
      offeredToB.map((row) => row.startTime!.getTime()),
      available.slice(1).map((row) => row.startTime!.getTime()),
    );
    const attempt = await reserve(b, profileB, satelliteArnB, window);
    await moveClock(server.url, { advanceSeconds: 2 });
    const refused = await describeContact(b, attempt.contactId!);
    assert.equal(refused.contactStatus, 'FAILED_TO_SCHEDULE');
    assert.match(refused.errorMessage!, /busy/);
    assert.ok(!refused.errorMessage!.includes(contactId));
    const [listed, reservations, hidden] = await Promise.all([
      b.send(new ListContactsCommand({ statusList: [...ALL_RESERVED], ...WEEK })),
      boto3Ok(server.url, { op: 'list_ground_station_reservations', params: { groundStationId: 'Ohio 1', startTime: CLOCK_START_SECONDS, endTime: CLOCK_START_SECONDS + 7 * 86400 } }, { account: OTHER_ACCOUNT }),
      jsError(describeContact(b, contactId)),
    ]);
    assert.deepEqual(listed.contactList?.map((row) => row.contactId), [attempt.contactId]);
    // The antenna's reservation is listed, but not its contactId (optional in the model): B cannot describe it.
    assert.deepEqual(
      reservations.reservationList.map((item: any) => [item.antennaName, item.startTime, item.reservationDetails]),
      [['Ohio 1 Antenna 1', window.prePassStartTime!.getTime() / 1000, { contact: {} }]],
    );
    assert.equal(hidden.status, 434);
  });

  it('CancelContact goes CANCELLING then CANCELLED and frees the antenna for everyone', async () => {
    const cancelled = await a.send(new CancelContactCommand({ contactId }));
    assert.equal(cancelled.contactId, contactId);
    assert.equal((await describeContact(a, contactId)).contactStatus, 'CANCELLING');
    await moveClock(server.url, { advanceSeconds: 2 });
    assert.equal((await describeContact(a, contactId)).contactStatus, 'CANCELLED');
    const offeredToB = await listAvailable(b, profileB, satelliteArnB);
    assert.equal(offeredToB[0]!.startTime!.getTime(), available[0]!.startTime!.getTime());
  });
});
