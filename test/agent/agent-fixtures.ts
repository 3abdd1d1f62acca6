import { boto3, groundStationArn, type Identity } from '../support/clients.js';

/** An agent-managed endpoint entry, as CreateDataflowEndpointGroup takes it. */
export const agentEndpointDetails = (name = 'agent-downlink') => ({
  awsGroundStationAgentEndpoint: {
    name,
    egressAddress: { socketAddress: { name: '10.0.0.5', port: 55000 }, mtu: 1500 },
    ingressAddress: { socketAddress: { name: '10.0.0.6', portRange: { minimum: 42000, maximum: 42100 } }, mtu: 1500 },
  },
});

export const agentDetails = () => ({
  agentVersion: '1.0.2716',
  instanceId: 'i-0123456789abcdef0',
  instanceType: 'c5.24xlarge',
  agentCpuCores: [24, 25, 26, 27],
  componentVersions: [{ componentType: 'LAMINAR_FLOW', versions: ['1.0.0'] }],
});

export const registerAgentRequest = (capabilityArns: string[], tags?: Record<string, string>) => ({
  discoveryData: { publicIpAddresses: ['203.0.113.10'], privateIpAddresses: ['10.0.0.5'], capabilityArns },
  agentDetails: agentDetails(),
  ...(tags ? { tags } : {}),
});

/** Groups of one agent endpoint each, made in one boto3 batch; returns their ids and ARNs. */
export async function createAgentGroups(url: string, count: number, identity: Identity = {}) {
  const outcomes = await boto3(
    url,
    Array.from({ length: count }, () => ({ op: 'create_dataflow_endpoint_group', params: { endpointDetails: [agentEndpointDetails()] } })),
    identity,
  );
  return outcomes.map((outcome) => {
    const id = outcome.result?.dataflowEndpointGroupId as string | undefined;
    if (!id) throw new Error(`create_dataflow_endpoint_group failed: ${JSON.stringify(outcome)}`);
    return { id, arn: groundStationArn(`dataflow-endpoint-group/${id}`, identity) };
  });
}
