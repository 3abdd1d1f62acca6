import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DescribeContactCommand, GetMinuteUsageCommand, ListContactsCommand, ReserveContactCommand } from '@aws-sdk/client-groundstation';
import { assertJsError } from '../support/assertions.js';
import { awsCli, boto3, boto3Ok, groundStationArn, jsClient, jsError, OTHER_ACCOUNT, type Identity } from '../support/clients.js';
import { createAgentGroups, registerAgentRequest } from '../agent/agent-fixtures.js';
import { endpointDetails } from '../support/fixtures.js';
import { startServer, type RunningServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';
import { CLOCK_START, createContactProfile, createDownlinkProfile, moveClock, noaa20Arn, weekFromStart } from './contact-support.js';

const OHIO = { region: 'us-east-2' };
const OREGON = { region: 'us-west-2' };
const FRANKFURT = { region: 'eu-central-1' };
const OTHER_IN_OREGON = { account: OTHER_ACCOUNT, region: 'us-west-2' };

// One server on a stopped clock at CLOCK_START; tests book passes in order and move the clock.
// Every location may be used from every region (the user guide's locations and cross-region data
// delivery pages); the contact belongs to the request's region, the location keeps its own.
describe('any location from any region, through boto3', () => {
  let server: RunningServer;
  let satelliteArn: string;
  let ohioProfile: string;
  let oregonWindows: any[];
  let oregonContactId: string;
  // The windows of us-east-2's SCHEDULED contacts, which its minute usage meters.
  const ohioScheduled: any[] = [];

  before(async () => {
    server = await startServer({ args: ['--clock-start', CLOCK_START, '--clock-rate', '0'] });
    satelliteArn = await noaa20Arn(server.url);
    ohioProfile = (await createDownlinkProfile(server.url, 60, OHIO)).missionProfileArn;
  });
  after(() => server.stop());

  const available = async (groundStation: string, missionProfileArn: string, identity: Identity) => {
    const pages = await boto3Ok(
      server.url,
      { paginate: 'list_contacts', params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation, missionProfileArn, satelliteArn } },
      identity,
    );
    return pages.flatMap((page: any) => page.contactList);
  };
  const reserve = (groundStation: string, missionProfileArn: string, window: any, identity: Identity) =>
    boto3Ok(
      server.url,
      { op: 'reserve_contact', params: { missionProfileArn, satelliteArn, groundStation, startTime: window.startTime, endTime: window.endTime } },
      identity,
    ).then((result) => result.contactId as string);
  const describeContact = (contactId: string, identity: Identity) => boto3(server.url, [{ op: 'describe_contact', params: { contactId } }], identity).then(([outcome]) => outcome!);
  /** An Ohio (us-east-2) mission profile downlinking to a dataflow endpoint config that names no region. */
  const profileToRegionlessEndpoint = async (name: string, dataflowEndpointName: string) => {
    const configs = await createConfigs(server.url, ['tracking', 'antenna-downlink'], OHIO);
    const { configArn: endpointArn } = await boto3Ok(
      server.url,
      { op: 'create_config', params: { name: `${name} endpoint`, configData: { dataflowEndpointConfig: { dataflowEndpointName } } } },
      OHIO,
    );
    const { missionProfileArn } = await createContactProfile(
      server.url,
      { name, dataflowEdges: [[configs['antenna-downlink'], endpointArn]], trackingConfigArn: configs.tracking },
      OHIO,
    );
    return missionProfileArn;
  };
  const reservations = (groundStationId: string, identity: Identity) =>
    boto3Ok(server.url, { op: 'list_ground_station_reservations', params: { groundStationId, ...weekFromStart() } }, identity).then(
      (result) => result.reservationList as any[],
    );

  it('ListContacts AVAILABLE offers Oregon 1 (us-west-2) to a us-east-2 profile, as rows of the request region', async () => {
    oregonWindows = await available('Oregon 1', ohioProfile, OHIO);
    assert.ok(oregonWindows.length > 5, `${oregonWindows.length} Oregon windows`);
    for (const row of oregonWindows) {
      assert.deepEqual([row.groundStation, row.region, row.contactStatus], ['Oregon 1', 'us-east-2', 'AVAILABLE']);
    }
  });

  it('ReserveContact books Oregon 1 from us-east-2; DescribeContact answers there and 434 in us-west-2', async () => {
    oregonContactId = await reserve('Oregon 1', ohioProfile, oregonWindows[0], OHIO);
    ohioScheduled.push(oregonWindows[0]);
    await moveClock(server.url, { advanceSeconds: 2 });
    const [mine, elsewhere] = await Promise.all([describeContact(oregonContactId, OHIO), describeContact(oregonContactId, OREGON)]);
    assert.deepEqual(
      [mine.result.contactStatus, mine.result.region, mine.result.groundStation, mine.result.startTime],
      ['SCHEDULED', 'us-east-2', 'Oregon 1', oregonWindows[0].startTime],
    );
    assert.deepEqual([elsewhere.error?.code, elsewhere.error?.status], ['ResourceNotFoundException', 434]);
    // The antenna is at the location: its side of the dataflow carries Oregon's region; S3 the contact's.
    assert.deepEqual(
      mine.result.dataflowList.map((flow: any) => [flow.source.dataflowSourceRegion, flow.destination.dataflowDestinationRegion]),
      [['us-west-2', 'us-east-2']],
    );
    const [listedHere, listedThere] = await Promise.all(
      [OHIO, OREGON].map((identity) => boto3Ok(server.url, { op: 'list_contacts', params: { statusList: ['SCHEDULED'], ...weekFromStart() } }, identity)),
    );
    assert.deepEqual(listedHere.contactList.map((row: any) => row.contactId), [oregonContactId]);
    assert.deepEqual(listedThere.contactList, []);
  });

  it("ListGroundStationReservations shows the contact's id only to its own account and region", async () => {
    const [fromOhio, fromOregon, fromOtherAccount] = await Promise.all([
      reservations('Oregon 1', OHIO),
      reservations('Oregon 1', OREGON),
      reservations('Oregon 1', OTHER_IN_OREGON),
    ]);
    const expected = (contact: object) => [
      {
        reservationType: 'CONTACT',
        groundStationId: 'Oregon 1',
        antennaName: 'Oregon 1 Antenna 1',
        startTime: oregonWindows[0].startTime - 120,
        endTime: oregonWindows[0].endTime + 60,
        reservationDetails: { contact },
      },
    ];
    assert.deepEqual(fromOhio, expected({ contactId: oregonContactId }));
    assert.deepEqual(fromOregon, expected({}));
    assert.deepEqual(fromOtherAccount, expected({}));
  });

  it("a us-west-2 profile finds Oregon 1's antenna busy during the us-east-2 contact", async () => {
    const oregonProfile = (await createDownlinkProfile(server.url, 60, OREGON)).missionProfileArn;
    const offered = await available('Oregon 1', oregonProfile, OREGON);
    assert.deepEqual(
      offered.map((row: any) => row.startTime),
      oregonWindows.slice(1).map((row) => row.startTime),
    );
    const attempt = await reserve('Oregon 1', oregonProfile, oregonWindows[0], OREGON);
    await moveClock(server.url, { advanceSeconds: 2 });
    const refused = await describeContact(attempt, OREGON);
    assert.equal(refused.result.contactStatus, 'FAILED_TO_SCHEDULE');
    assert.match(refused.result.errorMessage, /busy/);
    const fromOregon = await reservations('Oregon 1', OREGON);
    assert.deepEqual(fromOregon.map((item) => item.reservationDetails), [{ contact: {} }]);
  });

  it('a dataflow endpoint config without a region is served by a group in the location\'s own region', async () => {
    const missionProfileArn = await profileToRegionlessEndpoint('to EC2', 'oregon-endpoint');
    // A group in the profile's region (us-east-2) does not serve a contact at Oregon 1.
    await boto3Ok(server.url, { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [endpointDetails('oregon-endpoint')] } }, OHIO);
    const unserved = await reserve('Oregon 1', missionProfileArn, oregonWindows[1], OHIO);
    await moveClock(server.url, { advanceSeconds: 2 });
    const failed = (await describeContact(unserved, OHIO)).result;
    assert.equal(failed.contactStatus, 'FAILED_TO_SCHEDULE');
    assert.match(failed.errorMessage, /us-west-2/);

    const { dataflowEndpointGroupId } = await boto3Ok(
      server.url,
      { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [endpointDetails('oregon-endpoint')] } },
      OREGON,
    );
    const served = await reserve('Oregon 1', missionProfileArn, oregonWindows[1], OHIO);
    await moveClock(server.url, { advanceSeconds: 2 });
    const contact = (await describeContact(served, OHIO)).result;
    assert.equal(contact.contactStatus, 'SCHEDULED');
    ohioScheduled.push(oregonWindows[1]);
    const [flow] = contact.dataflowList;
    assert.deepEqual(
      [flow.source.configType, flow.source.dataflowSourceRegion, flow.destination.configType, flow.destination.dataflowDestinationRegion],
      ['antenna-downlink', 'us-west-2', 'dataflow-endpoint', 'us-west-2'],
    );
    assert.equal(flow.destination.configDetails.endpointDetails.endpoint.name, 'oregon-endpoint');
    // The held group lives in us-west-2, where deleting it is refused while the contact holds it.
    const [deleteHeld] = await boto3(server.url, [{ op: 'delete_dataflow_endpoint_group', params: { dataflowEndpointGroupId } }], OREGON);
    assert.deepEqual([deleteHeld!.error?.code, deleteHeld!.error?.status], ['InvalidParameterException', 431]);
  });

  it("an agent in Oregon's region is tasked with a us-east-2 contact at Oregon 1, under the contact's own ARN", async () => {
    const [group] = await createAgentGroups(server.url, 1, OREGON);
    const { agentId } = await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([group!.arn]) }, OREGON);
    const missionProfileArn = await profileToRegionlessEndpoint('to the agent', 'agent-downlink');
    const [window] = await available('Oregon 1', missionProfileArn, OHIO);
    const contactId = await reserve('Oregon 1', missionProfileArn, window, OHIO);
    await moveClock(server.url, { advanceSeconds: 2 });
    assert.equal((await describeContact(contactId, OHIO)).result.contactStatus, 'SCHEDULED');
    ohioScheduled.push(window);
    const { taskingDocument } = await boto3Ok(server.url, { op: 'get_agent_configuration', params: { agentId } }, OREGON);
    assert.deepEqual(JSON.parse(taskingDocument).dataflowEndpointGroups[0].contacts, [
      { contactId, contactArn: groundStationArn(`contact/${contactId}`, OHIO) },
    ]);
  });

  // A public NOAA-20 scheduler, run from eu-central-1 (a region with no location of its own), books
  // Stockholm 1, Ohio 1, Oregon 1, Hawaii 1 and Cape Town 1: at each it lists the AVAILABLE windows
  // of the week and reserves the first, then waits (ContactScheduled) for every contact.
  it('a scheduler in eu-central-1 books Stockholm 1, Ohio 1, Oregon 1, Hawaii 1 and Cape Town 1', async () => {
    const stations = ['Stockholm 1', 'Ohio 1', 'Oregon 1', 'Hawaii 1', 'Cape Town 1'];
    const profile = (await createDownlinkProfile(server.url, 60, FRANKFURT)).missionProfileArn;
    const booked: { contactId: string; window: any }[] = [];
    // A pass already in progress is offered from the next second: its pre-pass would begin before
    // the clock moves below, so the scheduler books the next pass that is still ahead.
    const { now } = await moveClock(server.url, { advanceSeconds: 0 });
    for (const station of stations) {
      const window = (await available(station, profile, FRANKFURT)).find((row: any) => row.prePassStartTime > now + 2);
      assert.ok(window, `no window at ${station}`);
      booked.push({ contactId: await reserve(station, profile, window, FRANKFURT), window });
    }
    await moveClock(server.url, { advanceSeconds: 2 });
    const waits = await boto3(
      server.url,
      booked.map(({ contactId }) => ({ wait: 'contact_scheduled', params: { contactId }, delay: 1, maxAttempts: 1 })),
      FRANKFURT,
    );
    assert.deepEqual(waits, booked.map(() => ({ result: {} })));
    const contacts = await Promise.all(booked.map(({ contactId }) => describeContact(contactId, FRANKFURT)));
    assert.deepEqual(
      contacts.map(({ result }) => [result.groundStation, result.region, result.contactStatus]),
      stations.map((station) => [station, 'eu-central-1', 'SCHEDULED']),
    );
    const listed = await boto3Ok(server.url, { op: 'list_contacts', params: { statusList: ['SCHEDULED'], ...weekFromStart() } }, FRANKFURT);
    assert.deepEqual(new Set(listed.contactList.map((row: any) => row.contactId)), new Set(booked.map(({ contactId }) => contactId)));

    // Each region meters only its own contacts, though they share Oregon 1's antenna.
    const month = new Date(CLOCK_START);
    const usage = { month: month.getUTCMonth() + 1, year: month.getUTCFullYear() };
    const [frankfurt, ohio, oregon] = await Promise.all(
      [FRANKFURT, OHIO, OREGON].map((identity) => boto3Ok(server.url, { op: 'get_minute_usage', params: usage }, identity)),
    );
    const minutes = (windows: any[]) => windows.reduce((sum, window) => sum + Math.ceil((window.endTime - window.startTime) / 60), 0);
    assert.equal(frankfurt.totalScheduledMinutes, minutes(booked.map(({ window }) => window)));
    assert.equal(ohio.totalScheduledMinutes, minutes(ohioScheduled));
    assert.equal(oregon.totalScheduledMinutes, 0);
  });

  // Client 3.523 has no ListGroundStationReservations; the CLI test below covers it.
  it('the JS SDK lists and books Stockholm 1 (eu-north-1) from us-east-2; eu-north-1 cannot describe the contact', async () => {
    const js = jsClient(server.url, OHIO);
    const week = { startTime: new Date(CLOCK_START), endTime: new Date(Date.parse(CLOCK_START) + 7 * 86_400_000) };
    const { contactList } = await js.send(
      new ListContactsCommand({ statusList: ['AVAILABLE'], ...week, groundStation: 'Stockholm 1', missionProfileArn: ohioProfile, satelliteArn }),
    );
    // Not a pass in progress, whose pre-pass would begin as the clock moves below.
    const { now } = await moveClock(server.url, { advanceSeconds: 0 });
    const window = contactList!.find((row) => row.prePassStartTime!.getTime() > (now + 2) * 1000)!;
    assert.deepEqual([window.groundStation, window.region], ['Stockholm 1', 'us-east-2']);
    const { contactId } = await js.send(
      new ReserveContactCommand({ missionProfileArn: ohioProfile, satelliteArn, groundStation: 'Stockholm 1', startTime: window.startTime, endTime: window.endTime }),
    );
    await moveClock(server.url, { advanceSeconds: 2 });
    const contact = await js.send(new DescribeContactCommand({ contactId }));
    assert.deepEqual([contact.contactStatus, contact.region, contact.groundStation], ['SCHEDULED', 'us-east-2', 'Stockholm 1']);
    const stockholm = jsClient(server.url, { region: 'eu-north-1' });
    const elsewhere = await jsError(stockholm.send(new DescribeContactCommand({ contactId })));
    assertJsError(elsewhere, { code: 'ResourceNotFoundException', status: 434 });
    const usage = { month: 7, year: 2026 };
    const [here, there] = await Promise.all([js.send(new GetMinuteUsageCommand(usage)), stockholm.send(new GetMinuteUsageCommand(usage))]);
    const minutes = Math.ceil((window.endTime!.getTime() - window.startTime!.getTime()) / 60_000);
    assert.ok(here.totalScheduledMinutes! >= minutes);
    assert.equal(there.totalScheduledMinutes, 0);
    const unknown = await jsError(
      js.send(new ReserveContactCommand({ missionProfileArn: ohioProfile, satelliteArn, groundStation: 'Seoul 1', startTime: window.startTime, endTime: window.endTime })),
    );
    assertJsError(unknown, { code: 'ResourceNotFoundException', status: 434, message: /Seoul 1/ });
  });

  it('the AWS CLI reserves Oregon 1 from us-east-2 and describes it there; us-west-2 sees its reservation without the id', async () => {
    const [window] = await available('Oregon 1', ohioProfile, OHIO);
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
    const times = ['--start-time', iso(window.startTime), '--end-time', iso(window.endTime)];
    const reserved = await awsCli(
      server.url,
      ['reserve-contact', '--mission-profile-arn', ohioProfile, '--satellite-arn', satelliteArn, '--ground-station', 'Oregon 1', ...times],
      OHIO,
    );
    assert.equal(reserved.code, 0, reserved.stderr);
    const { contactId } = reserved.json;
    await moveClock(server.url, { advanceSeconds: 2 });
    const [described, elsewhere, listedThere] = await Promise.all([
      awsCli(server.url, ['describe-contact', '--contact-id', contactId], OHIO),
      awsCli(server.url, ['describe-contact', '--contact-id', contactId], OREGON),
      awsCli(server.url, ['list-ground-station-reservations', '--ground-station-id', 'Oregon 1', ...times], OREGON),
    ]);
    assert.equal(described.code, 0, described.stderr);
    assert.deepEqual([described.json.contactStatus, described.json.region, described.json.groundStation], ['SCHEDULED', 'us-east-2', 'Oregon 1']);
    assert.notEqual(elsewhere.code, 0);
    assert.match(elsewhere.stderr, /\(ResourceNotFoundException\) when calling the DescribeContact operation/);
    assert.equal(listedThere.code, 0, listedThere.stderr);
    assert.deepEqual(listedThere.json.reservationList.map((item: any) => item.reservationDetails), [{ contact: {} }]);
    assert.ok(!listedThere.stdout.includes(contactId));
  });
});
