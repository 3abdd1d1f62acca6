// The floor for a visibility search: a raw satellite.js loop, in-process, over the same span.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { degreesToRadians, ecfToLookAngles, eciToEcf, gstime, propagate, twoline2satrec, type SatRec } from 'satellite.js';
import { ROOT } from './server-process.js';

export const TLE_FILE = resolve(ROOT, 'data/tle/public-broadcast-2026-07-21.tle');
// The day the TLE file is from: benches that simulate the clock start it there.
export const CLOCK_START = '2026-07-21T00:00:00Z';
export const START_MS = Date.parse(CLOCK_START);
export const STEP_SECONDS = 10;

export interface Site {
  latitude: number;
  longitude: number;
  altitudeMeters: number;
}

/** Every TLE in the bundled file (name line, then lines 1 and 2). */
export function bundledSatrecs(): SatRec[] {
  const lines = readFileSync(TLE_FILE, 'utf8').split('\n').map((line) => line.trimEnd()).filter(Boolean);
  const satrecs: SatRec[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i]!.startsWith('1 ') && lines[i + 1]!.startsWith('2 ')) {
      satrecs.push(twoline2satrec(lines[i]!, lines[i + 1]!));
      i++;
    }
  }
  return satrecs;
}

/** NOAA-20's lines 1 and 2 from the bundled file. */
export function noaa20Tle(): { line1: string; line2: string } {
  const lines = readFileSync(TLE_FILE, 'utf8').split('\n').map((line) => line.trimEnd());
  const index = lines.findIndex((line) => line.startsWith('1 43013'));
  return { line1: lines[index]!, line2: lines[index + 1]! };
}

/**
 * Propagates each satellite every STEP_SECONDS over [fromMs, toMs) and computes its look angles from
 * each site; returns elapsed milliseconds (and a checksum so the work cannot be optimised away).
 */
export function sgp4LoopMs(satrecs: SatRec[], sites: Site[], fromMs: number, toMs: number): { ms: number; steps: number; visible: number } {
  const observers = sites.map((site) => ({
    latitude: degreesToRadians(site.latitude),
    longitude: degreesToRadians(site.longitude),
    height: site.altitudeMeters / 1000,
  }));
  let steps = 0;
  let visible = 0;
  const started = process.hrtime.bigint();
  for (const satrec of satrecs) {
    for (let t = fromMs; t < toMs; t += STEP_SECONDS * 1000) {
      const date = new Date(t);
      const state = propagate(satrec, date);
      steps++;
      if (!state || typeof state.position !== 'object') continue;
      const ecf = eciToEcf(state.position, gstime(date));
      for (const observer of observers) {
        if (ecfToLookAngles(observer, ecf).elevation > 0) visible++;
      }
    }
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, steps, visible };
}
