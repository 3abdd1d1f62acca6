import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ACCOUNT, boto3, boto3Ok, OTHER_ACCOUNT, raw, REGION } from '../support/clients.js';
import { configData, endpointDetails } from '../support/fixtures.js';
import type { RunningServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';
import { eventually, readJsonl, type Envelope } from '../events/event-sinks.js';
import { CLOCK_START_SECONDS, createContactProfile, moveClock, noaa20Arn, ohioWindows, reserveAtOhio, stoppedClockDataDir } from './contact-support.js';

const CONTACT_CHANGE = 'Ground Station Contact State Change';
const GROUP_CHANGE = 'Ground Station Dataflow Endpoint Group State Change';
const GROUP_PRE = 45;
const GROUP_POST = 90;
const seconds = (iso: string) => Date.parse(iso) / 1000;
const minutesOf = (window: any) => Math.ceil((window.endTime - window.startTime) / 60);

/** POST /_local/contacts/{id}/fault, naming the test account and region unless told otherwise. */
const fault = (url: string, contactId: string, body: unknown, query = `?account=${ACCOUNT}&region=${REGION}`, headers?: Record<string, string>) =>
  raw(url, 'POST', `/_local/contacts/${contactId}/fault${query}`, { body: typeof body === 'string' ? body : JSON.stringify(body), headers });

describe('fault injection through /_local (SEMANTICS §2.1)', () => {
  const { eventsFile, start } = stoppedClockDataDir();
  let server: RunningServer;
  let satelliteArn: string;
  let missionProfileArn: string;
  let windows: any[];
  const reserved: Record<'failed' | 'awsCancelled' | 'awsFailed', string> = { failed: '', awsCancelled: '', awsFailed: '' };

  const describeContact = (contactId: string) => boto3Ok(server.url, { op: 'describe_contact', params: { contactId } });
  const reserve = (window: any) => reserveAtOhio(server.url, missionProfileArn, satelliteArn, window);
  const listAvailable = () => ohioWindows(server.url, missionProfileArn, satelliteArn);
  // The contact's events, once `count` are out, with the clock past its end: nothing is due after.
  const finalEvents = async (contactId: string, window: any, count: number) => {
    await moveClock(server.url, { set: window.postPassEndTime + 3600 });
    const ofContact = () => readJsonl(eventsFile).filter((event) => event.detail.contactId === contactId);
    const events = await eventually('the events', ofContact, (seen: Envelope[]) => seen.length >= count);
    return events.map((event) => [event['detail-type'], event.detail.contactStatus ?? event.detail.dataflowEndpointGroupState, seconds(event.time)]);
  };

  // A profile delivering to an endpoint group (whose events a fault must end) and to S3.
  before(async () => {
    server = await start();
    satelliteArn = await noaa20Arn(server.url);
    const configs = await createConfigs(server.url, ['tracking', 'antenna-downlink', 'dataflow-endpoint', 's3-recording']);
    await boto3Ok(server.url, {
      op: 'create_dataflow_endpoint_group',
      params: {
        endpointDetails: [endpointDetails(configData['dataflow-endpoint'].dataflowEndpointConfig.dataflowEndpointName)],
        contactPrePassDurationSeconds: GROUP_PRE,
        contactPostPassDurationSeconds: GROUP_POST,
      },
    });
    ({ missionProfileArn } = await createContactProfile(server.url, {
      name: 'to-endpoint-and-s3',
      dataflowEdges: [
        [configs['antenna-downlink'], configs['dataflow-endpoint']],
        [configs['antenna-downlink'], configs['s3-recording']],
      ],
      trackingConfigArn: configs.tracking,
    }));
    windows = await listAvailable();
  });

  it('FAILED during PASS is stored before the answer, shown with its errorMessage, refused by CancelContact, and ends the contact and its endpoint group', async () => {
    const window = windows[0];
    const contactId = (reserved.failed = await reserve(window));
    const failedAt = window.startTime + 30;
    await moveClock(server.url, { set: failedAt });
    const answer = await fault(server.url, contactId, { status: 'FAILED', errorMessage: 'the antenna lost track' });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { contactId, contactStatus: 'FAILED', errorMessage: 'the antenna lost track' });

    // Acknowledged means on disk: a crash right after the answer keeps it.
    await server.stop('SIGKILL');
    server = await start();
    const [described, cancelled] = await boto3(server.url, [
      { op: 'describe_contact', params: { contactId } },
      { op: 'cancel_contact', params: { contactId } },
    ]);
    assert.equal(described!.result.contactStatus, 'FAILED');
    assert.equal(described!.result.errorMessage, 'the antenna lost track');
    assert.equal(cancelled!.error?.status, 431);
    assert.equal(cancelled!.error?.code, 'InvalidParameterException');

    // No POSTPASS, COMPLETED or S3 upload afterwards; the group in PASS goes FAILED with the contact.
    const passStart = window.startTime;
    assert.deepEqual(await finalEvents(contactId, window, 8), [
      [CONTACT_CHANGE, 'SCHEDULING', CLOCK_START_SECONDS],
      [CONTACT_CHANGE, 'SCHEDULED', CLOCK_START_SECONDS + 1],
      [CONTACT_CHANGE, 'PREPASS', passStart - 120],
      [GROUP_CHANGE, 'PREPASS', passStart - GROUP_PRE],
      [CONTACT_CHANGE, 'PASS', passStart],
      [GROUP_CHANGE, 'PASS', passStart],
      [CONTACT_CHANGE, 'FAILED', failedAt],
      [GROUP_CHANGE, 'FAILED', failedAt],
    ]);
    assert.equal((await describeContact(contactId)).contactStatus, 'FAILED');
  });

  it('AWS_CANCELLED while SCHEDULED frees the antenna at once, is answered 200 unchanged by CancelContact, and no group event comes', async () => {
    const window = windows.find((candidate) => candidate.startTime > windows[0].postPassEndTime + 3600 + 900);
    const contactId = (reserved.awsCancelled = await reserve(window));
    await moveClock(server.url, { advanceSeconds: 2 });
    assert.ok(!(await listAvailable()).some((row) => row.startTime === window.startTime));

    const answer = await fault(server.url, contactId, { status: 'AWS_CANCELLED' });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.contactStatus, 'AWS_CANCELLED');
    assert.ok((await listAvailable()).some((row) => row.startTime === window.startTime));
    const [cancelled, described] = await boto3(server.url, [
      { op: 'cancel_contact', params: { contactId } },
      { op: 'describe_contact', params: { contactId } },
    ]);
    assert.deepEqual(cancelled!.result, { contactId, versionId: 1 });
    assert.equal(described!.result.contactStatus, 'AWS_CANCELLED');
    assert.equal(described!.result.errorMessage, answer.json.errorMessage);
    assert.match(described!.result.errorMessage, /cancelled by the service/);

    const events = await finalEvents(contactId, window, 3);
    assert.deepEqual(events.map(([type, status]) => [type, status]), [
      [CONTACT_CHANGE, 'SCHEDULING'],
      [CONTACT_CHANGE, 'SCHEDULED'],
      [CONTACT_CHANGE, 'AWS_CANCELLED'],
    ]);
    assert.equal((await describeContact(contactId)).contactStatus, 'AWS_CANCELLED');
  });

  it('AWS_FAILED during POSTPASS ends the group still in POSTPASS, and the contact never completes', async () => {
    const window = windows.find((candidate) => candidate.startTime > windows[0].postPassEndTime + 2 * 86400);
    const contactId = (reserved.awsFailed = await reserve(window));
    const failedAt = window.endTime + 10;
    await moveClock(server.url, { set: failedAt });
    assert.equal((await fault(server.url, contactId, { status: 'AWS_FAILED', errorMessage: 'ground station power loss' })).status, 200);
    const [cancelled] = await boto3(server.url, [{ op: 'cancel_contact', params: { contactId } }]);
    assert.equal(cancelled!.error?.status, 431);

    const events = await finalEvents(contactId, window, 10);
    assert.deepEqual(events.slice(-4), [
      [CONTACT_CHANGE, 'POSTPASS', window.endTime],
      [GROUP_CHANGE, 'POSTPASS', window.endTime],
      [CONTACT_CHANGE, 'AWS_FAILED', failedAt],
      [GROUP_CHANGE, 'AWS_FAILED', failedAt],
    ]);
    const described = await describeContact(contactId);
    assert.equal(described.contactStatus, 'AWS_FAILED');
    assert.equal(described.errorMessage, 'ground station power loss');
  });

  it('GetMinuteUsage counts the FAILED contact but not the AWS_FAILED or AWS_CANCELLED ones', async () => {
    const usage = await boto3Ok(server.url, { op: 'get_minute_usage', params: { month: 7, year: 2026 } });
    assert.equal(usage.totalScheduledMinutes, minutesOf(windows[0]));
    assert.equal(usage.upcomingMinutesScheduled, 0);
  });

  it('the hook refuses bad bodies (400), contacts of another account or region or unknown (404) and terminal contacts (409), each saying why', async () => {
    const contactId = reserved.failed;
    const outcomes = await Promise.all([
      fault(server.url, contactId, 'not json'),
      fault(server.url, contactId, { status: 'COMPLETED' }),
      fault(server.url, contactId, {}),
      fault(server.url, contactId, { status: 'FAILED', errorMessage: 5 }),
      fault(server.url, contactId, { status: 'FAILED' }, '?account=12345'),
      fault(server.url, contactId, { status: 'FAILED' }, `?account=${OTHER_ACCOUNT}&region=${REGION}`),
      fault(server.url, contactId, { status: 'FAILED' }, `?account=${ACCOUNT}&region=us-west-2`),
      fault(server.url, contactId, { status: 'FAILED' }, '', {
        authorization: `AWS4-HMAC-SHA256 Credential=${OTHER_ACCOUNT}/20260721/${REGION}/groundstation/aws4_request, SignedHeaders=host, Signature=0`,
      }),
      fault(server.url, '00000000-0000-4000-8000-000000000000', { status: 'FAILED' }),
      fault(server.url, contactId, { status: 'AWS_CANCELLED' }),
    ]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status), [400, 400, 400, 400, 400, 404, 404, 404, 404, 409]);
    for (const outcome of outcomes) assert.equal(typeof outcome.json?.message, 'string');
    assert.match(outcomes[0]!.json.message, /^The body must be JSON/);
    assert.match(outcomes[1]!.json.message, /FAILED, AWS_FAILED, AWS_CANCELLED/);
    assert.match(outcomes[9]!.json.message, /FAILED/);
    assert.equal((await describeContact(contactId)).contactStatus, 'FAILED');
  });

  it('the hook finds a contact through the SigV4 credentials of the request, as the API does', async () => {
    const window = windows.find((candidate) => candidate.startTime > windows[0].postPassEndTime + 3 * 86400);
    const contactId = await reserve(window);
    const answer = await fault(server.url, contactId, { status: 'FAILED' }, '', {
      authorization: `AWS4-HMAC-SHA256 Credential=${ACCOUNT}/20260721/${REGION}/groundstation/aws4_request, SignedHeaders=host, Signature=0`,
    });
    assert.equal(answer.status, 200);
    assert.equal((await describeContact(contactId)).contactStatus, 'FAILED');
  });
  it('a caller signed as another account cannot fault a contact by naming its account: 403, and the contact is unchanged', async () => {
    const window = windows.filter((candidate) => candidate.startTime > windows[0].postPassEndTime + 3 * 86400)[1];
    const contactId = await reserve(window);
    const before = (await describeContact(contactId)).contactStatus;
    const signedAsOther = {
      authorization: `AWS4-HMAC-SHA256 Credential=${OTHER_ACCOUNT}/20260721/${REGION}/groundstation/aws4_request, SignedHeaders=host, Signature=0`,
    };
    const outcomes = await Promise.all([
      fault(server.url, contactId, { status: 'FAILED' }, `?account=${ACCOUNT}&region=${REGION}`, signedAsOther),
      fault(server.url, contactId, { status: 'FAILED' }, `?account=${ACCOUNT}`, signedAsOther),
    ]);
    assert.deepEqual(outcomes.map((outcome) => [outcome.status, outcome.json]), Array(2).fill([
      403,
      { message: `The request is signed for account ${OTHER_ACCOUNT}; it cannot act as or see account ${ACCOUNT}` },
    ]));
    assert.equal((await describeContact(contactId)).contactStatus, before);
    assert.notEqual(before, 'FAILED');
  });
  // CANCELLING is not terminal, so a fault may still end it; the fault's status then decides billing.
  it('a fault while CANCELLING ends the contact in the fault status, which GetMinuteUsage bills as it says', async () => {
    const window = windows.find((candidate) => candidate.startTime > windows[0].postPassEndTime + 4 * 86400);
    const contactId = await reserve(window);
    const usage = () => boto3Ok(server.url, { op: 'get_minute_usage', params: { month: 7, year: 2026 } }).then((result) => result.totalScheduledMinutes as number);
    const before = await usage();
    await boto3Ok(server.url, { op: 'cancel_contact', params: { contactId } });
    assert.equal((await describeContact(contactId)).contactStatus, 'CANCELLING');
    assert.equal((await fault(server.url, contactId, { status: 'FAILED' })).status, 200);
    assert.equal((await describeContact(contactId)).contactStatus, 'FAILED');
    assert.equal(await usage(), before + minutesOf(window));
    const events = await finalEvents(contactId, window, 3);
    assert.deepEqual(events.map(([type, status]) => [type, status]), [
      [CONTACT_CHANGE, 'SCHEDULING'],
      [CONTACT_CHANGE, 'CANCELLING'],
      [CONTACT_CHANGE, 'FAILED'],
    ]);
  });
});
