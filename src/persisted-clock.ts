// Wiring between clock/ and store/ (neither imports the other): the simulated clock, kept in SQLite.
import type { Db } from './store/database.js';
import { Clock, CLOCK_LIMITS, type ClockAnchor } from './clock/clock.js';

// A simulated clock is kept as its anchor (simulated instant, real instant, rate). After a restart
// it goes on as if the emulator had never stopped: a frozen clock resumes at the same instant, a
// running one has moved on by the downtime times its rate. Real time is never stored.
export const CLOCK_MIGRATIONS = [
  `CREATE TABLE clock_anchor (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     sim_ms REAL NOT NULL,
     real_ms REAL NOT NULL,
     rate REAL NOT NULL
   );`,
];

export interface SimulatedClockOptions {
  /** Start a fresh data directory's clock here instead of at the real now. */
  startMs?: number;
  rate?: number;
}

export interface PersistedClock {
  clock: Clock;
  /** The stored clock was not a usable instant (an older version took any number): it was replaced. */
  replacedBrokenAnchor: boolean;
  /** Settles once the latest change is on disk; rejects if storing it failed. */
  saved(): Promise<void>;
}

/**
 * The server's clock: the stored simulated clock if there is one (a given rate still applies),
 * else a new simulated clock when a start or rate is given, else real time.
 * Every later change (set, advance, rate) is stored as a unit of work of its own, through
 * `transaction`, so the clock survives restarts and a neighbour's rollback never takes it back.
 */
export function openPersistedClock(
  db: Db,
  options: SimulatedClockOptions,
  transaction: (work: () => void) => Promise<void>,
): PersistedClock {
  const row = db.prepare('SELECT sim_ms AS simMs, real_ms AS realMs, rate FROM clock_anchor WHERE id = 1').get() as
    | ClockAnchor
    | undefined;
  const save = db.prepare(
    'INSERT INTO clock_anchor (id, sim_ms, real_ms, rate) VALUES (1, @simMs, @realMs, @rate) ON CONFLICT(id) DO UPDATE SET sim_ms = excluded.sim_ms, real_ms = excluded.real_ms, rate = excluded.rate',
  );
  // Setting a clock back is refused, so a stored anchor at Infinity would break the directory for good.
  // It starts anew, as in a fresh data directory.
  const usable = row !== undefined && Number.isFinite(row.realMs) && Number.isFinite(row.simMs) && row.simMs <= CLOCK_LIMITS.latestMs && row.rate >= 0 && row.rate <= CLOCK_LIMITS.maxRate;
  const stored = usable ? row : undefined;
  const clock = stored ? new Clock({ anchor: stored }) : new Clock({ startMs: options.startMs, rate: options.rate });
  const simulated = row !== undefined || options.startMs !== undefined || options.rate !== undefined;
  if (stored && options.rate !== undefined) clock.setRate(options.rate);
  if (simulated) save.run(clock.anchor());
  let latestSave = Promise.resolve();
  clock.onChange(() => {
    latestSave = transaction(() => void save.run(clock.anchor()));
    // Whoever made the change learns of a failure through saved(); it must not go unhandled meanwhile.
    latestSave.catch(() => undefined);
  });
  return { clock, replacedBrokenAnchor: row !== undefined && !usable, saved: () => latestSave };
}
