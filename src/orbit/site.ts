import * as satellite from 'satellite.js';
import { dot, norm, type Vector3 } from './vector.js';

/** A ground station on the WGS84 ellipsoid and the elevation above which it can track. */
export interface Site {
  latitudeDeg: number;
  longitudeDeg: number;
  altitudeMeters: number;
  elevationMaskDeg: number;
}

/** What pass search needs of a site, computed once so the hot loop is dot products. */
export interface StationFrame {
  positionKm: Vector3;
  radiusKm: number;
  /** Unit geocentric direction of the station. */
  radial: Vector3;
  /** Unit geodetic normal: elevations are measured from the plane normal to it. */
  up: Vector3;
  maskRad: number;
  sinMask: number;
  /** Angle between `up` and `radial` (at most ~0.19°, largest at 45° latitude). */
  normalTiltRad: number;
}

export const observerGeodetic = (site: Site): satellite.GeodeticLocation => ({
  latitude: satellite.degreesToRadians(site.latitudeDeg),
  longitude: satellite.degreesToRadians(site.longitudeDeg),
  height: site.altitudeMeters / 1000,
});

export function stationFrame(site: Site): StationFrame {
  const observer = observerGeodetic(site);
  const positionKm = satellite.geodeticToEcf(observer);
  const radiusKm = norm(positionKm);
  const radial = { x: positionKm.x / radiusKm, y: positionKm.y / radiusKm, z: positionKm.z / radiusKm };
  const cosLatitude = Math.cos(observer.latitude);
  const up = {
    x: cosLatitude * Math.cos(observer.longitude),
    y: cosLatitude * Math.sin(observer.longitude),
    z: Math.sin(observer.latitude),
  };
  const maskRad = satellite.degreesToRadians(site.elevationMaskDeg);
  return {
    positionKm,
    radiusKm,
    radial,
    up,
    maskRad,
    sinMask: Math.sin(maskRad),
    normalTiltRad: Math.acos(Math.min(1, dot(up, radial))),
  };
}

/** Sine of the elevation of an Earth-fixed point seen from the station. */
export function sineOfElevation(frame: StationFrame, positionEcfKm: Vector3): number {
  const dx = positionEcfKm.x - frame.positionKm.x;
  const dy = positionEcfKm.y - frame.positionKm.y;
  const dz = positionEcfKm.z - frame.positionKm.z;
  return (dx * frame.up.x + dy * frame.up.y + dz * frame.up.z) / Math.sqrt(dx * dx + dy * dy + dz * dz);
}
