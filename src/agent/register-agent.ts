import type { Handler, OperationContext } from '../api/context.js';
import { arnFor, inScope, parseArn } from '../api/arn.js';
import { InvalidParameterException, ResourceNotFoundException } from '../api/errors.js';
import { healthReported, showAgentHealth } from '../dataflow-endpoint-group/agent-health.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND, getDataflowEndpointGroupRecord } from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import { heartbeatTimeline } from './agent-heartbeats.js';
import { AGENT_KIND, type AgentRecord } from './agent-record.js';

/**
 * The group a capability ARN names. It must be a dataflow endpoint group ARN (else 431). One of
 * another account or region is unknown to the caller, like any ARN it cannot see: 434, as for a
 * group that does not exist (our choice).
 */
function capabilityGroup(context: OperationContext, arn: string, index: number) {
  const parsed = parseArn(arn);
  if (!parsed || parsed.resource[0] !== DATAFLOW_ENDPOINT_GROUP_KIND || parsed.resource.length !== 2) {
    const parameter = `discoveryData.capabilityArns[${index}]`;
    throw new InvalidParameterException(`${parameter} must be a dataflow endpoint group ARN, not ${arn}`, parameter);
  }
  if (!inScope(parsed, context.scope)) throw new ResourceNotFoundException(`Dataflow endpoint group ${arn} was not found`);
  return getDataflowEndpointGroupRecord(context, parsed.resource[1]!);
}

// Each capability is taken in turn; a bad one refuses the whole registration, and the request's
// unit of work undoes what the ones before it changed.
export const registerAgent: Handler<'RegisterAgent'> = (input, context) => {
  const groupIds = new Set<string>();
  input.discoveryData.capabilityArns.forEach((arn, index) => {
    const group = capabilityGroup(context, arn, index);
    if (groupIds.has(group.id)) return;
    groupIds.add(group.id);
    // Registering is the agent's first report: it is up (our choice).
    showAgentHealth(context, context.scope, group, healthReported('ACTIVE'));
  });
  const agentId = context.clock.newId();
  const record: AgentRecord = {
    arn: arnFor(context.scope, `${AGENT_KIND}/${agentId}`),
    discoveryData: input.discoveryData,
    agentDetails: input.agentDetails,
    registeredAt: context.clock.now().toISOString(),
    dataflowEndpointGroupIds: [...groupIds],
  };
  context.store.insert(context.scope, AGENT_KIND, agentId, record, input.tags);
  context.publishedChanges.save(context.scope, AGENT_KIND, agentId, heartbeatTimeline(record), []);
  return { agentId };
};
