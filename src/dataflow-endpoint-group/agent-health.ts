import type { WorkServices } from '../api/context.js';
import type { AgentStatus, AuditResults, CapabilityHealth, CapabilityHealthReason, EndpointDetails } from '../api/shapes.js';
import type { GroundStationEvent } from '../events/types.js';
import type { Scope, StoredResource } from '../store/resources.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND, type DataflowEndpointGroupRecord } from './dataflow-endpoint-group-record.js';

export const HEALTH_STATUS_CHANGE = 'Ground Station Dataflow Endpoint Group Health Status Change';

const AGENT_ENDPOINT_KINDS = [
  'awsGroundStationAgentEndpoint',
  'uplinkAwsGroundStationAgentEndpoint',
  'downlinkAwsGroundStationAgentEndpoint',
] as const;

/** What the service shows of an agent endpoint: the agent's last status, the audit and the health that follow from it. */
export interface AgentEndpointHealth {
  agentStatus: AgentStatus;
  auditResults: AuditResults;
  healthStatus: CapabilityHealth;
  healthReasons: CapabilityHealthReason[];
}

// Before any agent has reported (our choice): inactive, failing its audit, no registered agent.
export const NO_AGENT: AgentEndpointHealth = {
  agentStatus: 'INACTIVE',
  auditResults: 'UNHEALTHY',
  healthStatus: 'UNHEALTHY',
  healthReasons: ['NO_REGISTERED_AGENT'],
};

/**
 * The health an agent's report gives its endpoints (our choice): ACTIVE or SUCCESS is healthy;
 * FAILED is a data plane failure; INACTIVE, like an agent that stopped reporting, is no agent.
 */
export function healthReported(agentStatus: AgentStatus): AgentEndpointHealth {
  if (agentStatus === 'ACTIVE' || agentStatus === 'SUCCESS') {
    return { agentStatus, auditResults: 'HEALTHY', healthStatus: 'HEALTHY', healthReasons: ['HEALTHY'] };
  }
  if (agentStatus === 'FAILED') return { agentStatus, auditResults: 'UNHEALTHY', healthStatus: 'UNHEALTHY', healthReasons: ['DATAPLANE_FAILURE'] };
  return { ...NO_AGENT, agentStatus };
}

/** An agent endpoint entry showing `health`; any other entry as it is. */
export function withAgentHealth(entry: EndpointDetails, health: AgentEndpointHealth): EndpointDetails {
  const kind = AGENT_ENDPOINT_KINDS.find((candidate) => entry[candidate] !== undefined);
  if (!kind) return entry;
  const { agentStatus, auditResults, healthStatus, healthReasons } = health;
  return { ...entry, [kind]: { ...entry[kind], agentStatus, auditResults }, healthStatus, healthReasons };
}

/** A group is healthy when every endpoint is; otherwise it carries its endpoints' reasons. */
function groupHealth(entries: readonly EndpointDetails[]): Pick<AgentEndpointHealth, 'healthStatus' | 'healthReasons'> {
  const unhealthy = entries.filter((entry) => entry.healthStatus !== 'HEALTHY');
  if (unhealthy.length === 0) return { healthStatus: 'HEALTHY', healthReasons: ['HEALTHY'] };
  return { healthStatus: 'UNHEALTHY', healthReasons: [...new Set(unhealthy.flatMap((entry) => entry.healthReasons ?? []))] };
}

export interface GroupHealthChange {
  /** The group with its agent endpoints showing the new health. */
  record: DataflowEndpointGroupRecord;
  /** A Health Status Change, when the group's health moved. */
  event?: GroundStationEvent;
}

/** What an agent's new health does to one group it serves, stamped at `atMs`. */
export function groupHealthChange(scope: Scope, group: StoredResource<DataflowEndpointGroupRecord>, health: AgentEndpointHealth, atMs: number): GroupHealthChange {
  const before = groupHealth(group.doc.endpointsDetails);
  const endpointsDetails = group.doc.endpointsDetails.map((entry) => withAgentHealth(entry, health));
  const after = groupHealth(endpointsDetails);
  const record = { ...group.doc, endpointsDetails };
  if (after.healthStatus === before.healthStatus) return { record };
  return {
    record,
    event: {
      detailType: HEALTH_STATUS_CHANGE,
      account: scope.account,
      region: scope.region,
      resources: [group.doc.arn],
      detail: { dataflowEndpointGroupId: group.id, dataflowEndpointGroupArn: group.doc.arn, ...after },
      time: new Date(atMs),
    },
  };
}

/** Shows an agent's health on the agent endpoints of a group it serves; a change of the group's health is an event. */
export function showAgentHealth(services: Pick<WorkServices, 'store' | 'events' | 'clock'>, scope: Scope, group: StoredResource<DataflowEndpointGroupRecord>, health: AgentEndpointHealth): void {
  const change = groupHealthChange(scope, group, health, services.clock.nowMs());
  services.store.replace(scope, DATAFLOW_ENDPOINT_GROUP_KIND, group.id, change.record);
  if (change.event) services.events.publish(change.event);
}
