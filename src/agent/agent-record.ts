import type { OperationContext } from '../api/context.js';
import type { AgentDetails, AggregateStatus, ComponentStatusData, DiscoveryData } from '../api/shapes.js';
import { ResourceNotFoundException } from '../api/errors.js';
import {
  DATAFLOW_ENDPOINT_GROUP_KIND,
  type DataflowEndpointGroupRecord,
} from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import type { StoredResource } from '../store/resources.js';

export const AGENT_KIND = 'agent';

export interface AgentRecord {
  arn: string;
  discoveryData: DiscoveryData;
  agentDetails: AgentDetails;
  registeredAt: string;
  /** The groups named in its capability ARNs, by id. */
  dataflowEndpointGroupIds: string[];
  lastStatus?: {
    taskId: string;
    aggregateStatus: AggregateStatus;
    componentStatuses: ComponentStatusData[];
    reportedAt: string;
  };
}

export function getAgentRecord(context: OperationContext, agentId: string): StoredResource<AgentRecord> {
  const agent = context.store.get<AgentRecord>(context.scope, AGENT_KIND, agentId);
  if (!agent) throw new ResourceNotFoundException(`Agent ${agentId} was not found`);
  return agent;
}

/** The agent's groups that still exist: a group may be deleted after the agent registered. */
export function agentGroups(context: Pick<OperationContext, 'store' | 'scope'>, agent: AgentRecord): StoredResource<DataflowEndpointGroupRecord>[] {
  return agent.dataflowEndpointGroupIds.flatMap((id) => {
    const group = context.store.get<DataflowEndpointGroupRecord>(context.scope, DATAFLOW_ENDPOINT_GROUP_KIND, id);
    return group ? [group] : [];
  });
}
