import { findPasses, type Pass, type Trajectory } from '../orbit/index.js';
import type { GroundStation } from '../ground-station/ground-stations.js';

const DAY_MS = 86_400_000;
// Passes in progress when a window opens rose before it: look back this far for them.
const LOOK_BACK_MS = 30 * 60_000;
// A bound on memory: about a year of days for a dozen satellite-station pairs.
const MAX_CACHED_DAYS = 5000;
const STEP_SECONDS = 10;

export interface PassSource {
  trajectory: Trajectory;
  /** Changes whenever the ephemeris behind the trajectory does. */
  cacheKey: string;
}

/** Passes computed per UTC day of rise and kept in memory, so listing the same week again costs nothing. */
export class PassCache {
  private readonly passesByDay = new Map<string, Pass[]>();

  /**
   * Passes of a satellite over a station that are above the mask at some moment of [fromMs, toMs),
   * each with its true rise and set. Sampling is fine enough to catch any pass of `shortestSeconds`.
   */
  between(source: PassSource, station: GroundStation, fromMs: number, toMs: number, shortestSeconds = STEP_SECONDS): Pass[] {
    const stepSeconds = Math.min(STEP_SECONDS, shortestSeconds);
    const passes: Pass[] = [];
    const lastDay = Math.floor((toMs - 1) / DAY_MS);
    for (let day = Math.floor((fromMs - LOOK_BACK_MS) / DAY_MS); day <= lastDay; day++) {
      for (const pass of this.risingOn(source, station, day, stepSeconds)) {
        if (pass.setMs > fromMs && pass.riseMs < toMs) passes.push(pass);
      }
    }
    return passes;
  }

  private risingOn(source: PassSource, station: GroundStation, day: number, stepSeconds: number): Pass[] {
    const { site } = station;
    const key = [source.cacheKey, station.groundStationName, site.elevationMaskDeg, stepSeconds, day].join('|');
    let passes = this.passesByDay.get(key);
    if (!passes) {
      const dayStartMs = day * DAY_MS;
      passes = findPasses(source.trajectory, site, dayStartMs, dayStartMs + DAY_MS, { minimumStepSeconds: stepSeconds }).filter(
        (pass) => pass.riseMs >= dayStartMs,
      );
      if (this.passesByDay.size >= MAX_CACHED_DAYS) this.passesByDay.clear();
      this.passesByDay.set(key, passes);
    }
    return passes;
  }
}

/** A pass as contacts offer it: rise and set rounded inward to whole seconds (SEMANTICS §2.4). */
export const contactWindow = (pass: Pass) => ({
  startMs: Math.ceil(pass.riseMs / 1000) * 1000,
  endMs: Math.floor(pass.setMs / 1000) * 1000,
});

export const roundElevation = (degrees: number) => Math.round(degrees * 100) / 100;
