import { eme2000ToEcf } from './frames.js';
import { interpolate, samplesNeeded } from './interpolation.js';
import type { OemEphemeris, OemSegment } from './oem.js';
import { EARTH_ROTATION_RAD_PER_SEC, keplerSpeedBound, type MotionBounds, type Trajectory } from './trajectory.js';
import { norm, type Vector3 } from './vector.js';

/** Interpolates a parsed OEM as declared and returns Earth-fixed positions within its useable span. */
export function trajectoryFromOem(ephemeris: OemEphemeris): Trajectory {
  const segments = ephemeris.segments;
  const coverage = {
    startMs: Math.min(...segments.map((segment) => segment.useableStartMs)),
    endMs: Math.max(...segments.map((segment) => segment.useableStopMs)),
  };
  return {
    epochMs: Math.min(...segments.map((segment) => segment.startMs)),
    coverage,
    positionEcfKm(timeMs: number): Vector3 | undefined {
      const segment = segments.find((s) => s.useableStartMs <= timeMs && timeMs <= s.useableStopMs);
      return segment && segmentPositionEcf(segment, timeMs);
    },
    motionBounds(fromMs: number, toMs: number): MotionBounds | undefined {
      return oemMotionBounds(segments.filter((s) => s.useableStartMs <= toMs && fromMs <= s.useableStopMs));
    },
  };
}

function segmentPositionEcf(segment: OemSegment, timeMs: number): Vector3 {
  const { states } = segment;
  const count = samplesNeeded(segment.interpolation, segment.interpolationDegree);
  // Centre the samples on the interval holding timeMs, shifted inwards at the ends.
  const centred = lastStateAtOrBefore(segment, timeMs) - Math.floor((count - 1) / 2);
  const first = Math.min(Math.max(centred, 0), states.length - count);
  const window = states.slice(first, first + count);
  const originMs = window[0]!.epochMs;
  const position = interpolate(
    segment.interpolation,
    {
      times: window.map((state) => (state.epochMs - originMs) / 1000),
      positions: window.map((state) => state.positionKm),
      velocities: window.map((state) => state.velocityKmPerSec),
    },
    (timeMs - originMs) / 1000,
  );
  return segment.referenceFrame === 'ITRF2000' ? position : eme2000ToEcf(position, timeMs);
}

function lastStateAtOrBefore({ states }: OemSegment, timeMs: number): number {
  let low = 0;
  let high = states.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (states[middle]!.epochMs <= timeMs) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Radii and Earth-fixed speed over the states, widened for what interpolation can add between
 * them (1% + 10 km, 5%), and never below the Kepler bound for the same radii.
 */
function oemMotionBounds(segments: OemSegment[]): MotionBounds | undefined {
  if (segments.length === 0) return undefined;
  let minRadiusKm = Infinity;
  let maxRadiusKm = 0;
  let maxSpeedKmPerSec = 0;
  for (const segment of segments) {
    for (const { positionKm, velocityKmPerSec } of segment.states) {
      const radius = norm(positionKm);
      const inertialFrameAllowance = segment.referenceFrame === 'EME2000' ? EARTH_ROTATION_RAD_PER_SEC * radius : 0;
      minRadiusKm = Math.min(minRadiusKm, radius);
      maxRadiusKm = Math.max(maxRadiusKm, radius);
      maxSpeedKmPerSec = Math.max(maxSpeedKmPerSec, norm(velocityKmPerSec) + inertialFrameAllowance);
    }
  }
  const marginKm = 0.01 * maxRadiusKm + 10;
  minRadiusKm -= marginKm;
  maxRadiusKm += marginKm;
  if (!(minRadiusKm > 0)) return undefined;
  return {
    minRadiusKm,
    maxRadiusKm,
    maxSpeedKmPerSec: Math.max(1.05 * maxSpeedKmPerSec, 1.02 * keplerSpeedBound(minRadiusKm, maxRadiusKm)),
  };
}
