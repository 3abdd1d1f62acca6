import type { Services } from '../api/context.js';
import type { ChangeSource } from '../schedule/change-scheduler.js';
import { keysOfPositions } from '../schedule/timeline.js';
import { timelineChanges } from '../schedule/timeline-source.js';
import type { Db, Migration } from '../store/database.js';
import { ephemerisStatusEvent, statusTimeline, type EphemerisChange } from './ephemeris-events.js';
import { EPHEMERIS_KIND, type EphemerisRecord } from './ephemeris-record.js';

// Which of each ephemeris's timeline changes (ephemeris-events.ts) were published (by key), and when
// the next fell due, until the rows moved into the one table of the schedule (published-changes.ts).
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
  `INSERT INTO published_changes (account, region, kind, id, published_keys, next_change_ms)
     SELECT account, region, '${EPHEMERIS_KIND}', ephemeris_id, published_keys, next_change_ms FROM ephemeris_schedule;
   DROP TABLE ephemeris_schedule;`,
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

/** Ephemerides as the change scheduler sees them: the validation outcome, then EXPIRED. */
export function ephemerisChanges(services: Services): ChangeSource {
  return timelineChanges<EphemerisChange>(services.publishedChanges, EPHEMERIS_KIND, (scope, ephemerisId) => {
    const record = services.store.get<EphemerisRecord>(scope, EPHEMERIS_KIND, ephemerisId)?.doc;
    return record && {
      timeline: statusTimeline(record),
      events: (change) => [ephemerisStatusEvent(scope, ephemerisId, record, change.status, change.atMs)],
    };
  });
}
