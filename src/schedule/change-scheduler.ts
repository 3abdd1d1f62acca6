import type { Services } from '../api/context.js';
import type { GroundStationEvent } from '../events/types.js';

/** A kind of record whose changes fall due at moments of the clock; the scheduler knows no resource. */
export interface ChangeSource {
  /** Each resource's changes due by `nowMs` and not yet published. */
  dueBy(nowMs: number): DueChanges[];
  /** When the earliest unpublished change falls due. */
  nextChangeMs(): number | undefined;
}

export interface DueChanges {
  /** In order, each stamped with its nominal moment. */
  events: GroundStationEvent[];
  /** Records, in the publishing transaction, that the events were published. */
  recordPublished(): void;
}

export interface ChangeScheduler {
  /** Re-reads when the next change is due; call after anything that may add or move one. */
  rearm(): void;
  /** Publishes everything due now; resolves once it is committed. */
  run(): Promise<void>;
  /** When the earliest unpublished change of any source falls due. */
  nextChangeMs(): number | undefined;
  stop(): void;
}

type Transaction = <T>(work: () => T) => T | Promise<T>;

interface Logger {
  error(details: object, message: string): void;
}

// Real milliseconds, not simulated: a frozen clock must not stop the retries, nor a fast one hurry them.
const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * Publishes changes as the clock reaches them. Statuses are derived from the clock, so this only
 * turns due changes into events, in time order across resources, in one transaction that also
 * records the progress: a restart neither loses nor repeats an event.
 */
export function startChangeScheduler(services: Services, sources: ChangeSource[], transaction: Transaction, log: Logger): ChangeScheduler {
  let cancelWakeup: (() => void) | undefined;
  let armedAtMs: number | undefined;
  let running: Promise<void> | undefined;
  let runAgain = false;
  let stopped = false;
  // Set while waiting to retry after a failure: until then, nothing re-arms for a change already due.
  let retryTimer: NodeJS.Timeout | undefined;

  const nextChangeMs = () => {
    const moments = sources.map((source) => source.nextChangeMs()).filter((atMs) => atMs !== undefined);
    return moments.length > 0 ? Math.min(...moments) : undefined;
  };

  const publishDue = () => {
    const nowMs = services.clock.nowMs();
    const due = sources.flatMap((source) => source.dueBy(nowMs));
    // Stable: equal moments keep each resource's own order.
    const events = due.flatMap((changes) => changes.events).sort((a, b) => a.time.getTime() - b.time.getTime());
    for (const event of events) services.events.publish(event);
    for (const changes of due) changes.recordPublished();
  };

  const arm = (atMs: number | undefined) => {
    if (stopped || atMs === armedAtMs) return;
    cancelWakeup?.();
    armedAtMs = atMs;
    cancelWakeup = atMs === undefined ? undefined : services.clock.wakeAt(atMs, () => {
      armedAtMs = undefined;
      // A retry already waits for its pause; a wakeup armed meanwhile must not cut it short.
      if (!retryTimer) void run();
    });
  };

  const retryLater = (error: unknown, message: string) => {
    log.error({ err: error }, message);
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => void run(), RETRY_AFTER_FAILURE_MS);
    retryTimer.unref();
  };

  const run = (): Promise<void> => {
    if (running) {
      runAgain = true;
      return running;
    }
    running = (async () => {
      do {
        runAgain = false;
        clearTimeout(retryTimer);
        retryTimer = undefined;
        try {
          await transaction(publishDue);
          // Stopped meanwhile: the shutdown's last commit ran this unit, and the database may be closed.
          if (!stopped) arm(nextChangeMs());
        } catch (error) {
          retryLater(error, 'publishing scheduled changes failed; retrying');
        }
      } while (runAgain && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const stopListening = services.clock.onChange(() => void run());
  void run();
  return {
    rearm: () => {
      // A run in flight arms (or retries) when it ends: its commit's listeners are told before it
      // learns its own outcome, and a wakeup armed now would cut a failed run's pause short.
      if (retryTimer || running) return;
      try {
        arm(nextChangeMs());
      } catch (error) {
        // Called as a commit settles: a failing read must not escape into the commit path.
        retryLater(error, 'reading the next scheduled change failed; retrying');
      }
    },
    run,
    nextChangeMs,
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      stopListening();
      cancelWakeup?.();
    },
  };
}
