import type { Services } from '../api/context.js';
import type { ChangeSource } from '../contact/change-scheduler.js';
import type { Db } from '../store/database.js';
import { migrate } from '../store/database.js';
import { perDatabase } from '../store/per-database.js';
import type { Scope } from '../store/resources.js';
import { ephemerisStatusEvent, statusTimeline } from './ephemeris-events.js';
import { EPHEMERIS_KIND, type EphemerisRecord } from './ephemeris-record.js';

// Which of each ephemeris's timeline changes (ephemeris-events.ts) are published, and when the
// next falls due. A row lives from creation until its last change is published or it is deleted.
const MIGRATIONS = [
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

class EphemerisSchedule {
  private readonly upsert;
  private readonly remove;
  private readonly due;
  private readonly earliest;

  constructor(db: Db) {
    migrate(db, 'ephemeris-schedule', MIGRATIONS);
    this.upsert = db.prepare('INSERT OR REPLACE INTO ephemeris_schedule VALUES (?, ?, ?, ?, ?)');
    this.remove = db.prepare('DELETE FROM ephemeris_schedule WHERE account = ? AND region = ? AND ephemeris_id = ?');
    this.due = db.prepare<[number], ScheduledEphemeris>(
      `SELECT account, region, ephemeris_id AS ephemerisId, published FROM ephemeris_schedule WHERE next_change_ms <= ? ORDER BY next_change_ms`,
    );
    this.earliest = db.prepare<[], { atMs: number | null }>('SELECT min(next_change_ms) AS atMs FROM ephemeris_schedule');
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

  nextChangeMs(): number | undefined {
    return this.earliest.get()?.atMs ?? undefined;
  }
}

/** The ephemeris schedule of the store's database, created (and migrated) on first use. */
export const ephemerisSchedule = perDatabase((db) => new EphemerisSchedule(db));

/** Ephemerides as the change scheduler sees them: the validation outcome, then EXPIRED. */
export function ephemerisChanges(services: Services): ChangeSource {
  const schedule = ephemerisSchedule(services.store);
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
