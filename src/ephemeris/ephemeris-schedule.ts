import type { Services } from '../api/context.js';
import type { ChangeSource } from '../schedule/change-scheduler.js';
import { keysOfPositions, nextEntryMs } from '../schedule/timeline.js';
import { timelineChanges } from '../schedule/timeline-source.js';
import type { Db, Migration } from '../store/database.js';
import type { Scope } from '../store/resources.js';
import { ephemerisStatusEvent, statusTimeline, type EphemerisChange } from './ephemeris-events.js';
import { EPHEMERIS_KIND, type EphemerisRecord } from './ephemeris-record.js';

// Which of each ephemeris's timeline changes (ephemeris-events.ts) are published (by key), and when
// the next falls due. A row lives from creation until its last change is published or it is deleted.
export const EPHEMERIS_SCHEDULE_MIGRATIONS: Migration[] = [
  `CREATE TABLE ephemeris_schedule (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     ephemeris_id TEXT NOT NULL,
     published INTEGER NOT NULL,
     next_change_ms INTEGER NOT NULL,
     PRIMARY KEY (account, region, ephemeris_id)
   ) WITHOUT ROWID;
   CREATE INDEX ephemeris_schedule_by_next_change ON ephemeris_schedule (next_change_ms);`,
  // VALIDATING at creation left the timeline (it is no event): counts stored before are one ahead.
  `UPDATE ephemeris_schedule SET published = published - 1;`,
  (db) => publishedPositionsToKeys(db),
];

/** Counts were positions in the timeline: they become the keys of the entries they counted. */
function publishedPositionsToKeys(db: Db): void {
  const rows = db.prepare<[string], { account: string; region: string; ephemerisId: string; published: number; doc: string | null }>(
    `SELECT s.account, s.region, s.ephemeris_id AS ephemerisId, s.published, r.doc FROM ephemeris_schedule s
       LEFT JOIN resources r ON r.account = s.account AND r.region = s.region AND r.kind = ? AND r.id = s.ephemeris_id`,
  ).all(EPHEMERIS_KIND);
  db.exec(`ALTER TABLE ephemeris_schedule ADD COLUMN published_keys TEXT NOT NULL DEFAULT '[]';`);
  const rewrite = db.prepare('UPDATE ephemeris_schedule SET published_keys = ? WHERE account = ? AND region = ? AND ephemeris_id = ?');
  for (const row of rows) {
    const keys = row.doc === null ? [] : keysOfPositions(statusTimeline(JSON.parse(row.doc) as EphemerisRecord), row.published);
    rewrite.run(JSON.stringify(keys), row.account, row.region, row.ephemerisId);
  }
  db.exec('ALTER TABLE ephemeris_schedule DROP COLUMN published;');
}

interface ScheduledEphemeris {
  account: string;
  region: string;
  ephemerisId: string;
  publishedKeys: string[];
}

export class EphemerisSchedule {
  private readonly upsert;
  private readonly remove;
  private readonly due;
  private readonly earliest;
  private readonly clearAccount;

  constructor(db: Db) {
    this.upsert = db.prepare(
      'INSERT OR REPLACE INTO ephemeris_schedule (account, region, ephemeris_id, published_keys, next_change_ms) VALUES (?, ?, ?, ?, ?)',
    );
    this.remove = db.prepare('DELETE FROM ephemeris_schedule WHERE account = ? AND region = ? AND ephemeris_id = ?');
    this.due = db.prepare<[number], Omit<ScheduledEphemeris, 'publishedKeys'> & { publishedKeys: string }>(
      `SELECT account, region, ephemeris_id AS ephemerisId, published_keys AS publishedKeys FROM ephemeris_schedule
         WHERE next_change_ms <= ? ORDER BY next_change_ms`,
    );
    this.earliest = db.prepare<[], { atMs: number | null }>('SELECT min(next_change_ms) AS atMs FROM ephemeris_schedule');
    this.clearAccount = db.prepare('DELETE FROM ephemeris_schedule WHERE @account IS NULL OR account = @account');
  }

  /** Records that the changes of the ephemeris's timeline named by `publishedKeys` are out. */
  save(scope: Scope, ephemerisId: string, record: EphemerisRecord, publishedKeys: string[]): void {
    const nextMs = nextEntryMs(statusTimeline(record), publishedKeys);
    if (nextMs !== undefined) this.upsert.run(scope.account, scope.region, ephemerisId, JSON.stringify(publishedKeys), nextMs);
    else this.forget(scope, ephemerisId);
  }

  forget(scope: Scope, ephemerisId: string): void {
    this.remove.run(scope.account, scope.region, ephemerisId);
  }

  dueBy(atMs: number): ScheduledEphemeris[] {
    return this.due.all(atMs).map((row) => ({ ...row, publishedKeys: JSON.parse(row.publishedKeys) as string[] }));
  }

  /** Forgets every ephemeris of the account, or of every account when none is named. */
  clear(account?: string): void {
    this.clearAccount.run({ account: account ?? null });
  }

  nextChangeMs(): number | undefined {
    return this.earliest.get()?.atMs ?? undefined;
  }
}

/** Ephemerides as the change scheduler sees them: the validation outcome, then EXPIRED. */
export function ephemerisChanges(services: Services): ChangeSource {
  const schedule = services.ephemerisSchedule;
  return timelineChanges<EphemerisChange>({
    nextChangeMs: () => schedule.nextChangeMs(),
    dueBy: (nowMs) =>
      schedule.dueBy(nowMs).map(({ account, region, ephemerisId, publishedKeys }) => {
        const scope = { account, region };
        const record = services.store.get<EphemerisRecord>(scope, EPHEMERIS_KIND, ephemerisId)?.doc;
        // Deleted meanwhile: an empty timeline (so no event is asked for), and its row goes.
        if (!record) {
          return {
            timeline: [],
            publishedKeys,
            event: () => {
              throw new Error(`ephemeris ${ephemerisId} was deleted: it has no changes`);
            },
            recordPublished: () => schedule.forget(scope, ephemerisId),
          };
        }
        return {
          timeline: statusTimeline(record),
          publishedKeys,
          event: (change) => ephemerisStatusEvent(scope, ephemerisId, record, change.status, change.atMs),
          recordPublished: (changes) => schedule.save(scope, ephemerisId, record, [...publishedKeys, ...changes.map((change) => change.key)]),
        };
      }),
  });
}
