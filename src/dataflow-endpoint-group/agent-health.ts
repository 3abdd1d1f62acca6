import type { OperationContext } from '../api/context.js';
import type { AgentStatus, CapabilityHealth, CapabilityHealthReason, EndpointDetails } from '../api/shapes.js';
import type { StoredResource } from '../store/resources.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND, type DataflowEndpointGroupRecord } from './dataflow-endpoint-group-record.js';

export const HEALTH_STATUS_CHANGE = 'Ground Station Dataflow Endpoint Group Health Status Change';

const AGENT_ENDPOINT_KINDS = [
  'awsGroundStationAgentEndpoint',
  'uplinkAwsGroundStationAgentEndpoint',
  'downlinkAwsGroundStationAgentEndpoint',
] as const;

const isAgentEndpoint = (entry: EndpointDetails) => AGENT_ENDPOINT_KINDS.some((kind) => entry[kind] !== undefined);

interface GroupHealth {
  healthStatus: CapabilityHealth;
  healthReasons: CapabilityHealthReason[];
}

/** A group is healthy when every endpoint is; otherwise it carries its endpoints' reasons. */
function groupHealth(entries: readonly EndpointDetails[]): GroupHealth {
  const unhealthy = entries.filter((entry) => entry.healthStatus !== 'HEALTHY');
  if (unhealthy.length === 0) return { healthStatus: 'HEALTHY', healthReasons: ['HEALTHY'] };
  return { healthStatus: 'UNHEALTHY', healthReasons: [...new Set(unhealthy.flatMap((entry) => entry.healthReasons ?? []))] };
}

/** An agent registered for the group: its agent endpoints become healthy; a change of the group's health is an event. */
export function markAgentEndpointsHealthy(context: OperationContext, group: StoredResource<DataflowEndpointGroupRecord>): void {
  const before = groupHealth(group.doc.endpointsDetails);
  const endpointsDetails = group.doc.endpointsDetails.map((entry) =>
    isAgentEndpoint(entry) ? { ...entry, healthStatus: 'HEALTHY' as const, healthReasons: ['HEALTHY' as const] } : entry,
  );
  context.store.replace(context.scope, DATAFLOW_ENDPOINT_GROUP_KIND, group.id, { ...group.doc, endpointsDetails });
  const after = groupHealth(endpointsDetails);
  if (after.healthStatus === before.healthStatus) return;
  context.events.publish({
    detailType: HEALTH_STATUS_CHANGE,
    account: context.scope.account,
    region: context.scope.region,
    resources: [group.doc.arn],
    detail: { dataflowEndpointGroupId: group.id, dataflowEndpointGroupArn: group.doc.arn, ...after },
    time: context.clock.now(),
  });
}

/** What an agent last reported about itself shows as `agentStatus` on the group's agent endpoints. */
export function showAgentStatus(
  context: OperationContext,
  group: StoredResource<DataflowEndpointGroupRecord>,
  agentStatus: AgentStatus,
): void {
  const endpointsDetails = group.doc.endpointsDetails.map((entry) => {
    const kind = AGENT_ENDPOINT_KINDS.find((candidate) => entry[candidate] !== undefined);
    return kind ? { ...entry, [kind]: { ...entry[kind], agentStatus } } : entry;
  });
  context.store.replace(context.scope, DATAFLOW_ENDPOINT_GROUP_KIND, group.id, { ...group.doc, endpointsDetails });
}
