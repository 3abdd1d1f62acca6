import type { Scope } from './resources.js';

/**
 * Values by account, region, kind and id, in nested maps rather than under one joined key: a lookup
 * then hashes strings the request already holds (a string keeps its hash once computed) instead of
 * building and hashing a new key of some 80 characters every time. When full it starts over;
 * what it held is read again from the database as it is asked for.
 */
export class ResourceCache<V extends { seq: number }> {
  private readonly byAccount = new Map<string, Map<string, Map<string, Map<string, V>>>>();
  // Seqs are unique across scopes and kinds: a list, which finds its page's seqs first, looks up by them.
  private readonly bySeq = new Map<number, V>();

  constructor(private readonly capacity: number) {}

  get(scope: Scope, kind: string, id: string): V | undefined {
    return this.byAccount.get(scope.account)?.get(scope.region)?.get(kind)?.get(id);
  }

  /** Whether anything of `kind` in `scope` is held: a list of a kind with nothing cached reads its page whole. */
  holdsAny(scope: Scope, kind: string): boolean {
    return (this.byAccount.get(scope.account)?.get(scope.region)?.get(kind)?.size ?? 0) > 0;
  }

  getBySeq(seq: number): V | undefined {
    return this.bySeq.get(seq);
  }

  set(scope: Scope, kind: string, id: string, value: V): void {
    if (this.bySeq.size >= this.capacity) this.clear();
    const ids = this.idsOf(scope, kind);
    const previous = ids.get(id);
    if (previous) this.bySeq.delete(previous.seq);
    ids.set(id, value);
    this.bySeq.set(value.seq, value);
  }

  delete(scope: Scope, kind: string, id: string): void {
    const ids = this.byAccount.get(scope.account)?.get(scope.region)?.get(kind);
    const value = ids?.get(id);
    if (value === undefined) return;
    ids!.delete(id);
    this.bySeq.delete(value.seq);
  }

  clear(): void {
    this.byAccount.clear();
    this.bySeq.clear();
  }

  private idsOf(scope: Scope, kind: string): Map<string, V> {
    let regions = this.byAccount.get(scope.account);
    if (!regions) this.byAccount.set(scope.account, (regions = new Map()));
    let kinds = regions.get(scope.region);
    if (!kinds) regions.set(scope.region, (kinds = new Map()));
    let ids = kinds.get(kind);
    if (!ids) kinds.set(kind, (ids = new Map()));
    return ids;
  }
}
