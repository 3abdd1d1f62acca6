import type { Db } from './database.js';
import { ResourceCache } from './resource-cache.js';

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
  /** A target in another region of the same account (a contact holding another region's group). */
  region?: string;
  /** The target's seq, when the caller holds the stored target already: linking need not look it up. */
  seq?: number;
}

// Every resource of every kind lives in one table, scoped by (account, region). `seq` only grows,
// so it orders lists and anchors page tokens that stay valid while items are inserted or deleted.
// References between resources (a profile uses configs, a contact holds a group) link their seqs.
export const RESOURCE_MIGRATIONS = [
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
  // Links by seq: two integers per row, appended in creation order, instead of text keys that
  // landed every insert on a random B-tree page (the larger part of a durable create's cost).
  `CREATE TABLE resource_links (
     to_seq INTEGER NOT NULL,
     from_seq INTEGER NOT NULL,
     PRIMARY KEY (to_seq, from_seq)
   ) WITHOUT ROWID;
   CREATE INDEX resource_links_by_source ON resource_links (from_seq);
   INSERT OR IGNORE INTO resource_links (to_seq, from_seq)
     SELECT t.seq, f.seq FROM resource_refs r
     JOIN resources t ON t.account = r.account AND t.region = r.region AND t.kind = r.to_kind AND t.id = r.to_id
     JOIN resources f ON f.account = r.account AND f.kind = r.from_kind AND f.id = r.from_id;
   DROP TABLE resource_refs;`,
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

// Cached values are shared (see the cache below): callers build new objects, never change these.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const CACHED_RESOURCES = 10_000;

/** A create would take an account past the resources it may keep in a region. */
export class ResourceQuotaExceeded extends Error {}

/** Resources of all kinds together that one account keeps in one region, unless configured otherwise. */
export const DEFAULT_MAX_RESOURCES_PER_SCOPE = 1_000_000;

/**
 * Statements prepared once per database and shared by every resource kind, and a read-through cache
 * of parsed resources, so a repeated Get costs neither SQL nor JSON parsing. A write to a resource
 * drops its entry; a rolled-back unit of work drops them all (it may have read what it wrote).
 */
export class ResourceStore {
  private readonly cache = new ResourceCache<StoredResource<unknown>>(CACHED_RESOURCES);
  private readonly views = new WeakMap<StoredResource<unknown>, Map<(resource: never) => unknown, unknown>>();
  private readonly selectOne;
  private readonly selectPageSeqs;
  private readonly selectPage;
  private readonly selectBySeqs;
  private readonly insertOne;
  private readonly updateDoc;
  private readonly updateTags;
  private readonly deleteOne;
  private readonly selectSeq;
  private readonly deleteLinksFrom;
  private readonly deleteLinksTo;
  private readonly insertLinks;
  private readonly selectReferrers;
  private readonly countKind;
  private readonly clearLinks;
  private readonly clearResources;
  private readonly countScope;
  // Resources per account and region, counted once per scope on its first create and kept since.
  private readonly scopeCounts = new Map<string, number>();

  constructor(
    db: Db,
    private readonly maxPerScope = DEFAULT_MAX_RESOURCES_PER_SCOPE,
  ) {
    // @account names one account, or NULL for all of them.
    const ofAccount = 'SELECT seq FROM resources WHERE @account IS NULL OR account = @account';
    this.clearLinks = db.prepare(`DELETE FROM resource_links WHERE from_seq IN (${ofAccount}) OR to_seq IN (${ofAccount})`);
    this.clearResources = db.prepare('DELETE FROM resources WHERE @account IS NULL OR account = @account');
    this.selectOne = db.prepare<[string, string, string, string], Row>(
      'SELECT seq, id, doc, tags FROM resources WHERE account = ? AND region = ? AND kind = ? AND id = ?',
    );
    // A page finds its seqs first (from the index alone) when any of its kind is cached; only those
    // not cached are read whole: the whole page when none is, else the missing ones by seq.
    this.selectPageSeqs = db
      .prepare<[string, string, string, number, number], number>(
        'SELECT seq FROM resources WHERE account = ? AND region = ? AND kind = ? AND seq > ? ORDER BY seq LIMIT ?',
      )
      .pluck();
    this.selectPage = db.prepare<[string, string, string, number, number], Row>(
      'SELECT seq, id, doc, tags FROM resources WHERE account = ? AND region = ? AND kind = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    this.selectBySeqs = db.prepare<[string], Row>(
      'SELECT seq, id, doc, tags FROM resources WHERE seq IN (SELECT value FROM json_each(?))',
    );
    this.insertOne = db.prepare(
      'INSERT INTO resources (account, region, kind, id, doc, tags) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.updateDoc = db.prepare('UPDATE resources SET doc = ? WHERE account = ? AND region = ? AND kind = ? AND id = ?');
    this.updateTags = db.prepare('UPDATE resources SET tags = ? WHERE account = ? AND region = ? AND kind = ? AND id = ?');
    this.deleteOne = db.prepare('DELETE FROM resources WHERE account = ? AND region = ? AND kind = ? AND id = ?');
    this.selectSeq = db.prepare<[string, string, string, string], { seq: number }>(
      'SELECT seq FROM resources WHERE account = ? AND region = ? AND kind = ? AND id = ?',
    );
    this.deleteLinksFrom = db.prepare('DELETE FROM resource_links WHERE from_seq = ?');
    this.deleteLinksTo = db.prepare('DELETE FROM resource_links WHERE to_seq = ?');
    // One statement for all of a resource's targets: a create links several, and each run costs.
    this.insertLinks = db.prepare<[number, string]>(
      'INSERT OR IGNORE INTO resource_links (to_seq, from_seq) SELECT value, ? FROM json_each(?)',
    );
    this.selectReferrers = db.prepare<[number], Required<ResourceKey>>(
      // In the order the referring resources were created, so messages that name them are stable.
      `SELECT x.kind, x.id, x.region, x.seq FROM resource_links l JOIN resources x ON x.seq = l.from_seq
       WHERE l.to_seq = ? ORDER BY l.from_seq`,
    );
    this.countKind = db.prepare<[string, string, string], { n: number }>(
      'SELECT count(*) AS n FROM resources WHERE account = ? AND region = ? AND kind = ?',
    );
    this.countScope = db.prepare<[string, string], number>('SELECT count(*) FROM resources WHERE account = ? AND region = ?').pluck();
  }

  get<T>(scope: Scope, kind: string, id: string): StoredResource<T> | undefined {
    const cached = this.cache.get(scope, kind, id);
    if (cached) return cached as StoredResource<T>;
    const row = this.selectOne.get(scope.account, scope.region, kind, id);
    if (!row) return undefined;
    const resource = deepFreeze(fromRow<T>(row));
    this.cache.set(scope, kind, id, resource);
    return resource;
  }

  /**
   * What `build` makes of a resource, made once per cached copy and frozen: a cached copy never
   * changes (a write replaces it), so neither does its view. Uncached copies are built every time.
   */
  view<T, V>(resource: StoredResource<T>, build: (resource: StoredResource<T>) => V): V {
    if (!Object.isFrozen(resource)) return build(resource);
    let views = this.views.get(resource);
    if (!views) this.views.set(resource, (views = new Map()));
    let view = views.get(build) as V | undefined;
    if (view === undefined) views.set(build, (view = deepFreeze(build(resource))));
    return view;
  }

  /** Forgets every cached resource: after a rollback, what was read may never have been stored. */
  forgetCached(): void {
    this.cache.clear();
    this.scopeCounts.clear();
  }

  /**
   * Items after `afterSeq` in insertion order: cached copies where there are (parsed once, as a Get
   * left them), the rest read in one statement. A page does not add to the cache: lists walking a
   * large store would push out what Gets use and churn the heap (at 100,000 profiles, pages that
   * filled it took resident memory from 125 to 152 MB).
   */
  page<T>(scope: Scope, kind: string, afterSeq: number, limit: number): StoredResource<T>[] {
    const readWhole = () => this.selectPage.all(scope.account, scope.region, kind, afterSeq, limit).map((row) => fromRow<T>(row));
    if (!this.cache.holdsAny(scope, kind)) return readWhole();
    const seqs = this.selectPageSeqs.all(scope.account, scope.region, kind, afterSeq, limit);
    const resources = seqs.map((seq) => this.cache.getBySeq(seq));
    const missing = seqs.filter((_, i) => resources[i] === undefined);
    if (missing.length === seqs.length) return readWhole();
    if (missing.length > 0) {
      const read = new Map<number, StoredResource<unknown>>();
      for (const row of this.selectBySeqs.all(JSON.stringify(missing))) read.set(row.seq, fromRow(row));
      seqs.forEach((seq, i) => (resources[i] ??= read.get(seq)));
    }
    return resources as StoredResource<T>[];
  }

  count(scope: Scope, kind: string): number {
    return this.countKind.get(scope.account, scope.region, kind)!.n;
  }

  /** Stores a new resource and what it refers to (as setReferences would, without looking it up again). */
  insert<T>(
    scope: Scope,
    kind: string,
    id: string,
    doc: T,
    tags: Record<string, string> = {},
    references: readonly ResourceKey[] = [],
  ): void {
    const scopeKey = `${scope.account}/${scope.region}`;
    const count = this.scopeCounts.get(scopeKey) ?? this.countScope.get(scope.account, scope.region)!;
    if (count >= this.maxPerScope) {
      throw new ResourceQuotaExceeded(
        `Account ${scope.account} already keeps ${count} resources in ${scope.region}, the most this server allows (--max-resources); delete some first`,
      );
    }
    this.cache.delete(scope, kind, id);
    const { lastInsertRowid } = this.insertOne.run(scope.account, scope.region, kind, id, JSON.stringify(doc), JSON.stringify(tags));
    this.link(scope, Number(lastInsertRowid), references);
    this.scopeCounts.set(scopeKey, count + 1);
  }

  replace<T>(scope: Scope, kind: string, id: string, doc: T): void {
    this.cache.delete(scope, kind, id);
    this.updateDoc.run(JSON.stringify(doc), scope.account, scope.region, kind, id);
  }

  setTags(scope: Scope, kind: string, id: string, tags: Record<string, string>): void {
    this.cache.delete(scope, kind, id);
    this.updateTags.run(JSON.stringify(tags), scope.account, scope.region, kind, id);
  }

  /** Deletes the resource and the references from and to it; returns false if it did not exist. */
  delete(scope: Scope, kind: string, id: string): boolean {
    this.cache.delete(scope, kind, id);
    const seq = this.seqOf(scope, kind, id);
    if (seq === undefined) return false;
    this.deleteLinksFrom.run(seq);
    this.deleteLinksTo.run(seq);
    const deleted = this.deleteOne.run(scope.account, scope.region, kind, id).changes > 0;
    const scopeKey = `${scope.account}/${scope.region}`;
    const count = this.scopeCounts.get(scopeKey);
    if (deleted && count !== undefined) this.scopeCounts.set(scopeKey, count - 1);
    return deleted;
  }

  /** Deletes every resource of the account, or of every account when none is named. */
  clear(account?: string): void {
    this.cache.clear();
    this.scopeCounts.clear();
    this.clearLinks.run({ account: account ?? null });
    this.clearResources.run({ account: account ?? null });
  }

  /** Records exactly `targets` (in the resource's region unless they name another) as what it refers to. */
  setReferences(scope: Scope, from: ResourceKey, targets: readonly ResourceKey[]): void {
    const fromSeq = this.seqOf(scope, from.kind, from.id);
    if (fromSeq === undefined) throw new Error(`cannot link from ${from.kind} ${from.id}: it is not stored`);
    this.deleteLinksFrom.run(fromSeq);
    this.link(scope, fromSeq, targets);
  }

  /** The resources that refer to `target`, in any region of its account, oldest first. */
  referrers(scope: Scope, target: ResourceKey): Required<ResourceKey>[] {
    const seq = this.seqOf(scope, target.kind, target.id);
    return seq === undefined ? [] : this.selectReferrers.all(seq);
  }

  private link(scope: Scope, fromSeq: number, targets: readonly ResourceKey[]): void {
    const toSeqs: number[] = [];
    for (const target of targets) {
      const toSeq = target.seq ?? this.seqOf({ account: scope.account, region: target.region ?? scope.region }, target.kind, target.id);
      if (toSeq !== undefined) toSeqs.push(toSeq);
    }
    if (toSeqs.length > 0) this.insertLinks.run(fromSeq, JSON.stringify(toSeqs));
  }

  // A resource keeps its seq for life, so a cached copy answers (the targets were usually just read).
  private seqOf(scope: Scope, kind: string, id: string): number | undefined {
    return this.cache.get(scope, kind, id)?.seq ?? this.selectSeq.get(scope.account, scope.region, kind, id)?.seq;
  }
}
