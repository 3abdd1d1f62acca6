import type { Trajectory } from '../orbit/index.js';

const MAX_ENTRIES = 256;

/**
 * Parsed trajectories by cache key, least recently used out first. Keys name immutable data (an
 * ephemeris's supplied data never changes; a default TLE is keyed by its text), so entries never
 * go stale, only out of use.
 */
export class TrajectoryCache {
  private readonly trajectories = new Map<string, Trajectory>();

  get(cacheKey: string, build: () => Trajectory): Trajectory {
    let trajectory = this.trajectories.get(cacheKey);
    if (trajectory) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.trajectories.delete(cacheKey);
    } else {
      trajectory = build();
      if (this.trajectories.size >= MAX_ENTRIES) this.trajectories.delete(this.trajectories.keys().next().value!);
    }
    this.trajectories.set(cacheKey, trajectory);
    return trajectory;
  }
}
