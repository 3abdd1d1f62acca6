/**
 * One change a record goes through at a moment of the clock, named by a key that stays the same
 * whatever else the timeline holds (`contact:PASS`, `group:<id>:POSTPASS`, `ephemeris:EXPIRED`).
 */
export interface TimedEntry {
  key: string;
  atMs: number;
}

/**
 * How far a record's timeline has been published: the keys that are out, and the latest moment
 * among them. Entries are published in time order, every entry due at one moment together; so an
 * unpublished entry at or before that moment joined the timeline after its moment had passed (a
 * newer build's event kind, an update after the fact) and is skipped: never published late.
 */
export function publishedThroughMs(timeline: readonly TimedEntry[], publishedKeys: readonly string[]): number {
  const published = new Set(publishedKeys);
  let latestMs = Number.NEGATIVE_INFINITY;
  for (const entry of timeline) if (published.has(entry.key)) latestMs = Math.max(latestMs, entry.atMs);
  return latestMs;
}

/** The entries still to publish, in time order: unpublished and after the latest moment published. */
export function pendingEntries<E extends TimedEntry>(timeline: readonly E[], publishedKeys: readonly string[]): E[] {
  const published = new Set(publishedKeys);
  const throughMs = publishedThroughMs(timeline, publishedKeys);
  return timeline.filter((entry) => !published.has(entry.key) && entry.atMs > throughMs).sort((a, b) => a.atMs - b.atMs);
}

/** The pending entries due by `nowMs`, in time order. */
export function dueEntries<E extends TimedEntry>(timeline: readonly E[], publishedKeys: readonly string[], nowMs: number): E[] {
  return pendingEntries(timeline, publishedKeys).filter((entry) => entry.atMs <= nowMs);
}

/** When the next pending entry falls due, if any is left. */
export function nextEntryMs(timeline: readonly TimedEntry[], publishedKeys: readonly string[]): number | undefined {
  return pendingEntries(timeline, publishedKeys)[0]?.atMs;
}

/**
 * An interruption (a cancellation, a fault) cuts a timeline and adds entries at the moment just
 * published: they are new by design, not added after their moment, so they are chosen by key.
 */
export const addedEntries = <E extends TimedEntry>(before: readonly TimedEntry[], after: readonly E[], nowMs: number): E[] => {
  const earlier = new Set(before.map((entry) => entry.key));
  return after.filter((entry) => !earlier.has(entry.key) && entry.atMs <= nowMs);
};

/**
 * The keys of the first `count` entries: what a record that counted its published entries by
 * position (builds before keys) had published. Used by the migrations to keys.
 */
export const keysOfPositions = (timeline: readonly TimedEntry[], count: number): string[] =>
  timeline.slice(0, count).map((entry) => entry.key);
