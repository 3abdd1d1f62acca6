import type { GroundStationEvent } from '../events/types.js';
import type { Scope } from '../store/resources.js';
import type { ChangeSource } from './change-scheduler.js';
import type { PublishedChanges } from './published-changes.js';
import { dueEntries, type TimedEntry } from './timeline.js';

/** One record whose changes follow a timeline, as its kind of resource lends it to the scheduler. */
export interface TimedRecord<E extends TimedEntry> {
  timeline: readonly E[];
  /** The events of one entry, stamped with its nominal moment. */
  events(entry: E): GroundStationEvent[];
  /** What else publishing changes, in the publishing transaction, once `publishedKeys` (all of them) are out. */
  recordPublished?(publishedKeys: readonly string[]): void;
}

/**
 * A kind of resource with timelines, as the change scheduler sees it: the table finds the records
 * with a change due and what each has published; `load` reads a record's timeline, or finds it gone.
 */
export function timelineChanges<E extends TimedEntry>(
  table: PublishedChanges,
  kind: string,
  load: (scope: Scope, id: string) => TimedRecord<E> | undefined,
): ChangeSource {
  return {
    nextChangeMs: () => table.nextChangeMs(kind),
    dueBy: (nowMs) =>
      table.dueBy(kind, nowMs).map(({ scope, id, publishedKeys }) => {
        const record = load(scope, id);
        // Deleted meanwhile: nothing to publish, and its row goes.
        if (!record) return { events: [], recordPublished: () => table.forget(scope, kind, id) };
        const due = dueEntries(record.timeline, publishedKeys, nowMs);
        const published = [...publishedKeys, ...due.map((entry) => entry.key)];
        return {
          events: due.flatMap((entry) => record.events(entry)),
          recordPublished: () => {
            if (due.length > 0) record.recordPublished?.(published);
            table.save(scope, kind, id, record.timeline, published);
          },
        };
      }),
  };
}
