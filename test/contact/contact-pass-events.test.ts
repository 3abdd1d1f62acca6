import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ACCOUNT, boto3Ok, groundStationArn, REGION } from '../support/clients.js';
import { configData, endpointDetails } from '../support/fixtures.js';
import { temporaryDataDir, useServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';
import { eventually, openEventStream, readJsonl, type Envelope } from '../events/event-sinks.js';
import { CLOCK_START, CLOCK_START_SECONDS, firstOhioWindow, moveClock, noaa20Arn } from './contact-support.js';

const CONTACT_CHANGE = 'Ground Station Contact State Change';
const GROUP_CHANGE = 'Ground Station Dataflow Endpoint Group State Change';
const PRE = 120;
const POST = 60;
const GROUP_PRE = 45;
const GROUP_POST = 90;
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('events through a whole pass', () => {
  const eventsFile = join(temporaryDataDir(), 'events.jsonl');
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 }, eventsFile });

  it('a contact delivering to an endpoint group publishes every contact and group change once, in order, at its nominal moment', async () => {
    const satelliteArn = await noaa20Arn(server.url);
    const configs = await createConfigs(server.url, ['tracking', 'antenna-downlink', 'dataflow-endpoint']);
    const { dataflowEndpointGroupId } = await boto3Ok(server.url, {
      op: 'create_dataflow_endpoint_group',
      params: { endpointDetails: [endpointDetails(configData['dataflow-endpoint'].dataflowEndpointConfig.dataflowEndpointName)], contactPrePassDurationSeconds: GROUP_PRE, contactPostPassDurationSeconds: GROUP_POST },
    });
    const { dataflowEndpointGroupArn } = await boto3Ok(server.url, { op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId } });
    const { missionProfileId } = await boto3Ok(server.url, {
      op: 'create_mission_profile',
      params: {
        name: 'to-endpoint',
        contactPrePassDurationSeconds: PRE,
        contactPostPassDurationSeconds: POST,
        minimumViableContactDurationSeconds: 60,
        dataflowEdges: [[configs['antenna-downlink'], configs['dataflow-endpoint']]],
        trackingConfigArn: configs.tracking,
      },
    });
    const { missionProfileArn } = await boto3Ok(server.url, { op: 'get_mission_profile', params: { missionProfileId } });
    const { window, reserve } = await firstOhioWindow(server.url, missionProfileArn, satelliteArn);

    const stream = await openEventStream(server.url, undefined, `?account=${ACCOUNT}`);
    const contactId = await reserve();
    // Into the pass, then beyond its end: every change due by each move is published then.
    await moveClock(server.url, { set: window.startTime + 30 });
    await moveClock(server.url, { set: window.postPassEndTime + 3600 });

    const ofContact = (events: Envelope[]) => events.filter((event) => event.detail.contactId === contactId);
    const done = (events: Envelope[]) => ofContact(events).some((e) => e['detail-type'] === GROUP_CHANGE && e.detail.dataflowEndpointGroupState === 'COMPLETED');
    const streamed = await eventually('the stream', () => stream.events.map((event) => event.envelope), done);
    const filed = await eventually('the file', () => readJsonl(eventsFile), done);
    await stream.close();

    const start = window.startTime;
    const end = window.endTime;
    assert.deepEqual(
      ofContact(filed).map((event) => [event['detail-type'], event.detail.contactStatus ?? event.detail.dataflowEndpointGroupState, seconds(event.time)]),
      [
        [CONTACT_CHANGE, 'SCHEDULING', CLOCK_START_SECONDS],
        [CONTACT_CHANGE, 'SCHEDULED', CLOCK_START_SECONDS + 1],
        [CONTACT_CHANGE, 'PREPASS', start - PRE],
        [GROUP_CHANGE, 'PREPASS', start - GROUP_PRE],
        [CONTACT_CHANGE, 'PASS', start],
        [GROUP_CHANGE, 'PASS', start],
        [CONTACT_CHANGE, 'POSTPASS', end],
        [GROUP_CHANGE, 'POSTPASS', end],
        [CONTACT_CHANGE, 'COMPLETED', end + POST],
        [GROUP_CHANGE, 'COMPLETED', end + GROUP_POST],
      ],
    );
    assert.deepEqual(ofContact(streamed), ofContact(filed));
    assert.equal(window.prePassStartTime, start - PRE);

    const contactArn = groundStationArn(`contact/${contactId}`);
    const common = { contactId, groundstationId: 'Ohio 1', missionProfileArn, satelliteArn };
    const [scheduling] = ofContact(filed);
    assert.deepEqual(
      { source: scheduling!.source, account: scheduling!.account, region: scheduling!.region, resources: scheduling!.resources, detail: scheduling!.detail },
      { source: 'aws.groundstation', account: ACCOUNT, region: REGION, resources: [contactArn], detail: { ...common, contactStatus: 'SCHEDULING' } },
    );
    const groupPrepass = ofContact(filed)[3]!;
    assert.deepEqual(groupPrepass.resources, [dataflowEndpointGroupArn]);
    // As public types generated from sample events show: these fields in this order, and no satelliteArn.
    assert.deepEqual(Object.entries(groupPrepass.detail), Object.entries({
      dataflowEndpointGroupId,
      groundstationId: 'Ohio 1',
      contactId,
      dataflowEndpointGroupArn,
      missionProfileArn,
      dataflowEndpointGroupState: 'PREPASS',
    }));
  });
});
