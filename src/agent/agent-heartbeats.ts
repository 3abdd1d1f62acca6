import type { Services } from '../api/context.js';
import type { ChangeSource } from '../schedule/change-scheduler.js';
import { groupHealthChange, healthReported } from '../dataflow-endpoint-group/agent-health.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND } from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import type { Db } from '../store/database.js';
import type { Scope } from '../store/resources.js';
import { AGENT_KIND, agentGroups, type AgentRecord } from './agent-record.js';

/** How often the tasking document asks an agent to report; silence for longer makes its endpoints unhealthy (our choice). */
export const HEARTBEAT_SECONDS = 60;

// The agents whose endpoints are healthy because they reported, and when that lapses unless they
// report again. A row lives from a healthy report until the next report, or until it lapses.
export const AGENT_HEARTBEAT_MIGRATIONS = [
  `CREATE TABLE agent_heartbeats (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     agent_id TEXT NOT NULL,
     lapses_ms INTEGER NOT NULL,
     PRIMARY KEY (account, region, agent_id)
   ) WITHOUT ROWID;
   CREATE INDEX agent_heartbeats_by_lapse ON agent_heartbeats (lapses_ms);`,
];

interface Heartbeat {
  account: string;
  region: string;
  agentId: string;
  lapsesMs: number;
}

export class AgentHeartbeats {
  private readonly upsert;
  private readonly remove;
  private readonly due;
  private readonly earliest;
  private readonly clearAccount;

  constructor(db: Db) {
    this.upsert = db.prepare('INSERT OR REPLACE INTO agent_heartbeats VALUES (?, ?, ?, ?)');
    this.remove = db.prepare('DELETE FROM agent_heartbeats WHERE account = ? AND region = ? AND agent_id = ?');
    this.due = db.prepare<[number], Heartbeat>(
      'SELECT account, region, agent_id AS agentId, lapses_ms AS lapsesMs FROM agent_heartbeats WHERE lapses_ms <= ? ORDER BY lapses_ms',
    );
    this.earliest = db.prepare<[], { atMs: number | null }>('SELECT min(lapses_ms) AS atMs FROM agent_heartbeats');
    this.clearAccount = db.prepare('DELETE FROM agent_heartbeats WHERE @account IS NULL OR account = @account');
  }

  /** The agent reported healthy at `nowMs`: its health lapses a heartbeat later. */
  beat(scope: Scope, agentId: string, nowMs: number): void {
    this.upsert.run(scope.account, scope.region, agentId, nowMs + HEARTBEAT_SECONDS * 1000);
  }

  forget(scope: Scope, agentId: string): void {
    this.remove.run(scope.account, scope.region, agentId);
  }

  dueBy(atMs: number): Heartbeat[] {
    return this.due.all(atMs);
  }

  nextChangeMs(): number | undefined {
    return this.earliest.get()?.atMs ?? undefined;
  }

  /** Forgets the heartbeats of one account, or of all (POST /_local/reset). */
  clear(account?: string): void {
    this.clearAccount.run({ account: account ?? null });
  }
}

/** Agents that stopped reporting, as the change scheduler sees them: their endpoints turn unhealthy when the heartbeat lapses. */
export function agentHeartbeatChanges(services: Services): ChangeSource {
  const heartbeats = services.agentHeartbeats;
  return {
    nextChangeMs: () => heartbeats.nextChangeMs(),
    dueBy: (nowMs) =>
      heartbeats.dueBy(nowMs).map(({ account, region, agentId, lapsesMs }) => {
        const scope = { account, region };
        const agent = services.store.get<AgentRecord>(scope, AGENT_KIND, agentId)?.doc;
        const groups = agent ? agentGroups({ store: services.store, scope }, agent) : [];
        const changes = groups.map((group) => ({ id: group.id, ...groupHealthChange(scope, group, healthReported('INACTIVE'), lapsesMs) }));
        return {
          events: changes.flatMap((change) => (change.event ? [change.event] : [])),
          recordPublished: () => {
            for (const change of changes) services.store.replace(scope, DATAFLOW_ENDPOINT_GROUP_KIND, change.id, change.record);
            heartbeats.forget(scope, agentId);
          },
        };
      }),
  };
}
