import { randomUUID } from 'node:crypto';

// The only place that reads real time or makes random ids. Time runs at `rate` from an anchor,
// so a simulated clock can be set, advanced and sped up; rate 1 from the real now is real time.
export interface ClockState {
  now: number; // epoch milliseconds
  rate: number;
}

export type ClockListener = (previousMs: number, nowMs: number) => void;

export class Clock {
  private anchorRealMs: number;
  private anchorSimMs: number;
  private rate: number;
  private readonly listeners = new Set<ClockListener>();

  constructor(options: { startMs?: number; rate?: number } = {}) {
    this.anchorRealMs = Date.now();
    this.anchorSimMs = options.startMs ?? this.anchorRealMs;
    this.rate = options.rate ?? 1;
  }

  nowMs(): number {
    return this.anchorSimMs + (Date.now() - this.anchorRealMs) * this.rate;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  state(): ClockState {
    return { now: this.nowMs(), rate: this.rate };
  }

  newId(): string {
    return randomUUID();
  }

  /** Moves the clock to `targetMs`; time never runs backwards. */
  set(targetMs: number): void {
    const previous = this.nowMs();
    if (targetMs < previous) throw new RangeError('the clock cannot be set backwards');
    this.reanchor(targetMs);
    this.notify(previous, targetMs);
  }

  advance(seconds: number): void {
    if (seconds < 0) throw new RangeError('the clock cannot be advanced by a negative amount');
    this.set(this.nowMs() + seconds * 1000);
  }

  setRate(rate: number): void {
    if (!(rate >= 0) || !Number.isFinite(rate)) throw new RangeError('rate must be a finite number >= 0');
    this.reanchor(this.nowMs());
    this.rate = rate;
  }

  onChange(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private reanchor(simMs: number): void {
    this.anchorRealMs = Date.now();
    this.anchorSimMs = simMs;
  }

  private notify(previous: number, now: number): void {
    for (const listener of this.listeners) listener(previous, now);
  }
}
