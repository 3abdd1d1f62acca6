import { randomUUID } from 'node:crypto';

// The only place that reads real time or makes random ids. Time runs at `rate` from an anchor,
// so a simulated clock can be set, advanced and sped up; rate 1 from the real now is real time.
export interface ClockState {
  now: number; // epoch milliseconds
  rate: number;
}

const COUNTER_HEX = Array.from({ length: 0x1000 }, (_, counter) => counter.toString(16).padStart(3, '0'));

export type ClockListener = (previousMs: number, nowMs: number) => void;

/** Where the simulated timeline is pinned to real time; enough to rebuild the clock after a restart. */
export interface ClockAnchor {
  simMs: number;
  realMs: number;
  rate: number;
}

interface Wakeup {
  atMs: number;
  callback: () => void;
  timer?: NodeJS.Timeout;
}

/**
 * The clock stays between 1970 and the start of year 9999 (the instants a request may name, see
 * protocol/input.ts), and runs at most a million times real time: it is stored, and every time an
 * answer gives comes from it.
 */
export const CLOCK_LIMITS = { latestMs: Date.UTC(9999, 0, 1), maxRate: 1_000_000 };

// setTimeout cannot wait longer than this; longer waits re-arm when it fires.
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Clock {
  private anchorRealMs: number;
  private anchorSimMs: number;
  private rate: number;
  private readonly listeners = new Set<ClockListener>();
  private readonly wakeups = new Set<Wakeup>();
  // The last version-7 id made: its millisecond, the counter within it, and the text before the counter.
  private idMs = 0;
  private idCounter = 0;
  private idPrefix = '';

  constructor(options: { startMs?: number; rate?: number; anchor?: ClockAnchor } = {}) {
    this.anchorRealMs = options.anchor?.realMs ?? Date.now();
    this.anchorSimMs = options.anchor?.simMs ?? options.startMs ?? this.anchorRealMs;
    this.rate = options.anchor?.rate ?? options.rate ?? 1;
  }

  anchor(): ClockAnchor {
    return { simMs: this.anchorSimMs, realMs: this.anchorRealMs, rate: this.rate };
  }

  /**
   * Calls `callback` once the clock reaches `atMs`, however it gets there: running at any rate,
   * set or advanced. Returns a function that cancels the wakeup.
   */
  wakeAt(atMs: number, callback: () => void): () => void {
    const wakeup: Wakeup = { atMs, callback };
    this.wakeups.add(wakeup);
    this.arm(wakeup);
    return () => {
      clearTimeout(wakeup.timer);
      this.wakeups.delete(wakeup);
    };
  }

  nowMs(): number {
    return this.anchorSimMs + (Date.now() - this.anchorRealMs) * this.rate;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Real time, whatever the simulated clock says: what clients' own clocks are checked against (signing). */
  realNowMs(): number {
    return Date.now();
  }

  state(): ClockState {
    return { now: this.nowMs(), rate: this.rate };
  }

  /**
   * A version-7 UUID (RFC 9562): real milliseconds, a counter within the millisecond, random bits.
   * Ids made later sort later, so the store's id index only ever appends instead of dirtying a
   * random page per insert. Same shape as the service's ids (the model's Uuid pattern).
   */
  newId(): string {
    const nowMs = Date.now();
    if (nowMs > this.idMs) {
      this.setIdMs(nowMs);
    } else if (++this.idCounter > 0xfff) {
      this.setIdMs(this.idMs + 1);
    }
    return this.idPrefix + COUNTER_HEX[this.idCounter] + randomUUID().slice(18);
  }

  /** A request id: nothing indexes it, so it stays a plain random UUID. */
  newRequestId(): string {
    return randomUUID();
  }

  /** Moves the clock to `targetMs`; time never runs backwards. */
  set(targetMs: number): void {
    const previous = this.nowMs();
    if (targetMs < previous) throw new RangeError('the clock cannot be set backwards');
    if (!(targetMs <= CLOCK_LIMITS.latestMs)) throw new RangeError('the clock cannot go past 9999-01-01T00:00:00Z (253370764800 epoch seconds)');
    this.reanchor(targetMs);
    this.notify(previous, targetMs);
  }

  advance(seconds: number): void {
    if (seconds < 0) throw new RangeError('the clock cannot be advanced by a negative amount');
    this.set(this.nowMs() + seconds * 1000);
  }

  setRate(rate: number): void {
    if (!(rate >= 0 && rate <= CLOCK_LIMITS.maxRate)) throw new RangeError(`rate must be a number from 0 to ${CLOCK_LIMITS.maxRate}`);
    const now = this.nowMs();
    this.reanchor(now);
    this.rate = rate;
    this.notify(now, now);
  }

  onChange(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setIdMs(ms: number): void {
    const time = ms.toString(16).padStart(12, '0');
    this.idMs = ms;
    this.idCounter = 0;
    this.idPrefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
  }

  private reanchor(simMs: number): void {
    this.anchorRealMs = Date.now();
    this.anchorSimMs = simMs;
  }

  private notify(previous: number, now: number): void {
    for (const wakeup of this.wakeups) this.arm(wakeup);
    for (const listener of this.listeners) listener(previous, now);
  }

  /** (Re)starts the real timer behind a wakeup, or fires it if its moment has come. */
  private arm(wakeup: Wakeup): void {
    clearTimeout(wakeup.timer);
    wakeup.timer = undefined;
    const remainingMs = wakeup.atMs - this.nowMs();
    if (remainingMs <= 0) {
      this.wakeups.delete(wakeup);
      // Never inside the caller's stack: a wakeup may itself change the clock or open a transaction.
      setImmediate(wakeup.callback);
      return;
    }
    if (this.rate === 0) return; // a frozen clock only moves by set/advance, which re-arm
    wakeup.timer = setTimeout(() => this.arm(wakeup), Math.min(MAX_TIMER_MS, Math.ceil(remainingMs / this.rate)));
    wakeup.timer.unref();
  }
}

/** What one unit of work reads of the clock. */
export interface UnitClock {
  nowMs(): number;
  now(): Date;
  newId(): string;
}

/**
 * The clock as one unit of work sees it: its first reading of now holds for the rest of the unit
 * (also when the unit runs again on a retried commit), so one request never sees two times.
 */
export class FixedNow implements UnitClock {
  private fixedMs: number | undefined;

  constructor(private readonly clock: Clock) {}

  nowMs(): number {
    return (this.fixedMs ??= this.clock.nowMs());
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  newId(): string {
    return this.clock.newId();
  }
}
