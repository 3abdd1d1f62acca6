import { sineOfElevation, stationFrame, type Site, type StationFrame } from './site.js';
import type { MotionBounds, Trajectory } from './trajectory.js';
import { dot, norm } from './vector.js';

export interface Visibility {
  visible: boolean;
  /** How long (ms, either way in time) visibility is guaranteed not to change; 0 if unknown. */
  steadyMs: number;
}

export interface VisibilityProbe {
  isVisible(timeMs: number): boolean;
  probe(timeMs: number): Visibility;
  sineOfElevation(timeMs: number): number;
}

// Shave the guaranteed spans a little so rounding can never make a skip land past a boundary.
const SAFETY_FACTOR = 0.99;

/**
 * Visibility of a trajectory from a site, with a bound on how long it cannot change.
 *
 * The bound uses ψ, the geocentric angle between satellite and station. A point at radius R
 * sits at elevation ≥ e (measured from the station's geocentric vertical) exactly when
 * ψ ≤ acos(r_s·cos e / R) − e, which grows with R. The geodetic vertical is tilted from the
 * geocentric one by τ, so elevation ≥ mask needs ψ ≤ ψ_out = limit(mask − τ, R_max) and is
 * guaranteed while ψ ≤ ψ_in = limit(mask + τ, R_min). ψ changes no faster than v_max / R_min.
 */
export function visibilityProbe(trajectory: Trajectory, site: Site, fromMs: number, toMs: number): VisibilityProbe {
  const frame = stationFrame(site);
  const bounds = trajectory.motionBounds?.(fromMs, toMs);
  const cone = bounds && visibilityCone(frame, bounds);

  const sine = (timeMs: number) => {
    const position = trajectory.positionEcfKm(timeMs);
    return position ? sineOfElevation(frame, position) : -Infinity;
  };
  return {
    sineOfElevation: sine,
    isVisible: (timeMs) => sine(timeMs) >= frame.sinMask,
    probe(timeMs) {
      const position = trajectory.positionEcfKm(timeMs);
      if (!position) return { visible: false, steadyMs: 0 };
      const visible = sineOfElevation(frame, position) >= frame.sinMask;
      const radius = norm(position);
      if (!cone || radius < cone.minRadiusKm || radius > cone.maxRadiusKm) return { visible, steadyMs: 0 };
      const angle = Math.acos(Math.max(-1, Math.min(1, dot(position, frame.radial) / radius)));
      const margin = visible ? cone.insideAngle - angle : angle - cone.outsideAngle;
      return { visible, steadyMs: margin > 0 ? (SAFETY_FACTOR * margin) / cone.angularRatePerMs : 0 };
    },
  };
}

interface VisibilityCone {
  minRadiusKm: number;
  maxRadiusKm: number;
  /** Beyond this geocentric angle the satellite cannot be visible (NaN: no such guarantee). */
  outsideAngle: number;
  /** Within this geocentric angle the satellite is certainly visible (NaN: none). */
  insideAngle: number;
  angularRatePerMs: number;
}

function visibilityCone(frame: StationFrame, bounds: MotionBounds): VisibilityCone | undefined {
  // The geometry assumes the satellite stays above the station's own radius.
  if (!(bounds.minRadiusKm > frame.radiusKm)) return undefined;
  const limit = (elevation: number, radius: number) =>
    Math.acos((frame.radiusKm * Math.cos(elevation)) / radius) - elevation;
  const highestInside = frame.maskRad + frame.normalTiltRad;
  return {
    minRadiusKm: bounds.minRadiusKm,
    maxRadiusKm: bounds.maxRadiusKm,
    outsideAngle: limit(frame.maskRad - frame.normalTiltRad, bounds.maxRadiusKm),
    insideAngle: highestInside < Math.PI / 2 ? limit(highestInside, bounds.minRadiusKm) : Number.NaN,
    angularRatePerMs: bounds.maxSpeedKmPerSec / bounds.minRadiusKm / 1000,
  };
}
