import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { assertBoto3Error } from '../support/assertions.js';
import { boto3, boto3Ok, OTHER_ACCOUNT } from '../support/clients.js';
import { temporaryDataDir, useServer } from '../support/server.js';
import { eventually, readJsonl } from '../events/event-sinks.js';
import { CLOCK_START, createDownlinkProfile, moveClock, noaa20Arn, weekFromStart } from './contact-support.js';

// SEMANTICS §5.1: satellites are not regional; the model lets their ARN carry a region all the same.
const inRegion = (arn: string, region: string) => arn.replace('arn:aws:groundstation::', `arn:aws:groundstation:${region}:`);

describe('satellite ARNs with a region part', () => {
  const eventsFile = join(temporaryDataDir(), 'events.jsonl');
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 }, eventsFile });
  let satelliteArn: string;
  let missionProfileArn: string;
  let windows: any[];

  before(async () => {
    satelliteArn = await noaa20Arn(server.url);
    ({ missionProfileArn } = await createDownlinkProfile(server.url));
  });

  const available = (arn: string) =>
    boto3Ok(server.url, {
      op: 'list_contacts',
      params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation: 'Ohio 1', missionProfileArn, satelliteArn: arn },
    }).then((result) => result.contactList as any[]);

  it("ListContacts AVAILABLE takes a satellite ARN in any region and answers with the satellite's region-less ARN", async () => {
    windows = await available(satelliteArn);
    assert.ok(windows.length > 0);
    assert.deepEqual(await available(inRegion(satelliteArn, 'us-east-2')), windows);
    assert.deepEqual(await available(inRegion(satelliteArn, 'eu-west-1')), windows);
  });

  it("ReserveContact and UpdateContact take it in any region and store the satellite's own ARN, which DescribeContact, ListContacts and events show", async () => {
    const reserve = (window: any, region: string) =>
      boto3Ok(server.url, {
        op: 'reserve_contact',
        params: { missionProfileArn, satelliteArn: inRegion(satelliteArn, region), groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime },
      }).then((result) => result.contactId as string);
    const contactIds = [await reserve(windows[0], 'us-east-2'), await reserve(windows[1], 'eu-west-1')];
    await boto3Ok(server.url, { op: 'update_contact', params: { contactId: contactIds[0], satelliteArn: inRegion(satelliteArn, 'ap-southeast-2') } });
    await moveClock(server.url, { advanceSeconds: 2 });

    const described = await boto3(server.url, [
      ...contactIds.map((contactId) => ({ op: 'describe_contact', params: { contactId } })),
      { op: 'describe_contact_version', params: { contactId: contactIds[0], versionId: 2 } },
    ]);
    assert.deepEqual(
      described.map((outcome) => [outcome.result.contactStatus, outcome.result.satelliteArn]),
      [['SCHEDULED', satelliteArn], ['SCHEDULED', satelliteArn], ['SCHEDULED', satelliteArn]],
    );
    assert.equal(described[2]!.result.version.status, 'ACTIVE');

    const listed = (arn: string) =>
      boto3Ok(server.url, { op: 'list_contacts', params: { statusList: ['SCHEDULED'], ...weekFromStart(), satelliteArn: arn } }).then((result) =>
        result.contactList.map((contact: any) => [contact.contactId, contact.satelliteArn]),
      );
    const expected = contactIds.map((contactId) => [contactId, satelliteArn]);
    assert.deepEqual(await listed(satelliteArn), expected);
    assert.deepEqual(await listed(inRegion(satelliteArn, 'eu-west-1')), expected);

    const ofContacts = () => readJsonl(eventsFile).filter((event) => contactIds.includes(event.detail.contactId as string));
    const events = await eventually('the scheduled events', ofContacts, (found) => found.filter((e) => e.detail.contactStatus === 'SCHEDULED').length === 2);
    assert.deepEqual([...new Set(events.map((event) => event.detail.satelliteArn))], [satelliteArn]);
  });

  it("a satellite ARN of another account is not found, whatever its region", async () => {
    const foreign = inRegion(satelliteArn, 'us-east-2').replace(/:\d{12}:/, `:${OTHER_ACCOUNT}:`);
    const [outcome] = await boto3(server.url, [
      { op: 'reserve_contact', params: { missionProfileArn, satelliteArn: foreign, groundStation: 'Ohio 1', startTime: windows[2].startTime, endTime: windows[2].endTime } },
    ]);
    assertBoto3Error(outcome, { code: 'ResourceNotFoundException', status: 434, message: /was not found/ });
  });
});
