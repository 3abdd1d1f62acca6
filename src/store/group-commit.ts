import type { Db } from './database.js';

interface Unit {
  work(): unknown;
  /** What `work` returned the last time it ran: a replay replaces it. */
  result: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: units of work that arrive in the same turn of the event loop share one SQLite
 * transaction, and so one fsync. No unit's promise settles before the shared COMMIT has reached the
 * disk: an answer is never sent for work that could still be lost.
 *
 * A unit has no savepoint of its own (one per unit cost ~12% of a create's instructions, most of it
 * copying pages into the savepoint journal). When a unit fails, the shared transaction is rolled
 * back and the units before it are run again, in order, in a fresh one: the failing unit leaves no
 * trace while its neighbours stand. Their answers have not been sent yet, so running them again is
 * the same as their arriving after it. Failures are rare under load and usually come first in their
 * transaction, where nothing is run again.
 */
export class GroupCommit {
  private open = false;
  private units: Unit[] = [];
  private readonly settledListeners = new Set<(committed: boolean) => void>();
  private readonly rollbackListeners = new Set<() => void>();
  private readonly begin;
  private readonly commit;
  private readonly rollback;

  constructor(private readonly db: Db) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  /** Runs `work` as one all-or-nothing unit; resolves with its result once that result is durable. */
  run<T>(work: () => T): Promise<T> {
    if (!this.open) {
      this.begin.run();
      this.open = true;
      setImmediate(() => this.flush());
    }
    return this.join(work, { writes: true });
  }

  /**
   * Runs read-only work. While a shared transaction is open, what it reads may not be durable yet,
   * so it joins that transaction and answers with it; otherwise it answers at once. A read that
   * fails wrote nothing, so nothing is rolled back.
   */
  read<T>(work: () => T): T | Promise<T> {
    if (!this.open) return work();
    return this.join(work, { writes: false });
  }

  /** Told after each shared transaction whether it committed (e.g. to deliver the events it made durable). */
  onSettled(listener: (committed: boolean) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /** Told whenever work is rolled back (what was read inside it may never have been stored). */
  onRollback(listener: () => void): () => void {
    this.rollbackListeners.add(listener);
    return () => this.rollbackListeners.delete(listener);
  }

  /**
   * Runs `work` inside the open shared transaction: its result once that transaction is durable (it
   * runs again if a later unit fails), or its failure at once, with its writes taken back if it may
   * have written.
   */
  private join<T>(work: () => T, { writes }: { writes: boolean }): Promise<T> {
    let result: T;
    try {
      result = work();
    } catch (error) {
      if (writes) this.undoFailedUnit();
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => {
      this.units.push({ work, result, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Commits what is open now, synchronously (at shutdown). */
  flush(): void {
    if (!this.open) return;
    try {
      this.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.rollback.run();
      this.abandon(error);
      return;
    }
    const units = this.finish();
    for (const unit of units) unit.resolve(unit.result);
    for (const listener of this.settledListeners) listener(true);
  }

  /**
   * Takes the failed unit's writes back with everything else in the transaction (SQLite may have
   * done so itself, on SQLITE_FULL or an I/O error), then runs the units before it again. A unit
   * that fails on its second run fails with its new cause, and the rest run once more without it.
   */
  private undoFailedUnit(): void {
    for (;;) {
      if (this.db.inTransaction) this.rollback.run();
      this.notifyRollback();
      if (this.units.length === 0) {
        this.open = false;
        return;
      }
      try {
        this.begin.run();
      } catch (error) {
        this.abandon(error);
        return;
      }
      const failed = this.replay();
      if (failed === undefined) return;
      this.units.splice(this.units.indexOf(failed.unit), 1);
      failed.unit.reject(failed.error);
    }
  }

  /** Runs every waiting unit again, in order; stops at the first that fails. */
  private replay(): { unit: Unit; error: unknown } | undefined {
    for (const unit of this.units) {
      try {
        unit.result = unit.work();
      } catch (error) {
        return { unit, error };
      }
    }
    return undefined;
  }

  private notifyRollback(): void {
    for (const listener of this.rollbackListeners) listener();
  }

  /** The shared transaction is gone: every unit waiting on it fails with the cause. */
  private abandon(error: unknown): void {
    this.notifyRollback();
    for (const unit of this.finish()) unit.reject(error);
    for (const listener of this.settledListeners) listener(false);
  }

  private finish(): Unit[] {
    const units = this.units;
    this.units = [];
    this.open = false;
    return units;
  }
}
