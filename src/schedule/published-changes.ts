import type { Db, Migration } from '../store/database.js';
import type { Scope } from '../store/resources.js';
import { nextEntryMs, type TimedEntry } from './timeline.js';

// What each timed record (a contact, an ephemeris, an agent's heartbeat) has published, by key,
// and when its next change falls due: NULL once its whole timeline is out. A row lives from the
// record's first timeline until the record is deleted; the data directories of builds before this
// table move their rows in with each component's own migration.
export const PUBLISHED_CHANGES_MIGRATIONS: Migration[] = [
  `CREATE TABLE published_changes (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     published_keys TEXT NOT NULL,
     next_change_ms INTEGER,
     PRIMARY KEY (account, region, kind, id)
   ) WITHOUT ROWID;
   CREATE INDEX published_changes_by_next_change ON published_changes (kind, next_change_ms) WHERE next_change_ms IS NOT NULL;`,
];

/** A record with a change due, as the table holds it. */
export interface DueRecord {
  scope: Scope;
  id: string;
  publishedKeys: string[];
}

export class PublishedChanges {
  private readonly upsert;
  private readonly remove;
  private readonly keysOf;
  private readonly due;
  private readonly earliest;
  private readonly clearAccount;

  constructor(db: Db) {
    this.upsert = db.prepare('INSERT OR REPLACE INTO published_changes VALUES (?, ?, ?, ?, ?, ?)');
    this.remove = db.prepare('DELETE FROM published_changes WHERE account = ? AND region = ? AND kind = ? AND id = ?');
    this.keysOf = db
      .prepare<[string, string, string, string], string>('SELECT published_keys FROM published_changes WHERE account = ? AND region = ? AND kind = ? AND id = ?')
      .pluck();
    this.due = db.prepare<[string, number], { account: string; region: string; id: string; publishedKeys: string }>(
      `SELECT account, region, id, published_keys AS publishedKeys FROM published_changes
         WHERE kind = ? AND next_change_ms <= ? ORDER BY next_change_ms`,
    );
    this.earliest = db
      .prepare<[string], number | null>('SELECT min(next_change_ms) FROM published_changes WHERE kind = ? AND next_change_ms IS NOT NULL')
      .pluck();
    this.clearAccount = db.prepare('DELETE FROM published_changes WHERE @account IS NULL OR account = @account');
  }

  /** Records that the entries of the record's `timeline` named by `publishedKeys` are out. */
  save(scope: Scope, kind: string, id: string, timeline: readonly TimedEntry[], publishedKeys: readonly string[]): void {
    const nextMs = nextEntryMs(timeline, publishedKeys) ?? null;
    this.upsert.run(scope.account, scope.region, kind, id, JSON.stringify(publishedKeys), nextMs);
  }

  forget(scope: Scope, kind: string, id: string): void {
    this.remove.run(scope.account, scope.region, kind, id);
  }

  /** The keys the record has published; none when it has no row. */
  publishedKeys(scope: Scope, kind: string, id: string): string[] {
    const keys = this.keysOf.get(scope.account, scope.region, kind, id);
    return keys === undefined ? [] : (JSON.parse(keys) as string[]);
  }

  /** The records of `kind`, of every scope, with a change due by `atMs`, earliest first. */
  dueBy(kind: string, atMs: number): DueRecord[] {
    return this.due.all(kind, atMs).map(({ account, region, id, publishedKeys }) => ({
      scope: { account, region },
      id,
      publishedKeys: JSON.parse(publishedKeys) as string[],
    }));
  }

  /** When the earliest unpublished change of any record of `kind` falls due. */
  nextChangeMs(kind: string): number | undefined {
    return this.earliest.get(kind) ?? undefined;
  }

  /** Forgets the rows of one account, or of all (POST /_local/reset). */
  clear(account?: string): void {
    this.clearAccount.run({ account: account ?? null });
  }
}
