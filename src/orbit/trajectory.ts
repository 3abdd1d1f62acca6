import type { Vector3 } from './vector.js';

/** A source of Earth-fixed (ITRF-like, km) satellite positions over time. */
export interface Trajectory {
  /** Epoch of the underlying data: the TLE epoch, or the start of an OEM. */
  epochMs: number;
  /** Undefined where the data gives no position (outside coverage, decayed elements). */
  positionEcfKm(timeMs: number): Vector3 | undefined;
  /** The span the data is usable for; absent means unbounded (TLE). */
  coverage?: { startMs: number; endMs: number };
  /**
   * Conservative bounds on the motion over [fromMs, toMs]. Pass search uses them to skip
   * stretches where the satellite cannot reach the station's sky; without them it samples
   * at the fixed minimum step.
   */
  motionBounds?(fromMs: number, toMs: number): MotionBounds | undefined;
}

export interface MotionBounds {
  minRadiusKm: number;
  maxRadiusKm: number;
  /** Upper bound on the speed relative to the rotating Earth. */
  maxSpeedKmPerSec: number;
}

export const EARTH_ROTATION_RAD_PER_SEC = 7.2921158553e-5;
const EARTH_MU_KM3_PER_SEC2 = 398600.4418;

/**
 * Bound on Earth-fixed speed for a free-flying orbit between two radii: vis-viva gives
 * v² = μ(2/r − 1/a) ≤ μ(2/rMin − 1/rMax) (a ≤ apogee ≤ rMax), plus the frame's ω·r.
 */
export function keplerSpeedBound(minRadiusKm: number, maxRadiusKm: number): number {
  const inertial = Math.sqrt(EARTH_MU_KM3_PER_SEC2 * (2 / minRadiusKm - 1 / maxRadiusKm));
  return inertial + EARTH_ROTATION_RAD_PER_SEC * maxRadiusKm;
}
