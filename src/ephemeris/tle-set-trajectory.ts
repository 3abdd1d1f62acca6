import { trajectoryFromTle, type MotionBounds, type Trajectory } from '../orbit/index.js';
import type { TleSegment } from './ephemeris-record.js';

/**
 * One trajectory from a TLE set: each instant uses the TLE whose valid range holds it
 * (start-inclusive, end-exclusive); outside every range there is no position.
 */
export function tleSetTrajectory(segments: readonly TleSegment[]): Trajectory {
  const parts = segments.map((segment) => ({ ...segment, trajectory: trajectoryFromTle(segment.line1, segment.line2) }));
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;

  // Ranges are sorted and abut (validation guarantees it), so a binary search finds the TLE.
  const partAt = (timeMs: number) => {
    let low = 0;
    let high = parts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const part = parts[middle]!;
      if (timeMs < part.startMs) high = middle - 1;
      else if (timeMs >= part.endMs) low = middle + 1;
      else return part;
    }
    return undefined;
  };

  return {
    epochMs: first.trajectory.epochMs,
    coverage: { startMs: first.startMs, endMs: last.endMs },
    positionEcfKm: (timeMs) => partAt(timeMs)?.trajectory.positionEcfKm(timeMs),
    motionBounds(fromMs, toMs): MotionBounds | undefined {
      const overlapping = parts.filter((part) => part.startMs <= toMs && fromMs < part.endMs);
      const bounds = overlapping.map((part) => part.trajectory.motionBounds?.(Math.max(fromMs, part.startMs), Math.min(toMs, part.endMs)));
      if (bounds.length === 0 || bounds.some((b) => b === undefined)) return undefined;
      return {
        minRadiusKm: Math.min(...bounds.map((b) => b!.minRadiusKm)),
        maxRadiusKm: Math.max(...bounds.map((b) => b!.maxRadiusKm)),
        maxSpeedKmPerSec: Math.max(...bounds.map((b) => b!.maxSpeedKmPerSec)),
      };
    },
  };
}
