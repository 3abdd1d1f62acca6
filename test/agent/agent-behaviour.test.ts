import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ACCOUNT, boto3, boto3Ok, groundStationArn, OTHER_ACCOUNT } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createAgentGroups, registerAgentRequest } from './agent-fixtures.js';

const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const TASK_ID = '11111111-2222-4333-8444-555555555555';

const statusUpdate = (agentId: string, capabilityArn: string, status = 'ACTIVE') => ({
  agentId,
  taskId: TASK_ID,
  aggregateStatus: { status, signatureMap: { ready: true } },
  componentStatuses: [{ componentType: 'LAMINAR_FLOW', capabilityArn, status, bytesSent: 10, bytesReceived: 20, packetsDropped: 0, dataflowId: TASK_ID }],
});

describe('agents through boto3', () => {
  const server = useServer();
  let groups: Awaited<ReturnType<typeof createAgentGroups>>;
  before(async () => {
    groups = await createAgentGroups(server.url, 5);
  });

  it('RegisterAgent makes the agent endpoints of its groups healthy, and its tags are listed', async () => {
    const group = groups[0]!;
    const [before, registered, afterwards] = await boto3(server.url, [
      { op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId: group.id } },
      { op: 'register_agent', params: registerAgentRequest([group.arn], { team: 'ops' }) },
      { op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId: group.id } },
    ]);
    assert.equal(before!.result.endpointsDetails[0].healthStatus, 'UNHEALTHY');
    assert.deepEqual(before!.result.endpointsDetails[0].healthReasons, ['NO_REGISTERED_AGENT']);
    const agentId = registered!.result.agentId;
    assert.match(agentId, UUID);
    assert.equal(afterwards!.result.endpointsDetails[0].healthStatus, 'HEALTHY');
    assert.deepEqual(afterwards!.result.endpointsDetails[0].healthReasons, ['HEALTHY']);
    const tags = await boto3Ok(server.url, {
      op: 'list_tags_for_resource',
      params: { resourceArn: groundStationArn(`agent/${agentId}`) },
    });
    assert.deepEqual(tags.tags, { team: 'ops' });
  });

  it('RegisterAgent refuses a capability that is not a group (431) or that the caller cannot see (434), changing nothing', async () => {
    const group = groups[1]!;
    const otherAccountArn = group.arn.replace(ACCOUNT, OTHER_ACCOUNT);
    const [notAGroup, otherAccount, missing, unchanged] = await boto3(server.url, [
      { op: 'register_agent', params: registerAgentRequest([group.arn, 'arn:aws:groundstation:us-east-2:111122223333:mission-profile/x']) },
      { op: 'register_agent', params: registerAgentRequest([group.arn, otherAccountArn]) },
      { op: 'register_agent', params: registerAgentRequest([group.arn.replace(group.id, ZERO_UUID)]) },
      { op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId: group.id } },
    ]);
    assert.equal(notAGroup!.error?.code, 'InvalidParameterException');
    assert.equal(notAGroup!.error?.parameterName, 'discoveryData.capabilityArns[1]');
    assert.equal(otherAccount!.error?.code, 'ResourceNotFoundException');
    assert.equal(missing!.error?.code, 'ResourceNotFoundException');
    assert.equal(unchanged!.result.endpointsDetails[0].healthStatus, 'UNHEALTHY');
  });

  it('GetAgentConfiguration lists the agent groups in its tasking document', async () => {
    const group = groups[2]!;
    const { agentId } = await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([group.arn]) });
    const [configuration, unknown] = await boto3(server.url, [
      { op: 'get_agent_configuration', params: { agentId } },
      { op: 'get_agent_configuration', params: { agentId: ZERO_UUID } },
    ]);
    assert.equal(configuration!.result.agentId, agentId);
    const document = JSON.parse(configuration!.result.taskingDocument);
    assert.deepEqual(
      document.dataflowEndpointGroups.map((entry: { dataflowEndpointGroupArn: string }) => entry.dataflowEndpointGroupArn),
      [group.arn],
    );
    assert.deepEqual(document.dataflowEndpointGroups[0].contacts, []);
    assert.equal(unknown!.error?.code, 'ResourceNotFoundException');
  });

  it('UpdateAgentStatus shows the aggregate status on the agent endpoints; an unknown agent is 434', async () => {
    const group = groups[3]!;
    const { agentId } = await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([group.arn]) });
    const [updated, unknown, shown] = await boto3(server.url, [
      { op: 'update_agent_status', params: statusUpdate(agentId, group.arn, 'ACTIVE') },
      { op: 'update_agent_status', params: statusUpdate(ZERO_UUID, group.arn) },
      { op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId: group.id } },
    ]);
    assert.deepEqual(updated!.result, { agentId });
    assert.equal(unknown!.error?.code, 'ResourceNotFoundException');
    assert.equal(unknown!.error?.status, 434);
    assert.equal(shown!.result.endpointsDetails[0].awsGroundStationAgentEndpoint.agentStatus, 'ACTIVE');
  });

  it('GetAgentTaskResponseUrl answers a URL naming the agent and task; an unknown agent is 434', async () => {
    const group = groups[4]!;
    const { agentId } = await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([group.arn]) });
    const [answer, unknown] = await boto3(server.url, [
      { op: 'get_agent_task_response_url', params: { agentId, taskId: TASK_ID } },
      { op: 'get_agent_task_response_url', params: { agentId: ZERO_UUID, taskId: TASK_ID } },
    ]);
    assert.equal(answer!.result.agentId, agentId);
    assert.equal(answer!.result.taskId, TASK_ID);
    const url = new URL(answer!.result.presignedLogUrl);
    assert.ok(url.pathname.includes(`${agentId}/${TASK_ID}`));
    assert.equal(url.searchParams.get('X-Amz-Expires'), '3600');
    assert.equal(unknown!.error?.code, 'ResourceNotFoundException');
  });
});
