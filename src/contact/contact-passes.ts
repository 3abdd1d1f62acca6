import type { EphemerisResponseData } from '../api/shapes.js';
import { activeEphemeris, type ActiveEphemeris, type EphemerisChoice, type EphemerisContext } from '../ephemeris/active-ephemeris.js';
import { ascending, countWhile, upperBound, wholeInstants } from '../ephemeris/cover-index.js';
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
 * A candidate is searched only where a higher-ranked one cannot be chosen instead, and looked at
 * in a few instants besides, so the work grows with the number of candidates times the log of it.
 */
export function chosenPasses(context: { caches: Caches }, choice: EphemerisChoice, station: GroundStation, fromMs: number, toMs: number, shortestSeconds: number): ChosenPass[] {
  const chosen: ChosenPass[] = [];
  const higher = new HigherSpans(choice.spans.map(wholeInstants));
  choice.candidates.forEach((source, rank) => {
    for (const pass of candidatePasses(context.caches, source, higher.spans[rank]!, station, fromMs, toMs, higher, shortestSeconds)) {
      // The data must reach the instants either side, below the mask: else coverage, not the horizon, may bound the pass.
      if (choice.over(pass.riseMs - 1, pass.setMs + 1).cacheKey !== source.cacheKey) continue;
      if (chosen.some((kept) => kept.riseMs <= pass.setMs && pass.riseMs <= kept.setMs)) continue;
      chosen.push({ ...pass, source });
    }
    higher.add(rank);
  });
  return chosen.sort((a, b) => a.riseMs - b.riseMs);
}

/** Whole instants, both ends included (empty when endMs < startMs). */
interface Span {
  startMs: number;
  endMs: number;
}

/**
 * The candidates ranked above the one searched: how far they reach from any instant, where they
 * begin, and the instants none of them covers.
 */
class HigherSpans {
  /** Every candidate's first instant, sorted, and which candidate each is. */
  private readonly starts: number[];
  private readonly rankAt: number[];
  private readonly positionOf: number[];
  /** A Fenwick tree over `starts` of the latest last instant of the candidates added. */
  private readonly reach: number[];
  private readonly added: boolean[];
  /** The instants the candidates added cover, as sorted disjoint spans. */
  private readonly covered: Span[] = [];

  constructor(readonly spans: readonly Span[]) {
    this.rankAt = spans.map((_, rank) => rank).sort((a, b) => ascending(spans[a]!.startMs, spans[b]!.startMs));
    this.starts = this.rankAt.map((rank) => spans[rank]!.startMs);
    this.positionOf = [];
    this.rankAt.forEach((rank, position) => (this.positionOf[rank] = position));
    this.reach = spans.map(() => -Infinity);
    this.added = spans.map(() => false);
  }

  add(rank: number): void {
    const span = this.spans[rank]!;
    this.added[rank] = true;
    if (span.endMs < span.startMs) return;
    for (let node = this.positionOf[rank]! + 1; node <= this.reach.length; node += node & -node) {
      this.reach[node - 1] = Math.max(this.reach[node - 1]!, span.endMs);
    }
    // Merged with every covered span it overlaps or abuts.
    const first = countWhile(this.covered, (other) => other.endMs < span.startMs - 1);
    let last = first;
    const merged = { ...span };
    while (last < this.covered.length && this.covered[last]!.startMs <= span.endMs + 1) {
      merged.startMs = Math.min(merged.startMs, this.covered[last]!.startMs);
      merged.endMs = Math.max(merged.endMs, this.covered[last]!.endMs);
      last++;
    }
    this.covered.splice(first, last - first, merged);
  }

  /** The last instant of the added candidates that begin at or before `atMs` (−∞ if none). */
  reachFrom(atMs: number): number {
    let latest = -Infinity;
    for (let node = upperBound(this.starts, atMs); node > 0; node -= node & -node) latest = Math.max(latest, this.reach[node - 1]!);
    return latest;
  }

  /** The first instants of the added candidates that lie in (fromMs, toMs). */
  startsWithin(fromMs: number, toMs: number): number[] {
    const within: number[] = [];
    for (let position = upperBound(this.starts, fromMs); position < this.starts.length && this.starts[position]! < toMs; position++) {
      if (this.added[this.rankAt[position]!]) within.push(this.starts[position]!);
    }
    return within;
  }

  /** The parts of [fromMs, toMs) outside every added candidate's span. */
  gaps(fromMs: number, toMs: number): { fromMs: number; toMs: number }[] {
    const gaps: { fromMs: number; toMs: number }[] = [];
    let cursor = fromMs;
    for (let i = countWhile(this.covered, (span) => span.endMs < fromMs); i < this.covered.length && this.covered[i]!.startMs < toMs; i++) {
      const span = this.covered[i]!;
      if (span.startMs > cursor) gaps.push({ fromMs: cursor, toMs: span.startMs });
      cursor = Math.max(cursor, span.endMs + 1);
    }
    if (cursor < toMs) gaps.push({ fromMs: cursor, toMs });
    return gaps;
  }
}

/**
 * The candidate's passes that may be its to predict. One of them is, over [rise − 1, set + 1],
 * exactly when no higher-ranked candidate beginning by rise − 1 lasts to set + 1; so it either
 * begins where no higher one covers (searched as the gaps, each with the instant after it, where
 * a higher one begins) or holds the last instant, or the one after, of the higher one reaching
 * furthest from where it begins; or it is in progress where the search begins or ends.
 */
function candidatePasses(caches: Caches, source: ActiveEphemeris, own: Span, station: GroundStation, fromMs: number, toMs: number, higher: HigherSpans, shortestSeconds: number): Pass[] {
  const startMs = Math.max(fromMs, own.startMs);
  const endMs = Math.min(toMs, own.endMs + 1);
  if (startMs >= endMs) return [];
  // Within one higher-ranked span, every pass it could predict is that one's to predict.
  if (higher.reachFrom(own.startMs) >= own.endMs) return [];

  const passes: Pass[] = [];
  for (const gap of higher.gaps(startMs, endMs)) passes.push(...caches.passes.between(source, station, gap.fromMs, Math.min(gap.toMs + 1, endMs), shortestSeconds));
  const instants = new Set([startMs, endMs - 1]);
  for (const beginMs of [startMs, ...higher.startsWithin(startMs, endMs)]) {
    const reachMs = higher.reachFrom(beginMs);
    if (reachMs >= beginMs) instants.add(reachMs).add(reachMs + 1);
  }
  for (const atMs of instants) {
    if (atMs >= startMs && atMs < endMs) passes.push(...passesAt(source, station, atMs, shortestSeconds));
  }
  const byRise = new Map(passes.map((pass) => [pass.riseMs, pass]));
  return [...byRise.values()].sort((a, b) => a.riseMs - b.riseMs);
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
