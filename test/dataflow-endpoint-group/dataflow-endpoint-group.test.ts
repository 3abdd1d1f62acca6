import {
  CreateDataflowEndpointGroupCommand,
  DeleteDataflowEndpointGroupCommand,
  GetDataflowEndpointGroupCommand,
  ListDataflowEndpointGroupsCommand,
  type EndpointDetails,
} from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertBoto3Error, assertJsError, assertRawError, UUID } from '../support/assertions.js';
import { boto3, jsClient, jsError, raw } from '../support/clients.js';
import { endpointDetails } from '../support/fixtures.js';
import { useServer } from '../support/server.js';

const invalid = (parameterName: string, message: RegExp) => ({ code: 'InvalidParameterException', status: 431, parameterName, message });

const agentEndpoint = (name: string) => ({
  awsGroundStationAgentEndpoint: {
    name,
    egressAddress: { socketAddress: { name: '10.0.0.1', port: 55000 }, mtu: 1500 },
    ingressAddress: { socketAddress: { name: '10.0.0.2', portRange: { minimum: 42000, maximum: 43000 } }, mtu: 1450 },
  },
});
const agentAddresses = {
  agentIpAndPortAddress: { socketAddress: { name: '10.0.0.2', portRange: { minimum: 42000, maximum: 43000 } }, mtu: 1500 },
};
const uplinkAgent = (name: string) => ({
  uplinkAwsGroundStationAgentEndpoint: {
    name,
    dataflowDetails: {
      agentConnectionDetails: { ...agentAddresses, ingressAddressAndPort: { socketAddress: { name: '10.0.0.1', port: 55000 } } },
    },
  },
});
const downlinkAgent = (name: string) => ({
  downlinkAwsGroundStationAgentEndpoint: {
    name,
    dataflowDetails: {
      agentConnectionDetails: { ...agentAddresses, egressAddressAndPort: { socketAddress: { name: '10.0.0.1', port: 55001 } } },
    },
  },
});

describe('dataflow endpoint groups', () => {
  const server = useServer();

  it('CreateDataflowEndpointGroup (JS) stores its endpoints; GetDataflowEndpointGroup reports them as endpointsDetails with health', async () => {
    const client = jsClient(server.url);
    const plain = {
      ...endpointDetails('plain'),
      healthStatus: 'UNHEALTHY',
      endpoint: { ...endpointDetails('plain').endpoint, status: 'failed' },
    };
    const { dataflowEndpointGroupId } = await client.send(
      new CreateDataflowEndpointGroupCommand({
        endpointDetails: [plain, agentEndpoint('agent')] as EndpointDetails[],
        contactPrePassDurationSeconds: 30,
        contactPostPassDurationSeconds: 480,
        tags: { team: 'ops' },
      }),
    );
    assert.match(dataflowEndpointGroupId!, UUID);
    const got = await client.send(new GetDataflowEndpointGroupCommand({ dataflowEndpointGroupId }));
    const { $metadata: _metadata, ...group } = got;
    assert.deepEqual(group, {
      dataflowEndpointGroupId,
      dataflowEndpointGroupArn: `arn:aws:groundstation:us-east-2:111122223333:dataflow-endpoint-group/${dataflowEndpointGroupId}`,
      endpointsDetails: [
        {
          ...endpointDetails('plain'),
          endpoint: { ...endpointDetails('plain').endpoint, status: 'created' },
          healthStatus: 'HEALTHY',
          healthReasons: ['HEALTHY'],
        },
        {
          awsGroundStationAgentEndpoint: { ...agentEndpoint('agent').awsGroundStationAgentEndpoint, agentStatus: 'INACTIVE', auditResults: 'UNHEALTHY' },
          healthStatus: 'UNHEALTHY',
          healthReasons: ['NO_REGISTERED_AGENT'],
        },
      ],
      contactPrePassDurationSeconds: 30,
      contactPostPassDurationSeconds: 480,
      tags: { team: 'ops' },
    });
  });

  it('CreateDataflowEndpointGroupV2 (boto3) takes agent endpoints, which report UNHEALTHY until an agent registers', async () => {
    const [created] = await boto3(server.url, [
      {
        op: 'create_dataflow_endpoint_group_v2',
        params: { endpoints: [uplinkAgent('up'), downlinkAgent('down')], contactPrePassDurationSeconds: 120 },
      },
    ]);
    const dataflowEndpointGroupId = created!.result.dataflowEndpointGroupId;
    const [got, listed] = await boto3(server.url, [
      { op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId } },
      { op: 'list_dataflow_endpoint_groups' },
    ]);
    assert.deepEqual(got!.result.endpointsDetails, [
      {
        uplinkAwsGroundStationAgentEndpoint: { ...uplinkAgent('up').uplinkAwsGroundStationAgentEndpoint, agentStatus: 'INACTIVE', auditResults: 'UNHEALTHY' },
        healthStatus: 'UNHEALTHY',
        healthReasons: ['NO_REGISTERED_AGENT'],
      },
      {
        downlinkAwsGroundStationAgentEndpoint: { ...downlinkAgent('down').downlinkAwsGroundStationAgentEndpoint, agentStatus: 'INACTIVE', auditResults: 'UNHEALTHY' },
        healthStatus: 'UNHEALTHY',
        healthReasons: ['NO_REGISTERED_AGENT'],
      },
    ]);
    assert.equal(got!.result.contactPrePassDurationSeconds, 120);
    assert.deepEqual(
      listed!.result.dataflowEndpointGroupList.find(
        (item: { dataflowEndpointGroupId: string }) => item.dataflowEndpointGroupId === dataflowEndpointGroupId,
      ),
      { dataflowEndpointGroupId, dataflowEndpointGroupArn: got!.result.dataflowEndpointGroupArn },
    );
  });

  it('DeleteDataflowEndpointGroup removes the group; Get and a second Delete are refused with 434', async () => {
    const [created] = await boto3(server.url, [{ op: 'create_dataflow_endpoint_group', params: { endpointDetails: [endpointDetails()] } }]);
    const dataflowEndpointGroupId = created!.result.dataflowEndpointGroupId;
    const [deleted, got, again] = await boto3(server.url, [
      { op: 'delete_dataflow_endpoint_group', params: { dataflowEndpointGroupId } },
      { op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId } },
      { op: 'delete_dataflow_endpoint_group', params: { dataflowEndpointGroupId } },
    ]);
    assert.deepEqual(deleted!.result, { dataflowEndpointGroupId });
    const notFound = {
      code: 'ResourceNotFoundException',
      status: 434,
      message: new RegExp(`Dataflow endpoint group ${dataflowEndpointGroupId} was not found`),
    };
    assertBoto3Error(got, notFound);
    assertBoto3Error(again, notFound);
  });

  it('ListDataflowEndpointGroups and DeleteDataflowEndpointGroup work through JS', async () => {
    const client = jsClient(server.url, { account: '888899990000' });
    const { dataflowEndpointGroupId } = await client.send(
      new CreateDataflowEndpointGroupCommand({ endpointDetails: [endpointDetails()] as EndpointDetails[] }),
    );
    const listed = await client.send(new ListDataflowEndpointGroupsCommand({}));
    assert.deepEqual(listed.dataflowEndpointGroupList, [
      {
        dataflowEndpointGroupId,
        dataflowEndpointGroupArn: `arn:aws:groundstation:us-east-2:888899990000:dataflow-endpoint-group/${dataflowEndpointGroupId}`,
      },
    ]);
    assert.equal(
      (await client.send(new DeleteDataflowEndpointGroupCommand({ dataflowEndpointGroupId }))).dataflowEndpointGroupId,
      dataflowEndpointGroupId,
    );
    assertJsError(await jsError(client.send(new GetDataflowEndpointGroupCommand({ dataflowEndpointGroupId }))), {
      code: 'ResourceNotFoundException',
      status: 434,
      message: /was not found/,
    });
    assertJsError(
      await jsError(client.send(new GetDataflowEndpointGroupCommand({ dataflowEndpointGroupId: 'short' }))),
      invalid('dataflowEndpointGroupId', /length greater than or equal to 36/),
    );
  });

  it('CreateDataflowEndpointGroup with a pre/post duration outside 30-480 is refused with 431', async () => {
    const js = await jsError(
      jsClient(server.url).send(
        new CreateDataflowEndpointGroupCommand({
          endpointDetails: [endpointDetails()] as EndpointDetails[],
          contactPrePassDurationSeconds: 29,
        }),
      ),
    );
    assertJsError(js, invalid('contactPrePassDurationSeconds', /Value '29' .* greater than or equal to 30/));
    const [tooLong, v2TooLong] = await boto3(server.url, [
      { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [endpointDetails()], contactPostPassDurationSeconds: 481 } },
      { op: 'create_dataflow_endpoint_group_v2', params: { endpoints: [uplinkAgent('up')], contactPostPassDurationSeconds: 481 } },
    ]);
    assertBoto3Error(tooLong, invalid('contactPostPassDurationSeconds', /Value '481' .* less than or equal to 480/));
    assertBoto3Error(v2TooLong, invalid('contactPostPassDurationSeconds', /less than or equal to 480/));
    const v2TooShort = await raw(server.url, 'POST', '/dataflowEndpointGroupV2', {
      body: { endpoints: [uplinkAgent('up')], contactPrePassDurationSeconds: 29 },
    });
    assertRawError(v2TooShort, invalid('contactPrePassDurationSeconds', /greater than or equal to 30/));
  });

  it('CreateDataflowEndpointGroup with duplicate, missing, incomplete or V2-only endpoints is refused with 431 and stores nothing', async () => {
    const refused = { account: '777788889999' };
    const outcomes = await boto3(
      server.url,
      [
        { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [endpointDetails('same'), agentEndpoint('same')] } },
        { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [] } },
        { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [{ securityDetails: endpointDetails().securityDetails }] } },
        { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [{ endpoint: endpointDetails().endpoint }] } },
        { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [{ ...endpointDetails(), ...agentEndpoint('both') }] } },
        { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [downlinkAgent('v2 only')] } },
        { op: 'create_dataflow_endpoint_group_v2', params: { endpoints: [uplinkAgent('same'), downlinkAgent('same')] } },
        { op: 'create_dataflow_endpoint_group_v2', params: { endpoints: [] } },
        { op: 'list_dataflow_endpoint_groups', params: {} },
      ],
      refused,
    );
    assertBoto3Error(outcomes[0], invalid('endpointDetails[1]', /endpoint name same is used twice in this group/));
    assertBoto3Error(outcomes[1], invalid('endpointDetails', /must hold at least one endpoint/));
    assertBoto3Error(outcomes[2], invalid('endpointDetails[0]', /must set exactly one of endpoint, awsGroundStationAgentEndpoint/));
    assertBoto3Error(outcomes[3], invalid('endpointDetails[0].securityDetails', /an endpoint needs securityDetails/));
    assertBoto3Error(outcomes[4], invalid('endpointDetails[0]', /must set exactly one of/));
    assertBoto3Error(
      outcomes[5],
      invalid(
        'endpointDetails[0]',
        /must set exactly one of endpoint, awsGroundStationAgentEndpoint \(downlinkAwsGroundStationAgentEndpoint: CreateDataflowEndpointGroupV2 creates those\)$/,
      ),
    );
    assertBoto3Error(outcomes[6], invalid('endpoints[1]', /endpoint name same is used twice/));
    assert.match(outcomes[7]!.clientError!, /Invalid length for parameter endpoints, value: 0, valid min length: 1/);
    assert.deepEqual(outcomes[8]!.result.dataflowEndpointGroupList, []);
    assertRawError(
      await raw(server.url, 'POST', '/dataflowEndpointGroupV2', { body: { endpoints: [] } }),
      invalid('endpoints', /Member must have length greater than or equal to 1/),
    );
  });
});
