import type { Db } from './database.js';
import { migrate } from './database.js';

export interface Scope {
  account: string;
  region: string;
}

export interface StoredResource<T> {
  id: string;
  seq: number;
  doc: T;
  tags: Record<string, string>;
}

export interface ResourceKey {
  kind: string;
  id: string;
}

// Every resource of every kind lives in one table, scoped by (account, region). `seq` only grows,
// so it orders lists and anchors page tokens that stay valid while items are inserted or deleted.
const MIGRATIONS = [
  `CREATE TABLE resources (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     doc TEXT NOT NULL,
     tags TEXT NOT NULL DEFAULT '{}'
   );
   CREATE UNIQUE INDEX resources_by_id ON resources (account, region, kind, id);
   CREATE INDEX resources_by_seq ON resources (account, region, kind, seq);
   CREATE TABLE resource_refs (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     to_kind TEXT NOT NULL,
     to_id TEXT NOT NULL,
     from_kind TEXT NOT NULL,
     from_id TEXT NOT NULL,
     PRIMARY KEY (account, region, to_kind, to_id, from_kind, from_id)
   ) WITHOUT ROWID;
   CREATE INDEX resource_refs_by_source ON resource_refs (account, region, from_kind, from_id);`,
];

interface Row {
  seq: number;
  id: string;
  doc: string;
  tags: string;
}

const fromRow = <T>(row: Row): StoredResource<T> => ({
  id: row.id,
  seq: row.seq,
  doc: JSON.parse(row.doc) as T,
  tags: JSON.parse(row.tags) as Record<string, string>,
});

/** Statements prepared once per database and shared by every resource kind. */
export class ResourceStore {
  private readonly selectOne;
  private readonly selectPage;
  private readonly insertOne;
  private readonly updateDoc;
  private readonly updateTags;
  private readonly deleteOne;
  private readonly deleteRefsFrom;
  private readonly deleteRefsTo;
  private readonly insertRef;
  private readonly selectReferrers;
  private readonly countKind;

  constructor(readonly db: Db) {
    migrate(db, 'resources', MIGRATIONS);
    this.selectOne = db.prepare<[string, string, string, string], Row>(
      'SELECT seq, id, doc, tags FROM resources WHERE account = ? AND region = ? AND kind = ? AND id = ?',
    );
    this.selectPage = db.prepare<[string, string, string, number, number], Row>(
      'SELECT seq, id, doc, tags FROM resources WHERE account = ? AND region = ? AND kind = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    this.insertOne = db.prepare(
      'INSERT INTO resources (account, region, kind, id, doc, tags) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.updateDoc = db.prepare('UPDATE resources SET doc = ? WHERE account = ? AND region = ? AND kind = ? AND id = ?');
    this.updateTags = db.prepare('UPDATE resources SET tags = ? WHERE account = ? AND region = ? AND kind = ? AND id = ?');
    this.deleteOne = db.prepare('DELETE FROM resources WHERE account = ? AND region = ? AND kind = ? AND id = ?');
    this.deleteRefsFrom = db.prepare(
      'DELETE FROM resource_refs WHERE account = ? AND region = ? AND from_kind = ? AND from_id = ?',
    );
    this.deleteRefsTo = db.prepare('DELETE FROM resource_refs WHERE account = ? AND region = ? AND to_kind = ? AND to_id = ?');
    this.insertRef = db.prepare(
      'INSERT OR IGNORE INTO resource_refs (account, region, to_kind, to_id, from_kind, from_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.selectReferrers = db.prepare<[string, string, string, string], { kind: string; id: string }>(
      // In the order the referring resources were created, so messages that name them are stable.
      `SELECT r.from_kind AS kind, r.from_id AS id FROM resource_refs r
       LEFT JOIN resources x ON x.account = r.account AND x.region = r.region AND x.kind = r.from_kind AND x.id = r.from_id
       WHERE r.account = ? AND r.region = ? AND r.to_kind = ? AND r.to_id = ? ORDER BY x.seq`,
    );
    this.countKind = db.prepare<[string, string, string], { n: number }>(
      'SELECT count(*) AS n FROM resources WHERE account = ? AND region = ? AND kind = ?',
    );
  }

  get<T>(scope: Scope, kind: string, id: string): StoredResource<T> | undefined {
    const row = this.selectOne.get(scope.account, scope.region, kind, id);
    return row && fromRow<T>(row);
  }

  /** Items after `afterSeq` in insertion order; one extra row tells whether another page exists. */
  page<T>(scope: Scope, kind: string, afterSeq: number, limit: number): StoredResource<T>[] {
    return this.selectPage.all(scope.account, scope.region, kind, afterSeq, limit).map((row) => fromRow<T>(row));
  }

  count(scope: Scope, kind: string): number {
    return this.countKind.get(scope.account, scope.region, kind)!.n;
  }

  insert<T>(scope: Scope, kind: string, id: string, doc: T, tags: Record<string, string> = {}): void {
    this.insertOne.run(scope.account, scope.region, kind, id, JSON.stringify(doc), JSON.stringify(tags));
  }

  replace<T>(scope: Scope, kind: string, id: string, doc: T): void {
    this.updateDoc.run(JSON.stringify(doc), scope.account, scope.region, kind, id);
  }

  setTags(scope: Scope, kind: string, id: string, tags: Record<string, string>): void {
    this.updateTags.run(JSON.stringify(tags), scope.account, scope.region, kind, id);
  }

  /** Deletes the resource and the references it holds; returns false if it did not exist. */
  delete(scope: Scope, kind: string, id: string): boolean {
    this.deleteRefsFrom.run(scope.account, scope.region, kind, id);
    this.deleteRefsTo.run(scope.account, scope.region, kind, id);
    return this.deleteOne.run(scope.account, scope.region, kind, id).changes > 0;
  }

  /** Records exactly `targets` as what the resource refers to. */
  setReferences(scope: Scope, from: ResourceKey, targets: readonly ResourceKey[]): void {
    this.deleteRefsFrom.run(scope.account, scope.region, from.kind, from.id);
    for (const target of targets) {
      this.insertRef.run(scope.account, scope.region, target.kind, target.id, from.kind, from.id);
    }
  }

  referrers(scope: Scope, target: ResourceKey): ResourceKey[] {
    return this.selectReferrers.all(scope.account, scope.region, target.kind, target.id);
  }
}
