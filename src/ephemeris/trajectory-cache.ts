import type { Trajectory } from '../orbit/index.js';

// Parsed trajectories by cache key. Keys name immutable data (an ephemeris's supplied data never
// changes; a default TLE is keyed by its text), so entries never go stale, only out of use.
const MAX_ENTRIES = 256;
const trajectories = new Map<string, Trajectory>();

export function cachedTrajectory(cacheKey: string, build: () => Trajectory): Trajectory {
  let trajectory = trajectories.get(cacheKey);
  if (trajectory) {
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    trajectories.delete(cacheKey);
  } else {
    trajectory = build();
    if (trajectories.size >= MAX_ENTRIES) trajectories.delete(trajectories.keys().next().value!);
  }
  trajectories.set(cacheKey, trajectory);
  return trajectory;
}
