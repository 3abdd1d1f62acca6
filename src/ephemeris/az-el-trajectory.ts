import { findGroundStation } from '../ground-station/ground-stations.js';
import { trajectoryFromAzEl, type AzElTrack, type Trajectory } from '../orbit/index.js';
import type { AzElData, EphemerisRecord } from './ephemeris-record.js';

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

/** Whether one segment of an az-el ephemeris covers all of [startMs, endMs]: between segments it points nowhere. */
export function azElSegmentCovers(record: EphemerisRecord, startMs: number, endMs: number): boolean {
  if (!('azElData' in record.source)) return false;
  return record.source.azElData.segments.some((segment) => segment.startMs <= startMs && endMs <= segment.endMs);
}
