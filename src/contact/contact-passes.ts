import type { EphemerisResponseData } from '../api/shapes.js';
import { activeEphemeris, type ActiveEphemeris, type EphemerisChoice, type EphemerisContext } from '../ephemeris/active-ephemeris.js';
import type { GroundStation } from '../ground-station/ground-stations.js';
import { lookAngles, type Pass } from '../orbit/index.js';
import type { Satellite } from '../satellite/satellites.js';
import { passesBetween, type PassSource } from './pass-cache.js';

export interface SatelliteTrack extends PassSource {
  ephemeris: EphemerisResponseData;
}

/**
 * The trajectory a contact over [startMs, endMs] uses: the ephemeris active over all of it
 * (SEMANTICS §5.2), or the one a contact's tracking overrides name.
 */
export function satelliteTrack(
  context: EphemerisContext,
  satellite: Satellite | undefined,
  startMs: number,
  endMs: number,
  overriding?: ActiveEphemeris,
): SatelliteTrack {
  // Only an az-el override comes without a satellite (ReserveContact checks).
  const active = overriding ?? activeEphemeris(context, satellite!.satelliteId, startMs, endMs);
  return {
    trajectory: active.trajectory,
    cacheKey: active.cacheKey,
    ephemeris: active.ephemerisId
      ? { ephemerisId: active.ephemerisId, ephemerisType: active.ephemerisType }
      : { ephemerisType: active.ephemerisType },
  };
}

/**
 * Passes overlapping [fromMs, toMs), by rise, each as predicted by the ephemeris chosen over the
 * whole of it: the one ReserveContact books its window with. A pass straddling the end of a
 * customer ephemeris's coverage is therefore predicted by the next candidate that covers all of it
 * (at last the default TLE), not cut at the boundary; where two ephemerides' predictions of one
 * pass both qualify and overlap, the higher-ranked one's is kept.
 */
export function chosenPasses(choice: EphemerisChoice, station: GroundStation, fromMs: number, toMs: number, shortestSeconds: number): Pass[] {
  const chosen: Pass[] = [];
  for (const source of choice.candidates) {
    for (const pass of passesBetween(source, station, fromMs, toMs, shortestSeconds)) {
      // The data must reach the instants either side, below the mask: else coverage, not the horizon, may bound the pass.
      if (choice.over(pass.riseMs - 1, pass.setMs + 1).cacheKey !== source.cacheKey) continue;
      if (chosen.some((kept) => kept.riseMs <= pass.setMs && pass.riseMs <= kept.setMs)) continue;
      chosen.push(pass);
    }
  }
  return chosen.sort((a, b) => a.riseMs - b.riseMs);
}

/** The pass that contains the whole of [startMs, endMs], if there is one. */
export function passContaining(track: SatelliteTrack, station: GroundStation, startMs: number, endMs: number): Pass | undefined {
  const shortest = Math.max(1, Math.floor((endMs - startMs) / 1000));
  return passesBetween(track, station, startMs, endMs, shortest).find((pass) => pass.riseMs <= startMs && pass.setMs >= endMs);
}

// Finer than any antenna cares about; bounds the work for windows that are not one pass.
const ELEVATION_SAMPLES = 200;

/** Highest elevation (degrees) over [startMs, endMs]. Within one pass elevation rises then falls. */
export function peakElevation(track: SatelliteTrack, station: GroundStation, startMs: number, endMs: number, pass?: Pass): number {
  const at = (timeMs: number) => lookAngles(track.trajectory, station.site, timeMs)?.elevationDeg ?? -90;
  if (pass && pass.maxElevationMs >= startMs && pass.maxElevationMs <= endMs) return pass.maxElevationDeg;
  if (pass) return Math.max(at(startMs), at(endMs));
  let peak = -90;
  for (let i = 0; i <= ELEVATION_SAMPLES; i++) peak = Math.max(peak, at(startMs + ((endMs - startMs) * i) / ELEVATION_SAMPLES));
  return peak;
}
