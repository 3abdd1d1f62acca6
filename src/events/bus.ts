import type { EventPublisher, GroundStationEvent } from './types.js';

export type EventListener = (events: readonly GroundStationEvent[]) => void;

/**
 * Holds the events a unit of work publishes until it commits; a rolled-back unit publishes nothing.
 */
export class EventBus implements EventPublisher {
  private pending: GroundStationEvent[] = [];
  private readonly listeners = new Set<EventListener>();

  publish(event: GroundStationEvent): void {
    this.pending.push(event);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A position to roll back to if the unit of work that follows fails. */
  mark(): number {
    return this.pending.length;
  }

  rollbackTo(mark: number): void {
    this.pending.length = mark;
  }

  committed(): void {
    const events = this.pending;
    this.pending = [];
    if (events.length > 0) for (const listener of this.listeners) listener(events);
  }

  rolledBack(): void {
    this.pending = [];
  }
}
