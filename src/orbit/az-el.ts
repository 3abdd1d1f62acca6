import * as satellite from 'satellite.js';
import { observerGeodetic, type Site } from './site.js';
import type { Trajectory } from './trajectory.js';
import type { Vector3 } from './vector.js';

/** One pointing sample: where the antenna looks at an instant. */
export interface AzElPoint {
  timeMs: number;
  azimuthDeg: number;
  elevationDeg: number;
}

/** A segment of pointing samples in time order, valid over [startMs, endMs]. */
export interface AzElTrack {
  startMs: number;
  endMs: number;
  points: AzElPoint[];
}

// 4th-order Lagrange, as AWS documents for az-el ephemerides: five samples around the instant.
const LAGRANGE_POINTS = 5;
// Any range gives the same look angles; a satellite-like one keeps the arithmetic well scaled.
const POINTING_RANGE_KM = 1000;

/** Azimuth and elevation at timeMs, interpolated in the segment that covers it; undefined in a gap. */
export function azElAt(tracks: readonly AzElTrack[], timeMs: number): { azimuthDeg: number; elevationDeg: number } | undefined {
  const track = tracks.find((t) => t.startMs <= timeMs && timeMs <= t.endMs);
  if (!track) return undefined;
  const { points } = track;
  const nearest = lowerBound(points, timeMs);
  const first = Math.max(0, Math.min(points.length - LAGRANGE_POINTS, nearest - Math.floor(LAGRANGE_POINTS / 2)));
  const window = points.slice(first, first + LAGRANGE_POINTS);
  // Unwrap azimuth across north so 359° → 1° interpolates through 0°, not back through 180°.
  const azimuths: number[] = [];
  for (const point of window) {
    const previous = azimuths[azimuths.length - 1];
    azimuths.push(previous === undefined ? point.azimuthDeg : previous + wrap180(point.azimuthDeg - previous));
  }
  const times = window.map((p) => p.timeMs);
  const azimuthDeg = lagrange(times, azimuths, timeMs);
  const elevationDeg = lagrange(times, window.map((p) => p.elevationDeg), timeMs);
  return { azimuthDeg: ((azimuthDeg % 360) + 360) % 360, elevationDeg: Math.max(-90, Math.min(90, elevationDeg)) };
}

/**
 * An az-el track as a trajectory over the one site it was made for: a point along the pointing
 * direction, so look angles from the site reproduce the track and pass search finds the times it
 * is above the mask. Between segments there is no position, as outside coverage.
 */
export function trajectoryFromAzEl(site: Site, tracks: readonly AzElTrack[]): Trajectory {
  const observer = observerGeodetic(site);
  const origin = satellite.geodeticToEcf(observer);
  const [sinLat, cosLat] = [Math.sin(observer.latitude), Math.cos(observer.latitude)];
  const [sinLon, cosLon] = [Math.sin(observer.longitude), Math.cos(observer.longitude)];
  const east = { x: -sinLon, y: cosLon, z: 0 };
  const north = { x: -sinLat * cosLon, y: -sinLat * sinLon, z: cosLat };
  const up = { x: cosLat * cosLon, y: cosLat * sinLon, z: sinLat };
  const startMs = Math.min(...tracks.map((t) => t.startMs));
  const endMs = Math.max(...tracks.map((t) => t.endMs));
  return {
    epochMs: startMs,
    coverage: { startMs, endMs },
    positionEcfKm(timeMs: number): Vector3 | undefined {
      const angles = azElAt(tracks, timeMs);
      if (!angles) return undefined;
      const az = satellite.degreesToRadians(angles.azimuthDeg);
      const el = satellite.degreesToRadians(angles.elevationDeg);
      const [e, n, u] = [Math.sin(az) * Math.cos(el), Math.cos(az) * Math.cos(el), Math.sin(el)];
      return {
        x: origin.x + POINTING_RANGE_KM * (e * east.x + n * north.x + u * up.x),
        y: origin.y + POINTING_RANGE_KM * (e * east.y + n * north.y + u * up.y),
        z: origin.z + POINTING_RANGE_KM * (e * east.z + n * north.z + u * up.z),
      };
    },
  };
}

const wrap180 = (degrees: number) => ((((degrees + 180) % 360) + 360) % 360) - 180;

/** Index of the first point at or after timeMs (points are in time order). */
function lowerBound(points: readonly AzElPoint[], timeMs: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (points[middle]!.timeMs < timeMs) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lagrange(times: readonly number[], values: readonly number[], time: number): number {
  let result = 0;
  for (let i = 0; i < times.length; i++) {
    let weight = 1;
    for (let j = 0; j < times.length; j++) if (j !== i) weight *= (time - times[j]!) / (times[i]! - times[j]!);
    result += weight * values[i]!;
  }
  return result;
}
