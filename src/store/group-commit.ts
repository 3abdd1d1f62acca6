import type { Db } from './database.js';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: units of work that arrive in the same turn of the event loop share one SQLite
 * transaction, and so one fsync. Each unit runs in its own savepoint, so a failing unit leaves no
 * trace while its neighbours stand. No unit's promise settles before the shared COMMIT has reached
 * the disk: an answer is never sent for work that could still be lost.
 */
export class GroupCommit {
  private open = false;
  private waiters: Waiter[] = [];
  private readonly settledListeners = new Set<(committed: boolean) => void>();
  private readonly rollbackListeners = new Set<() => void>();
  private readonly begin;
  private readonly commit;
  private readonly rollback;
  private readonly savepoint;
  private readonly release;
  private readonly rollbackToSavepoint;

  constructor(private readonly db: Db) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT unit');
    this.release = db.prepare('RELEASE unit');
    this.rollbackToSavepoint = db.prepare('ROLLBACK TO unit');
  }

  /** Runs `work` as one all-or-nothing unit; resolves with its result once that result is durable. */
  run<T>(work: () => T): Promise<T> {
    if (!this.open) {
      this.begin.run();
      this.open = true;
      setImmediate(() => this.flush());
    }
    this.savepoint.run();
    let result: T;
    try {
      result = work();
      this.release.run();
    } catch (error) {
      if (this.db.inTransaction) {
        this.rollbackToSavepoint.run();
        this.release.run();
        this.notifyRollback();
      } else {
        // SQLite itself rolled the shared transaction back (it may on SQLITE_FULL or an I/O error),
        // taking the units before this one with it: they fail with the same cause.
        this.abandon(error);
      }
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => {
      this.waiters.push({ resolve: () => resolve(result), reject });
    });
  }

  /**
   * Runs read-only work. While a shared transaction is open, what it reads may not be durable yet,
   * so it joins that transaction and answers with it; otherwise it answers at once.
   */
  read<T>(work: () => T): T | Promise<T> {
    return this.open ? this.run(work) : work();
  }

  /** Told after each shared transaction whether it committed (e.g. to deliver the events it made durable). */
  onSettled(listener: (committed: boolean) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /** Told whenever work is rolled back: a failed unit, or a whole shared transaction. */
  onRollback(listener: () => void): () => void {
    this.rollbackListeners.add(listener);
    return () => this.rollbackListeners.delete(listener);
  }

  private notifyRollback(): void {
    for (const listener of this.rollbackListeners) listener();
  }

  /** The shared transaction is gone: every unit waiting on it fails with the cause. */
  private abandon(error: unknown): void {
    this.notifyRollback();
    const waiters = this.waiters;
    this.waiters = [];
    this.open = false;
    for (const waiter of waiters) waiter.reject(error);
    for (const listener of this.settledListeners) listener(false);
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
    const waiters = this.waiters;
    this.waiters = [];
    this.open = false;
    for (const waiter of waiters) waiter.resolve();
    for (const listener of this.settledListeners) listener(true);
  }
}
