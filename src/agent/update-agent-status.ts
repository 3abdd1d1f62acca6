import type { Handler } from '../api/context.js';
import { healthReported, showAgentHealth } from '../dataflow-endpoint-group/agent-health.js';
import { AGENT_KIND, agentGroups, getAgentRecord } from './agent-record.js';

// Each report shows on the agent's endpoints and moves their health both ways; a healthy one
// lasts a heartbeat (agent-heartbeats.ts), an unhealthy one until the agent reports again.
export const updateAgentStatus: Handler<'UpdateAgentStatus'> = (input, context) => {
  const agent = getAgentRecord(context, input.agentId);
  const lastStatus = {
    taskId: input.taskId,
    aggregateStatus: input.aggregateStatus,
    componentStatuses: input.componentStatuses,
    reportedAt: context.clock.now().toISOString(),
  };
  context.store.replace(context.scope, AGENT_KIND, agent.id, { ...agent.doc, lastStatus });
  const health = healthReported(input.aggregateStatus.status);
  for (const group of agentGroups(context, agent.doc)) showAgentHealth(context, context.scope, group, health);
  const heartbeats = context.agentHeartbeats;
  if (health.healthStatus === 'HEALTHY') heartbeats.beat(context.scope, agent.id, context.clock.nowMs());
  else heartbeats.forget(context.scope, agent.id);
  return { agentId: agent.id };
};
