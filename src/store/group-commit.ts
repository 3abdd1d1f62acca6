import type { Db } from './database.js';

interface Unit {
  work(): unknown;
  /** What `work` returned the last time it ran: a replay replaces it. */
  result: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

// Bounds how long a steady stream of writes can hold a commit back.
const MAX_TURNS_GATHERING = 8;

/**
 * Group commit: units of work are queued and run back to back in one SQLite transaction, and so
 * share one fsync. No unit's promise settles before the shared COMMIT has reached the disk: an
 * answer is never sent for work that could still be lost. No transaction is open while units
 * gather, so a read sees only durable state and answers at once.
 *
 * Units gather until a turn of the event loop brings no new one (at most MAX_TURNS_GATHERING
 * turns), not only for the turn the first arrived in. Clients that send their next write as soon
 * as an answer comes back arrive in waves spread over several turns; committing each turn's share
 * alone split a wave across commits, each paying its own fsync and rewriting the same index and
 * table pages (at 32 connections ~20 creates a commit against ~30 gathered; README, benchmarks).
 * A lone write waits one empty turn, microseconds.
 *
 * The units run together, not each as its request arrives, because SQLite's statements run several
 * times slower between requests than back to back: Node's HTTP and V8 push SQLite's pages out of
 * the CPU's caches (the same instructions per create took 17-24% less CPU time; README, benchmarks).
 *
 * A unit has no savepoint of its own (one per unit cost ~12% of a create's instructions, most of it
 * copying pages into the savepoint journal). When a unit fails, the shared transaction is rolled
 * back and the units before it are run again, in order, in a fresh one: the failing unit leaves no
 * trace while its neighbours stand. Their answers have not been sent yet, so running them again is
 * the same as their arriving after it. Failures are rare under load and usually come first in their
 * transaction, where nothing is run again.
 */
export class GroupCommit {
  private queued: Unit[] = [];
  private arrivedSinceLastTurn = false;
  private turnsGathering = 0;
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

  /** Runs `work` as one all-or-nothing unit once units stop arriving; resolves with its result once that result is durable. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queued.length === 0) {
        this.turnsGathering = 0;
        setImmediate(this.flushWhenQuiet);
      }
      this.arrivedSinceLastTurn = true;
      this.queued.push({ work, result: undefined, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private readonly flushWhenQuiet = (): void => {
    if (this.arrivedSinceLastTurn && ++this.turnsGathering < MAX_TURNS_GATHERING) {
      this.arrivedSinceLastTurn = false;
      setImmediate(this.flushWhenQuiet);
      return;
    }
    this.arrivedSinceLastTurn = false;
    this.flush();
  };

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

  /** Runs and commits every queued unit now, synchronously (once units stop arriving, and at shutdown). */
  flush(): void {
    const units = this.queued;
    if (units.length === 0) return;
    this.queued = [];
    try {
      this.begin.run();
    } catch (error) {
      this.abandon(units, error);
      return;
    }
    const done: Unit[] = [];
    for (const [index, unit] of units.entries()) {
      try {
        unit.result = unit.work();
        done.push(unit);
      } catch (error) {
        unit.reject(error);
        try {
          this.runAgainWithoutFailed(done);
        } catch (beginError) {
          // No fresh transaction: the units that stood and those not yet run fail with its cause.
          this.abandon([...done, ...units.slice(index + 1)], beginError);
          return;
        }
      }
    }
    if (done.length === 0) {
      // Every unit failed and was taken back: nothing to commit, nothing settled.
      if (this.db.inTransaction) this.rollback.run();
      return;
    }
    try {
      this.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.rollback.run();
      this.notifyRollback();
      this.abandon(done, error);
      return;
    }
    for (const unit of done) unit.resolve(unit.result);
    for (const listener of this.settledListeners) listener(true);
  }

  /**
   * Takes a failed unit's writes back with everything else in the transaction (SQLite may have done
   * so itself, on SQLITE_FULL or an I/O error), then runs the units done before it again, in a fresh
   * transaction. A unit that fails on its second run fails with its new cause and leaves `done`, and
   * the rest run once more without it. Throws if no fresh transaction can be opened.
   */
  private runAgainWithoutFailed(done: Unit[]): void {
    for (;;) {
      if (this.db.inTransaction) this.rollback.run();
      this.notifyRollback();
      this.begin.run();
      const failed = this.replay(done);
      if (failed === undefined) return;
      done.splice(done.indexOf(failed.unit), 1);
      failed.unit.reject(failed.error);
    }
  }

  /** Runs the units again, in order; stops at the first that fails. */
  private replay(units: readonly Unit[]): { unit: Unit; error: unknown } | undefined {
    for (const unit of units) {
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
  private abandon(units: readonly Unit[], error: unknown): void {
    for (const unit of units) unit.reject(error);
    for (const listener of this.settledListeners) listener(false);
  }
}
