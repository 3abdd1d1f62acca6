import * as satellite from 'satellite.js';
import { observerGeodetic, type Site } from './site.js';
import type { Trajectory } from './trajectory.js';

export interface LookAngles {
  /** Clockwise from true north, [0, 360). */
  azimuthDeg: number;
  elevationDeg: number;
  rangeKm: number;
}

/** Where the antenna points at timeMs; undefined where the trajectory has no position. */
export function lookAngles(trajectory: Trajectory, site: Site, timeMs: number): LookAngles | undefined {
  const position = trajectory.positionEcfKm(timeMs);
  if (!position) return undefined;
  const angles = satellite.ecfToLookAngles(observerGeodetic(site), position);
  return {
    azimuthDeg: satellite.radiansToDegrees(angles.azimuth) % 360,
    elevationDeg: satellite.radiansToDegrees(angles.elevation),
    rangeKm: angles.rangeSat,
  };
}
