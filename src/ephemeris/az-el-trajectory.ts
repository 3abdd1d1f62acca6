import { findGroundStation } from '../ground-station/ground-stations.js';
import { trajectoryFromAzEl, type AzElTrack, type Trajectory } from '../orbit/index.js';
import type { AzElData } from './ephemeris-record.js';

const DEGREES_PER_RADIAN = 180 / Math.PI;

/** The supplied segments as tracks in degrees and epoch milliseconds. */
export function azElTracks(data: AzElData): AzElTrack[] {
  const scale = data.angleUnit === 'RADIAN' ? DEGREES_PER_RADIAN : 1;
  return data.segments.map((segment) => ({
    startMs: segment.startMs,
    endMs: segment.endMs,
    points: segment.azElList.map(({ dt, az, el }) => ({
      timeMs: segment.referenceEpochMs + dt * 1000,
      azimuthDeg: az * scale,
      elevationDeg: el * scale,
    })),
  }));
}

/** A validated az-el ephemeris as a trajectory over its own ground station. */
export function azElTrajectory(groundStation: string, data: AzElData): Trajectory {
  const station = findGroundStation(groundStation);
  if (!station) throw new Error(`az-el ephemeris for an unknown ground station ${groundStation}`);
  return trajectoryFromAzEl(station.site, azElTracks(data));
}
