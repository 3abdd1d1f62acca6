import * as satellite from 'satellite.js';
import { lookAngles } from './look-angles.js';
import type { Site } from './site.js';
import type { Trajectory } from './trajectory.js';

const EARTH_RADIUS_KM = 6378.137;

/** A point of a ground track: where the satellite is over the Earth at one moment. */
export interface TrackPoint {
  timeMs: number;
  latitudeDeg: number;
  longitudeDeg: number;
  altitudeKm: number;
}

/** An azimuth/elevation sample of a satellite as a station sees it. */
export interface SkyPoint {
  timeMs: number;
  azimuthDeg: number;
  elevationDeg: number;
}

/** Samples [startMs, endMs] every stepMs, always including both ends. */
function sampleTimes(startMs: number, endMs: number, stepMs: number): number[] {
  const times: number[] = [];
  for (let timeMs = startMs; timeMs < endMs; timeMs += stepMs) times.push(timeMs);
  times.push(endMs);
  return times;
}

/** The sub-satellite points over [startMs, endMs]; instants the data does not cover are left out. */
export function groundTrack(trajectory: Trajectory, startMs: number, endMs: number, stepMs: number): TrackPoint[] {
  const points: TrackPoint[] = [];
  for (const timeMs of sampleTimes(startMs, endMs, stepMs)) {
    const position = trajectory.positionEcfKm(timeMs);
    if (!position) continue;
    // Earth-fixed coordinates are inertial ones at a sidereal angle of zero.
    const geodetic = satellite.eciToGeodetic(position, 0);
    points.push({
      timeMs,
      latitudeDeg: satellite.degreesLat(geodetic.latitude),
      longitudeDeg: satellite.degreesLong(geodetic.longitude),
      altitudeKm: geodetic.height,
    });
  }
  return points;
}

/** Look angles from the site over [startMs, endMs]; instants the data does not cover are left out. */
export function skyTrack(trajectory: Trajectory, site: Site, startMs: number, endMs: number, stepMs: number): SkyPoint[] {
  return sampleTimes(startMs, endMs, stepMs).flatMap((timeMs) => {
    const angles = lookAngles(trajectory, site, timeMs);
    return angles ? [{ timeMs, azimuthDeg: (angles.azimuthDeg + 360) % 360, elevationDeg: angles.elevationDeg }] : [];
  });
}

/**
 * The Earth-central angle within which a satellite at altitudeKm stands above the site's mask:
 * ψ = acos(R·cos e / (R + h)) − e, on a spherical Earth.
 */
export function footprintRadiusDeg(site: Site, altitudeKm: number): number {
  const mask = satellite.degreesToRadians(site.elevationMaskDeg);
  const psi = Math.acos((EARTH_RADIUS_KM * Math.cos(mask)) / (EARTH_RADIUS_KM + altitudeKm)) - mask;
  return satellite.radiansToDegrees(Math.max(0, psi));
}

/**
 * The footprint's edge as [longitude, latitude] pairs (a closed GeoJSON ring, clockwise as seen
 * from above, the winding spherical renderers read as "the small side").
 */
export function footprintRing(site: Site, radiusDeg: number, points = 90): [number, number][] {
  const latitude = satellite.degreesToRadians(site.latitudeDeg);
  const longitude = satellite.degreesToRadians(site.longitudeDeg);
  const distance = satellite.degreesToRadians(radiusDeg);
  const ring: [number, number][] = [];
  for (let index = 0; index <= points; index++) {
    const bearing = (2 * Math.PI * (index % points)) / points;
    const pointLatitude = Math.asin(
      Math.sin(latitude) * Math.cos(distance) + Math.cos(latitude) * Math.sin(distance) * Math.cos(bearing),
    );
    const pointLongitude =
      longitude +
      Math.atan2(Math.sin(bearing) * Math.sin(distance) * Math.cos(latitude), Math.cos(distance) - Math.sin(latitude) * Math.sin(pointLatitude));
    const longitudeDeg = ((satellite.radiansToDegrees(pointLongitude) + 540) % 360) - 180;
    ring.push([longitudeDeg, satellite.radiansToDegrees(pointLatitude)]);
  }
  return ring;
}
