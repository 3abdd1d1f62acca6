import type { Services } from '../api/context.js';
import type { ChangeSource } from '../contact/change-scheduler.js';
import type { Db } from '../store/database.js';
import type { Scope } from '../store/resources.js';
import { ephemerisStatusEvent, statusTimeline } from './ephemeris-events.js';
import { EPHEMERIS_KIND, type EphemerisRecord } from './ephemeris-record.js';

// Which of each ephemeris's timeline changes (ephemeris-events.ts) are published, and when the
// next falls due. A row lives from creation until its last change is published or it is deleted.
export const EPHEMERIS_SCHEDULE_MIGRATIONS = [
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
];

interface ScheduledEphemeris {
  account: string;
  region: string;
  ephemerisId: string;
  published: number;
}

export class EphemerisSchedule {
  private readonly upsert;
  private readonly remove;
  private readonly due;
  private readonly earliest;
  private readonly clearAccount;

  constructor(db: Db) {
    this.upsert = db.prepare('INSERT OR REPLACE INTO ephemeris_schedule VALUES (?, ?, ?, ?, ?)');
    this.remove = db.prepare('DELETE FROM ephemeris_schedule WHERE account = ? AND region = ? AND ephemeris_id = ?');
    this.due = db.prepare<[number], ScheduledEphemeris>(
      `SELECT account, region, ephemeris_id AS ephemerisId, published FROM ephemeris_schedule WHERE next_change_ms <= ? ORDER BY next_change_ms`,
    );
    this.earliest = db.prepare<[], { atMs: number | null }>('SELECT min(next_change_ms) AS atMs FROM ephemeris_schedule');
    this.clearAccount = db.prepare('DELETE FROM ephemeris_schedule WHERE @account IS NULL OR account = @account');
  }

  /** Records that the first `published` changes of the ephemeris's timeline are out. */
  save(scope: Scope, ephemerisId: string, record: EphemerisRecord, published: number): void {
    const next = statusTimeline(record)[published];
    if (next) this.upsert.run(scope.account, scope.region, ephemerisId, published, next.atMs);
    else this.forget(scope, ephemerisId);
  }

  forget(scope: Scope, ephemerisId: string): void {
    this.remove.run(scope.account, scope.region, ephemerisId);
  }

  dueBy(atMs: number): ScheduledEphemeris[] {
    return this.due.all(atMs);
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
  return {
    nextChangeMs: () => schedule.nextChangeMs(),
    dueBy: (nowMs) =>
      schedule.dueBy(nowMs).map(({ account, region, ephemerisId, published }) => {
        const scope = { account, region };
        const record = services.store.get<EphemerisRecord>(scope, EPHEMERIS_KIND, ephemerisId)?.doc;
        if (!record) return { events: [], recordPublished: () => schedule.forget(scope, ephemerisId) };
        const due = statusTimeline(record).slice(published).filter((change) => change.atMs <= nowMs);
        return {
          events: due.map((change) => ephemerisStatusEvent(scope, ephemerisId, record, change.status, change.atMs)),
          recordPublished: () => schedule.save(scope, ephemerisId, record, published + due.length),
        };
      }),
  };
}
