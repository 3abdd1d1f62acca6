import type { GroundStationEvent } from '../events/types.js';
import type { ChangeSource } from './change-scheduler.js';
import { dueEntries, type TimedEntry } from './timeline.js';

/** One record whose changes follow a timeline, as its kind of resource lends it to the scheduler. */
export interface TimedRecord<E extends TimedEntry> {
  timeline: readonly E[];
  publishedKeys: readonly string[];
  /** The event of one entry, stamped with its nominal moment. */
  event(entry: E): GroundStationEvent;
  /** Records, in the publishing transaction, that `entries` are out too. */
  recordPublished(entries: E[]): void;
}

/** Where a kind of resource keeps the moment of each record's next change. */
export interface TimelineIndex<E extends TimedEntry> {
  nextChangeMs(): number | undefined;
  /** The records with a change due by `nowMs`, earliest first. */
  dueBy(nowMs: number): TimedRecord<E>[];
}

/** A kind of resource with timelines, as the change scheduler sees it: each record's due entries, by key. */
export function timelineChanges<E extends TimedEntry>(index: TimelineIndex<E>): ChangeSource {
  return {
    nextChangeMs: () => index.nextChangeMs(),
    dueBy: (nowMs) =>
      index.dueBy(nowMs).map((record) => {
        const due = dueEntries(record.timeline, record.publishedKeys, nowMs);
        return { events: due.map((entry) => record.event(entry)), recordPublished: () => record.recordPublished(due) };
      }),
  };
}
