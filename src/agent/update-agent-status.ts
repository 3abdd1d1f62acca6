import type { Handler } from '../api/context.js';
import { showAgentStatus } from '../dataflow-endpoint-group/agent-health.js';
import { AGENT_KIND, agentGroups, getAgentRecord } from './agent-record.js';

export const updateAgentStatus: Handler<'UpdateAgentStatus'> = (input, context) => {
  const agent = getAgentRecord(context, input.agentId);
  const lastStatus = {
    taskId: input.taskId,
    aggregateStatus: input.aggregateStatus,
    componentStatuses: input.componentStatuses,
    reportedAt: context.clock.now().toISOString(),
  };
  context.store.replace(context.scope, AGENT_KIND, agent.id, { ...agent.doc, lastStatus });
  for (const group of agentGroups(context, agent.doc)) showAgentStatus(context, group, input.aggregateStatus.status);
  return { agentId: agent.id };
};
