import { trajectoryFromTle } from '../../src/orbit/index.js';

// The bundled NOAA-20 and Suomi NPP TLEs (data/tle/public-broadcast-2026-07-21.tle).
export const NOAA20_NORAD = 43013;
export const NOAA20_TLE = {
  line1: '1 43013U 17073A   26202.61007573  .00000028  00000+0  34127-4 0  9990',
  line2: '2 43013  98.7772 141.7679 0001601 117.5455 242.5884 14.19517347449354',
};
export const SNPP_TLE = {
  line1: '1 37849U 11061A   26202.59669540  .00000061  00000+0  50149-4 0  9995',
  line2: '2 37849  98.7956 143.2390 0001073 185.7964 174.3200 14.19523619763329',
};

/** A TLE line with its checksum (column 69) recomputed after an edit. */
export function withChecksum(line: string): string {
  let sum = 0;
  for (const character of line.slice(0, 68)) {
    if (character >= '0' && character <= '9') sum += Number(character);
    else if (character === '-') sum += 1;
  }
  return line.slice(0, 68) + String(sum % 10);
}

/** NOAA-20's TLE as one TLEData entry valid over [startSeconds, endSeconds). */
export const tleData = (startSeconds: number, endSeconds: number, tle = NOAA20_TLE) => ({
  tleLine1: tle.line1,
  tleLine2: tle.line2,
  validTimeRange: { startTime: startSeconds, endTime: endSeconds },
});

const ccsds = (ms: number) => new Date(ms).toISOString().replace('Z', '');

/**
 * A valid CCSDS OEM (KVN, ITRF2000) for NOAA-20 over [startMs, endMs], sampled every minute from
 * its TLE; `edit` rewrites the text to make it invalid in one chosen way.
 */
export function noaa20Oem(startMs: number, endMs: number, edit: (text: string) => string = (text) => text): string {
  const trajectory = trajectoryFromTle(NOAA20_TLE.line1, NOAA20_TLE.line2);
  const step = 60_000;
  const first = Math.ceil(startMs / step) * step;
  const lines: string[] = [];
  for (let t = first; t <= endMs; t += step) {
    const p = trajectory.positionEcfKm(t)!;
    const q = trajectory.positionEcfKm(t + 1000)!;
    const numbers = [p.x, p.y, p.z, q.x - p.x, q.y - p.y, q.z - p.z].map((n) => n.toFixed(6));
    lines.push(`${ccsds(t)} ${numbers.join(' ')}`);
  }
  const last = first + step * (lines.length - 1);
  return edit(
    [
      'CCSDS_OEM_VERS = 2.0',
      `CREATION_DATE = ${ccsds(first)}`,
      'ORIGINATOR = GROUND STATION LOCAL TESTS',
      '',
      'META_START',
      'OBJECT_NAME = NOAA 20',
      'OBJECT_ID = 2017-073A',
      'CENTER_NAME = EARTH',
      'REF_FRAME = ITRF2000',
      'TIME_SYSTEM = UTC',
      `START_TIME = ${ccsds(first)}`,
      `STOP_TIME = ${ccsds(last)}`,
      'INTERPOLATION = LAGRANGE',
      'INTERPOLATION_DEGREE = 5',
      'META_STOP',
      '',
      ...lines,
      '',
    ].join('\n'),
  );
}
