import type { EphemerisResponseData } from '../api/shapes.js';
import { activeEphemeris, type ActiveEphemeris, type EphemerisChoice, type EphemerisContext } from '../ephemeris/active-ephemeris.js';
import type { GroundStation } from '../ground-station/ground-stations.js';
import { highestElevation, type Pass } from '../orbit/index.js';
import type { Satellite } from '../satellite/satellites.js';
import type { Caches } from '../api/context.js';
import { passesAt, type PassSource } from './pass-cache.js';

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
 *
 * A candidate is searched only where a higher-ranked one cannot be chosen instead, so many
 * ephemerides over the same span cost little more than one.
 */
export function chosenPasses(context: { caches: Caches }, choice: EphemerisChoice, station: GroundStation, fromMs: number, toMs: number, shortestSeconds: number): ChosenPass[] {
  const chosen: ChosenPass[] = [];
  const higher = new HigherSpans();
  for (const source of choice.candidates) {
    for (const pass of candidatePasses(context.caches, source, station, fromMs, toMs, higher, shortestSeconds)) {
      // The data must reach the instants either side, below the mask: else coverage, not the horizon, may bound the pass.
      if (choice.over(pass.riseMs - 1, pass.setMs + 1).cacheKey !== source.cacheKey) continue;
      if (chosen.some((kept) => kept.riseMs <= pass.setMs && pass.riseMs <= kept.setMs)) continue;
      chosen.push({ ...pass, source });
    }
    higher.add(usableSpan(source));
  }
  return chosen.sort((a, b) => a.riseMs - b.riseMs);
}

/** The distinct spans of the candidates ranked so far, sorted, and the instants where one begins or ends. */
class HigherSpans {
  readonly spans: Span[] = [];
  readonly edges = new Set<number>();
  private readonly keys = new Set<string>();

  add(span: Span): void {
    const key = `${span.startMs}/${span.endMs}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.spans.push(span);
    this.spans.sort((a, b) => a.startMs - b.startMs);
    for (const edge of [span.startMs - 1, span.startMs, span.endMs, span.endMs + 1]) this.edges.add(edge);
  }
}

/** The instants an ephemeris can be chosen for, both ends included. */
interface Span {
  startMs: number;
  endMs: number;
}

function usableSpan(ephemeris: ActiveEphemeris): Span {
  const coverage = ephemeris.coverage ?? ephemeris.trajectory.coverage ?? { startMs: -Infinity, endMs: Infinity };
  return { startMs: coverage.startMs, endMs: Math.min(coverage.endMs, (ephemeris.expirationTimeMs ?? Infinity) - 1) };
}

/**
 * The candidate's passes that a higher-ranked one might not cover whole: those overlapping a part
 * of the window no higher one covers, and those in progress at the window's ends or where a higher
 * one's span begins or ends (where no single one may cover a pass that all of them together do).
 */
function candidatePasses(caches: Caches, source: ActiveEphemeris, station: GroundStation, fromMs: number, toMs: number, higher: HigherSpans, shortestSeconds: number): Pass[] {
  const own = usableSpan(source);
  const startMs = Math.max(fromMs, own.startMs);
  const endMs = Math.min(toMs, own.endMs + 1);
  if (startMs >= endMs) return [];
  // Within one higher-ranked span, every pass it could predict is that one's to predict.
  if (higher.spans.some((span) => span.startMs <= own.startMs && own.endMs <= span.endMs)) return [];
  if (higher.spans.length === 0) return caches.passes.between(source, station, startMs, endMs, shortestSeconds);

  const passes: Pass[] = [];
  for (const gap of uncovered(startMs, endMs, higher.spans)) passes.push(...caches.passes.between(source, station, gap.startMs, gap.endMs, shortestSeconds));
  for (const atMs of new Set([startMs, endMs - 1, ...higher.edges])) {
    if (atMs >= startMs && atMs < endMs) passes.push(...passesAt(source, station, atMs, shortestSeconds));
  }
  const byRise = new Map(passes.map((pass) => [pass.riseMs, pass]));
  return [...byRise.values()].sort((a, b) => a.riseMs - b.riseMs);
}

/** The parts of [startMs, endMs) outside every span (sorted by start), as half-open windows. */
function uncovered(startMs: number, endMs: number, spans: readonly Span[]): Span[] {
  const gaps: Span[] = [];
  let cursor = startMs;
  for (const span of spans) {
    if (span.startMs > cursor) gaps.push({ startMs: cursor, endMs: Math.min(span.startMs, endMs) });
    cursor = Math.max(cursor, span.endMs + 1);
    if (cursor >= endMs) break;
  }
  if (cursor < endMs) gaps.push({ startMs: cursor, endMs });
  return gaps.filter((gap) => gap.startMs < gap.endMs);
}

export interface ChosenPass extends Pass {
  /** The ephemeris that predicts it. */
  source: PassSource;
}

/**
 * The pass that contains the whole of [startMs, endMs], if there is one. Only the pass in
 * progress at startMs can, so only startMs's day is searched, however long the window.
 */
export function passContaining(context: { caches: Caches }, track: SatelliteTrack, station: GroundStation, startMs: number, endMs: number): Pass | undefined {
  const shortest = Math.max(1, Math.floor((endMs - startMs) / 1000));
  return context.caches.passes.between(track, station, startMs, startMs + 1, shortest).find((pass) => pass.riseMs <= startMs && pass.setMs >= endMs);
}

/** Highest elevation (degrees) over [startMs, endMs]: the pass's own peak when it lies inside. */
export function peakElevation(track: PassSource, station: GroundStation, startMs: number, endMs: number, pass?: Pass): number {
  if (pass && pass.maxElevationMs >= startMs && pass.maxElevationMs <= endMs) return pass.maxElevationDeg;
  return highestElevation(track.trajectory, station.site, startMs, endMs).maxElevationDeg;
}
