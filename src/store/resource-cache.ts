import type { Scope } from './resources.js';

/**
 * Values by account, region, kind and id, in nested maps rather than under one joined key: a lookup
 * then hashes strings the request already holds (a string keeps its hash once computed) instead of
 * building and hashing a new key of some 80 characters every time. When full it starts over;
 * what it held is read again from the database as it is asked for.
 */
export class ResourceCache<V> {
  private readonly byAccount = new Map<string, Map<string, Map<string, Map<string, V>>>>();
  private size = 0;

  constructor(private readonly capacity: number) {}

  get(scope: Scope, kind: string, id: string): V | undefined {
    return this.byAccount.get(scope.account)?.get(scope.region)?.get(kind)?.get(id);
  }

  set(scope: Scope, kind: string, id: string, value: V): void {
    if (this.size >= this.capacity) this.clear();
    const ids = this.idsOf(scope, kind);
    if (!ids.has(id)) this.size++;
    ids.set(id, value);
  }

  delete(scope: Scope, kind: string, id: string): void {
    if (this.byAccount.get(scope.account)?.get(scope.region)?.get(kind)?.delete(id)) this.size--;
  }

  clear(): void {
    this.byAccount.clear();
    this.size = 0;
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
