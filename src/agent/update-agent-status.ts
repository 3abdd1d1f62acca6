import type { Handler } from '../api/context.js';
import { healthReported, showAgentHealth } from '../dataflow-endpoint-group/agent-health.js';
import { heartbeatTimeline } from './agent-heartbeats.js';
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
  const reported = { ...agent.doc, lastStatus };
  context.store.replace(context.scope, AGENT_KIND, agent.id, reported);
  const health = healthReported(input.aggregateStatus.status);
  for (const group of agentGroups(context, agent.doc)) showAgentHealth(context, context.scope, group, health);
  // The report's own heartbeat, if healthy, replaces the last one's: nothing of that is left to publish.
  context.publishedChanges.save(context.scope, AGENT_KIND, agent.id, heartbeatTimeline(reported), []);
  return { agentId: agent.id };
};
