import type { Services } from '../api/context.js';
import type { ChangeSource } from '../schedule/change-scheduler.js';
import { timelineChanges } from '../schedule/timeline-source.js';
import type { TimedEntry } from '../schedule/timeline.js';
import { groupHealthChange, healthReported } from '../dataflow-endpoint-group/agent-health.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND } from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import { AGENT_KIND, agentGroups, type AgentRecord } from './agent-record.js';

/** How often the tasking document asks an agent to report; silence for longer makes its endpoints unhealthy (our choice). */
export const HEARTBEAT_SECONDS = 60;

// The agents whose endpoints were healthy because they reported, and when that lapsed unless they
// reported again, until the rows moved into the one table of the schedule (published-changes.ts).
export const AGENT_HEARTBEAT_MIGRATIONS = [
  `CREATE TABLE agent_heartbeats (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     agent_id TEXT NOT NULL,
     lapses_ms INTEGER NOT NULL,
     PRIMARY KEY (account, region, agent_id)
   ) WITHOUT ROWID;
   CREATE INDEX agent_heartbeats_by_lapse ON agent_heartbeats (lapses_ms);`,
  // A row was a healthy report whose lapse was still to come: the one key of its timeline, unpublished.
  `INSERT INTO published_changes (account, region, kind, id, published_keys, next_change_ms)
     SELECT account, region, '${AGENT_KIND}', agent_id, '[]', lapses_ms FROM agent_heartbeats;
   DROP TABLE agent_heartbeats;`,
];

/**
 * The agent's heartbeat as a timeline: its last report (registering is the first), when healthy,
 * lapses a heartbeat later. The key names the report, so each report lapses once at most and a
 * newer one starts afresh.
 */
export function heartbeatTimeline(agent: AgentRecord): TimedEntry[] {
  const report = agent.lastStatus;
  if (report && healthReported(report.aggregateStatus.status).healthStatus !== 'HEALTHY') return [];
  const reportedMs = Date.parse(report?.reportedAt ?? agent.registeredAt);
  return [{ key: `heartbeat:${reportedMs}:LAPSED`, atMs: reportedMs + HEARTBEAT_SECONDS * 1000 }];
}

/** Agents that stopped reporting, as the change scheduler sees them: their endpoints turn unhealthy when the heartbeat lapses. */
export function agentHeartbeatChanges(services: Services): ChangeSource {
  return timelineChanges(services.publishedChanges, AGENT_KIND, (scope, agentId) => {
    const agent = services.store.get<AgentRecord>(scope, AGENT_KIND, agentId)?.doc;
    if (!agent) return undefined;
    const timeline = heartbeatTimeline(agent);
    // At most one entry: the lapse of the last report.
    const changes = timeline.flatMap((lapse) =>
      agentGroups({ store: services.store, scope }, agent).map((group) => ({ id: group.id, ...groupHealthChange(scope, group, healthReported('INACTIVE'), lapse.atMs) })),
    );
    return {
      timeline,
      events: () => changes.flatMap((change) => (change.event ? [change.event] : [])),
      recordPublished: () => {
        for (const change of changes) services.store.replace(scope, DATAFLOW_ENDPOINT_GROUP_KIND, change.id, change.record);
      },
    };
  });
}
