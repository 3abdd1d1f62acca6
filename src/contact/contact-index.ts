import type { Db, Migration } from '../store/database.js';
import { keysOfPositions, nextEntryMs } from '../schedule/timeline.js';
import type { Scope } from '../store/resources.js';
import { CONTACT_KIND, type ContactRecord } from './contact-record.js';
import { contactTimeline, holdsResources } from './contact-timeline.js';

// Contacts themselves live in the resource table (kind 'contact', which gives them tags). This
// table indexes them by station and time; what each has published is in the schedule's table.
export const CONTACT_MIGRATIONS: Migration[] = [
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
  (db) => publishedPositionsToKeys(db),
  // The keys leave the record and the next change's moment this index: the schedule's table holds both.
  `INSERT INTO published_changes (account, region, kind, id, published_keys, next_change_ms)
     SELECT c.account, c.region, '${CONTACT_KIND}', c.contact_id, coalesce(json_extract(r.doc, '$.publishedKeys'), '[]'), c.next_change_ms
     FROM contact_index c JOIN resources r ON r.account = c.account AND r.region = c.region AND r.kind = '${CONTACT_KIND}' AND r.id = c.contact_id;
   UPDATE resources SET doc = json_remove(doc, '$.publishedKeys') WHERE kind = '${CONTACT_KIND}';
   DROP INDEX contact_index_by_next_change;
   ALTER TABLE contact_index DROP COLUMN next_change_ms;`,
];

/** A contact as builds before timeline keys stored it. */
type PositionedContact = Omit<ContactRecord, 'schedulingDelayMs'> & { eventsPublished: number; publishesUploads?: true };

// The scheduling delay every contact stored before this step was made with: those builds kept none
// in the record, and 1 s is their default. A server run with another --scheduling-delay then
// shows its older contacts' SCHEDULED (and CANCELLED) moments as 1 s after the request.
const DELAY_BEFORE_KEYS_MS = 1000;
const SUBJECTS_BEFORE_KEYS: ReadonlySet<string> = new Set(['contact', 'group']);

/**
 * Contacts counted their published events as a position in the timeline (without S3 uploads unless
 * `publishesUploads`); they now keep the keys of those entries, and the delay they were made with.
 */
function publishedPositionsToKeys(db: Db): void {
  const rows = db.prepare<[string], { seq: number; account: string; region: string; id: string; doc: string }>(
    'SELECT seq, account, region, id, doc FROM resources WHERE kind = ?',
  );
  const rewrite = db.prepare('UPDATE resources SET doc = ? WHERE seq = ?');
  const reindex = db.prepare('UPDATE contact_index SET next_change_ms = ? WHERE account = ? AND region = ? AND contact_id = ?');
  for (const row of rows.all(CONTACT_KIND)) {
    const { eventsPublished, publishesUploads, ...rest } = JSON.parse(row.doc) as PositionedContact;
    const contact: ContactRecord = { ...rest, schedulingDelayMs: DELAY_BEFORE_KEYS_MS };
    // Only the kinds those builds had: a kind added later must not shift the positions.
    const counted = contactTimeline(contact).filter((entry) => (entry.subject === 'upload' ? publishesUploads : SUBJECTS_BEFORE_KEYS.has(entry.subject)));
    // The record kept its keys then (the next step moves them out).
    const publishedKeys = keysOfPositions(counted, eventsPublished);
    rewrite.run(JSON.stringify({ ...contact, publishedKeys }), row.seq);
    reindex.run(nextEntryMs(contactTimeline(contact), publishedKeys) ?? null, row.account, row.region, row.id);
  }
}

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
  private readonly byId;
  private readonly clearAccount;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT OR REPLACE INTO contact_index VALUES (@account, @region, @contactId, @groundStation, @satelliteArn, @missionProfileArn,
         @prePassStartMs, @startMs, @endMs, @postPassEndMs, @holds)`,
    );
    // [startTime, endTime) overlapping the query window (SEMANTICS §2.4).
    this.byWindow = db.prepare<[string, string, number, number], IndexedContact>(
      `SELECT ${COLUMNS} FROM contact_index WHERE account = ? AND region = ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms, contact_id`,
    );
    this.holdingAtStationAnyAccount = db.prepare<[string, number, number], IndexedContact>(
      `SELECT ${COLUMNS} FROM contact_index WHERE ground_station = ? AND holds = 1 AND pre_pass_start_ms < ? AND post_pass_end_ms > ?
         ORDER BY start_ms, contact_id`,
    );
    this.byId = db.prepare<[string, string], IndexedContact>(`SELECT ${COLUMNS} FROM contact_index WHERE account = ? AND contact_id = ?`);
    this.clearAccount = db.prepare('DELETE FROM contact_index WHERE @account IS NULL OR account = @account');
  }

  save(scope: Scope, contactId: string, contact: ContactRecord): void {
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

  /** A contact of the account in whichever region it was reserved. */
  find(account: string, contactId: string): IndexedContact | undefined {
    return this.byId.get(account, contactId);
  }

  /** Forgets every contact of the account, or of every account when none is named. */
  clear(account?: string): void {
    this.clearAccount.run({ account: account ?? null });
  }
}
