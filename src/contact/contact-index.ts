import type { Db } from '../store/database.js';
import type { Scope } from '../store/resources.js';
import type { ContactRecord } from './contact-record.js';
import { contactTimeline, holdsResources } from './contact-timeline.js';

// Contacts themselves live in the resource table (kind 'contact', which gives them tags). This
// table indexes them by station and time, and by the moment of their next unpublished change.
export const CONTACT_MIGRATIONS = [
  `CREATE TABLE contact_index (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     contact_id TEXT NOT NULL,
     ground_station TEXT NOT NULL,
     satellite_arn TEXT NOT NULL,
     mission_profile_arn TEXT NOT NULL,
     pre_pass_start_ms INTEGER NOT NULL,
     start_ms INTEGER NOT NULL,
     end_ms INTEGER NOT NULL,
     post_pass_end_ms INTEGER NOT NULL,
     holds INTEGER NOT NULL,
     next_change_ms INTEGER,
     PRIMARY KEY (account, region, contact_id)
   ) WITHOUT ROWID;
   CREATE INDEX contact_index_by_station ON contact_index (account, ground_station, start_ms);
   CREATE INDEX contact_index_by_time ON contact_index (account, region, start_ms);
   CREATE INDEX contact_index_by_next_change ON contact_index (next_change_ms) WHERE next_change_ms IS NOT NULL;`,
  // Antennas are physical: whether one is free is asked across every account.
  `CREATE INDEX contact_index_holding_station ON contact_index (ground_station, pre_pass_start_ms) WHERE holds = 1;`,
];

export interface IndexedContact {
  account: string;
  region: string;
  contactId: string;
  prePassStartMs: number;
  postPassEndMs: number;
}

const COLUMNS = `account, region, contact_id AS contactId, pre_pass_start_ms AS prePassStartMs, post_pass_end_ms AS postPassEndMs`;

export class ContactIndex {
  private readonly upsert;
  private readonly byWindow;
  private readonly holdingAtStationAnyAccount;
  private readonly due;
  private readonly earliest;
  private readonly byId;
  private readonly clearAccount;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT OR REPLACE INTO contact_index VALUES (@account, @region, @contactId, @groundStation, @satelliteArn, @missionProfileArn,
         @prePassStartMs, @startMs, @endMs, @postPassEndMs, @holds, @nextChangeMs)`,
    );
    // [startTime, endTime) overlapping the query window (SEMANTICS §2.4).
    this.byWindow = db.prepare<[string, string, number, number], IndexedContact>(
      `SELECT ${COLUMNS} FROM contact_index WHERE account = ? AND region = ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms, contact_id`,
    );
    this.holdingAtStationAnyAccount = db.prepare<[string, number, number], IndexedContact>(
      `SELECT ${COLUMNS} FROM contact_index WHERE ground_station = ? AND holds = 1 AND pre_pass_start_ms < ? AND post_pass_end_ms > ?
         ORDER BY start_ms, contact_id`,
    );
    this.due = db.prepare<[number], IndexedContact>(
      `SELECT ${COLUMNS} FROM contact_index WHERE next_change_ms <= ? ORDER BY next_change_ms`,
    );
    this.byId = db.prepare<[string, string], IndexedContact>(`SELECT ${COLUMNS} FROM contact_index WHERE account = ? AND contact_id = ?`);
    this.earliest = db.prepare<[], { atMs: number | null }>('SELECT min(next_change_ms) AS atMs FROM contact_index');
    this.clearAccount = db.prepare('DELETE FROM contact_index WHERE @account IS NULL OR account = @account');
  }

  save(scope: Scope, contactId: string, contact: ContactRecord): void {
    const next = contactTimeline(contact)[contact.eventsPublished];
    this.upsert.run({
      ...scope,
      contactId,
      groundStation: contact.groundStation,
      satelliteArn: contact.satelliteArn ?? '',
      missionProfileArn: contact.missionProfileArn,
      prePassStartMs: contact.prePassStartMs,
      startMs: contact.startMs,
      endMs: contact.endMs,
      postPassEndMs: contact.postPassEndMs,
      holds: holdsResources(contact) ? 1 : 0,
      nextChangeMs: next?.atMs ?? null,
    });
  }

  /** The scope's contacts whose [startTime, endTime) overlaps [fromMs, toMs). */
  overlapping(scope: Scope, fromMs: number, toMs: number): IndexedContact[] {
    return this.byWindow.all(scope.account, scope.region, toMs, fromMs);
  }

  /** Contacts of any account and region holding an antenna at the station at some moment of (fromMs, toMs), by start. */
  holdingAntennas(groundStation: string, fromMs: number, toMs: number): IndexedContact[] {
    return this.holdingAtStationAnyAccount.all(groundStation, toMs, fromMs);
  }

  /** Contacts of every scope with a change due by `atMs`, earliest first. */
  dueBy(atMs: number): IndexedContact[] {
    return this.due.all(atMs);
  }

  /** A contact of the account in whichever region it was reserved. */
  find(account: string, contactId: string): IndexedContact | undefined {
    return this.byId.get(account, contactId);
  }

  /** Forgets every contact of the account, or of every account when none is named. */
  clear(account?: string): void {
    this.clearAccount.run({ account: account ?? null });
  }

  nextChangeMs(): number | undefined {
    return this.earliest.get()?.atMs ?? undefined;
  }
}
