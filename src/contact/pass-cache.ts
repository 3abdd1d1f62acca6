import { findPasses, PASS_FOLLOW_MS, type Pass, type Trajectory } from '../orbit/index.js';
import type { GroundStation } from '../ground-station/ground-stations.js';

const DAY_MS = 86_400_000;
// A bound on memory: about a year of days for a dozen satellite-station pairs.
const MAX_CACHED_DAYS = 5000;
const STEP_SECONDS = 10;

export interface PassSource {
  trajectory: Trajectory;
  /** Changes whenever the ephemeris behind the trajectory does. */
  cacheKey: string;
}

/**
 * Passes computed per UTC day and kept in memory, so listing the same week again costs nothing;
 * one per app, built in buildApp.
 */
export class PassCache {
  private readonly passesByDay = new Map<string, Pass[]>();

  /**
   * Passes of a satellite over a station that are above the mask at some moment of [fromMs, toMs),
   * each with its true rise and set however long ago it rose or however late it sets (within
   * PASS_FOLLOW_MS of the days searched and the ephemeris's coverage). The days' answers are
   * joined, so a pass is never cut at a day. Sampling catches any pass of `shortestSeconds`.
   * Callers bound the window (by the horizon): the work grows with its days.
   */
  between(source: PassSource, station: GroundStation, fromMs: number, toMs: number, shortestSeconds = STEP_SECONDS): Pass[] {
    const stepSeconds = Math.min(STEP_SECONDS, shortestSeconds);
    const joined: Pass[] = [];
    const lastDay = Math.floor((toMs - 1) / DAY_MS);
    for (let day = Math.floor(fromMs / DAY_MS); day <= lastDay; day++) {
      for (const pass of this.overlapping(source, station, day, stepSeconds)) {
        if (pass.setMs < fromMs || pass.riseMs >= toMs) continue;
        const last = joined[joined.length - 1];
        if (last && pass.riseMs <= last.setMs) joined[joined.length - 1] = join(last, pass);
        else joined.push(pass);
      }
    }
    return joined;
  }

  private overlapping(source: PassSource, station: GroundStation, day: number, stepSeconds: number): Pass[] {
    const { site } = station;
    const key = [source.cacheKey, station.groundStationName, site.elevationMaskDeg, stepSeconds, day].join('|');
    let passes = this.passesByDay.get(key);
    if (!passes) {
      const dayStartMs = day * DAY_MS;
      passes = findPasses(source.trajectory, site, dayStartMs, dayStartMs + DAY_MS - 1, {
        minimumStepSeconds: stepSeconds,
        followMs: PASS_FOLLOW_MS,
      });
      if (this.passesByDay.size >= MAX_CACHED_DAYS) this.passesByDay.clear();
      this.passesByDay.set(key, passes);
    }
    return passes;
  }
}

/**
 * The pass in progress at atMs, if any, searched directly rather than by day: one look when the
 * satellite is below the mask there.
 */
export function passesAt(source: PassSource, station: GroundStation, atMs: number, shortestSeconds = STEP_SECONDS): Pass[] {
  return findPasses(source.trajectory, station.site, atMs, atMs, {
    minimumStepSeconds: Math.min(STEP_SECONDS, shortestSeconds),
    followMs: PASS_FOLLOW_MS,
  });
}

/**
 * One pass seen from two days: the same rise and set unless it outlasts the follow limit, then
 * the union (whose peak is the higher of the two).
 */
function join(a: Pass, b: Pass): Pass {
  const peak = b.maxElevationDeg > a.maxElevationDeg ? b : a;
  return {
    riseMs: Math.min(a.riseMs, b.riseMs),
    setMs: Math.max(a.setMs, b.setMs),
    maxElevationDeg: peak.maxElevationDeg,
    maxElevationMs: peak.maxElevationMs,
  };
}

/** A pass as contacts offer it: rise and set rounded inward to whole seconds (SEMANTICS §2.4). */
export const contactWindow = (pass: Pass) => ({
  startMs: Math.ceil(pass.riseMs / 1000) * 1000,
  endMs: Math.floor(pass.setMs / 1000) * 1000,
});

export const roundElevation = (degrees: number) => Math.round(degrees * 100) / 100;
