import { GetDataflowEndpointGroupCommand, ListDataflowEndpointGroupsCommand, UpdateAgentStatusCommand } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { boto3, boto3Ok, jsClient } from '../support/clients.js';
import type { RunningServer } from '../support/server.js';
import { eventually, readJsonl } from '../events/event-sinks.js';
import { moveClock, stoppedClockDataDir } from '../contact/contact-support.js';
import { createAgentGroups, registerAgentRequest } from './agent-fixtures.js';

const HEALTH_CHANGE = 'Ground Station Dataflow Endpoint Group Health Status Change';
const TASK_ID = '11111111-2222-4333-8444-555555555555';

const statusUpdate = (agentId: string, capabilityArn: string, status: string) => ({
  agentId,
  taskId: TASK_ID,
  aggregateStatus: { status, signatureMap: { ready: true } },
  componentStatuses: [{ componentType: 'LAMINAR_FLOW', capabilityArn, status, bytesSent: 10, bytesReceived: 20, packetsDropped: 0, dataflowId: TASK_ID }],
});

describe('agent endpoint health', () => {
  const { eventsFile, start } = stoppedClockDataDir();
  let server: RunningServer;
  before(async () => {
    server = await start();
  });

  const endpointOf = async (groupId: string) => {
    const group = await boto3Ok(server.url, { op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId: groupId } });
    const [entry] = group.endpointsDetails;
    const { agentStatus, auditResults } = entry.awsGroundStationAgentEndpoint;
    return { agentStatus, auditResults, healthStatus: entry.healthStatus, healthReasons: entry.healthReasons };
  };
  const healthEventsOf = (groupId: string) =>
    readJsonl(eventsFile).filter((event) => event['detail-type'] === HEALTH_CHANGE && event.detail.dataflowEndpointGroupId === groupId);

  // AWS's config-control tool (aws-samples/aws-groundstation-config-control, gs-config.py) lists the
  // region's dataflow endpoint groups, gets each and reads every endpoint's fields by key, no
  // check first: for agent endpoints, agentStatus and auditResults.
  it('GetDataflowEndpointGroup shows agentStatus and auditResults on every agent endpoint from creation, as the config-control tool reads them (boto3, JS)', async () => {
    await createAgentGroups(server.url, 2);
    const listed = await boto3Ok(server.url, { op: 'list_dataflow_endpoint_groups' });
    const groups = await boto3(
      server.url,
      listed.dataflowEndpointGroupList.map(({ dataflowEndpointGroupId }: { dataflowEndpointGroupId: string }) => ({
        op: 'get_dataflow_endpoint_group',
        params: { dataflowEndpointGroupId },
      })),
    );
    const read = groups.flatMap(({ result }) =>
      result.endpointsDetails.map((entry: any) => [entry.awsGroundStationAgentEndpoint['agentStatus'], entry.awsGroundStationAgentEndpoint['auditResults']]),
    );
    assert.equal(read.length, listed.dataflowEndpointGroupList.length);
    assert.ok(read.every(([agentStatus, auditResults]) => agentStatus === 'INACTIVE' && auditResults === 'UNHEALTHY'));

    const client = jsClient(server.url);
    const { dataflowEndpointGroupList } = await client.send(new ListDataflowEndpointGroupsCommand({}));
    for (const { dataflowEndpointGroupId } of dataflowEndpointGroupList!) {
      const { endpointsDetails } = await client.send(new GetDataflowEndpointGroupCommand({ dataflowEndpointGroupId }));
      const agent = endpointsDetails![0]!.awsGroundStationAgentEndpoint!;
      assert.deepEqual([agent.agentStatus, agent.auditResults], ['INACTIVE', 'UNHEALTHY']);
    }
  });

  it('health moves both ways: RegisterAgent and ACTIVE/SUCCESS reports make it HEALTHY, FAILED and INACTIVE UNHEALTHY, each change an event', async () => {
    const [group] = await createAgentGroups(server.url, 1);
    const { agentId } = await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([group!.arn]) });
    const registered = await endpointOf(group!.id);
    const outcomes = [];
    for (const status of ['SUCCESS', 'FAILED', 'FAILED', 'ACTIVE', 'INACTIVE']) {
      await boto3Ok(server.url, { op: 'update_agent_status', params: statusUpdate(agentId, group!.arn, status) });
      outcomes.push(await endpointOf(group!.id));
    }
    const healthy = (agentStatus: string) => ({ agentStatus, auditResults: 'HEALTHY', healthStatus: 'HEALTHY', healthReasons: ['HEALTHY'] });
    assert.deepEqual([registered, ...outcomes], [
      healthy('ACTIVE'),
      healthy('SUCCESS'),
      { agentStatus: 'FAILED', auditResults: 'UNHEALTHY', healthStatus: 'UNHEALTHY', healthReasons: ['DATAPLANE_FAILURE'] },
      { agentStatus: 'FAILED', auditResults: 'UNHEALTHY', healthStatus: 'UNHEALTHY', healthReasons: ['DATAPLANE_FAILURE'] },
      healthy('ACTIVE'),
      { agentStatus: 'INACTIVE', auditResults: 'UNHEALTHY', healthStatus: 'UNHEALTHY', healthReasons: ['NO_REGISTERED_AGENT'] },
    ]);
    // One event per change of the group's health, not per report.
    const events = await eventually('the health events', () => healthEventsOf(group!.id), (seen) => seen.length >= 4);
    assert.deepEqual(
      events.map((event) => [event.detail.healthStatus, event.detail.healthReasons]),
      [
        ['HEALTHY', ['HEALTHY']],
        ['UNHEALTHY', ['DATAPLANE_FAILURE']],
        ['HEALTHY', ['HEALTHY']],
        ['UNHEALTHY', ['NO_REGISTERED_AGENT']],
      ],
    );
    assert.deepEqual(events[0]!.resources, [group!.arn]);
    assert.equal(events[0]!.detail.dataflowEndpointGroupArn, group!.arn);
  });

  it('an agent that reports within the heartbeat stays HEALTHY; silent longer than the tasking document asks, its endpoints turn UNHEALTHY with an event', async () => {
    const [group] = await createAgentGroups(server.url, 1);
    const { agentId } = await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([group!.arn]) });
    const { taskingDocument } = await boto3Ok(server.url, { op: 'get_agent_configuration', params: { agentId } });
    const { heartbeatSeconds } = JSON.parse(taskingDocument);
    assert.equal(heartbeatSeconds, 60);

    const { now: reportedAt } = await moveClock(server.url, { advanceSeconds: heartbeatSeconds - 10 });
    // The JS SDK sends the same report.
    await jsClient(server.url).send(new UpdateAgentStatusCommand(statusUpdate(agentId, group!.arn, 'ACTIVE') as any));
    await moveClock(server.url, { advanceSeconds: heartbeatSeconds - 10 });
    assert.equal((await endpointOf(group!.id)).healthStatus, 'HEALTHY');

    await moveClock(server.url, { advanceSeconds: 30 });
    const events = await eventually('the lapse', () => healthEventsOf(group!.id), (seen) => seen.length >= 2);
    assert.deepEqual(
      events.map((event) => event.detail.healthStatus),
      ['HEALTHY', 'UNHEALTHY'],
    );
    // Stamped when the heartbeat lapsed, not when the clock was moved past it.
    assert.equal(Date.parse(events[1]!.time) / 1000, reportedAt + heartbeatSeconds);
    assert.deepEqual(await endpointOf(group!.id), {
      agentStatus: 'INACTIVE',
      auditResults: 'UNHEALTHY',
      healthStatus: 'UNHEALTHY',
      healthReasons: ['NO_REGISTERED_AGENT'],
    });
    // Reporting again brings it back.
    await boto3Ok(server.url, { op: 'update_agent_status', params: statusUpdate(agentId, group!.arn, 'ACTIVE') });
    assert.equal((await endpointOf(group!.id)).healthStatus, 'HEALTHY');
  });
});
