import { sineOfElevation, stationFrame, type Site } from './site.js';
import type { Trajectory } from './trajectory.js';
import { visibilityProbe, type VisibilityProbe } from './visibility.js';

/** A maximal interval with elevation ≥ the site's mask; rise and set are visible instants. */
export interface Pass {
  riseMs: number;
  setMs: number;
  maxElevationDeg: number;
  maxElevationMs: number;
}

export interface PassSearchOptions {
  /** Every pass at least this long is found (SEMANTICS §7); default 10 s. */
  minimumStepSeconds?: number;
  /**
   * How far beyond the window's edges a pass in progress there is followed for its true rise
   * or set (always within the trajectory's coverage); default PASS_FOLLOW_MS.
   */
  followMs?: number;
}

// Passes last minutes (LEO), hours (Molniya), days (drifting near-GEO) or never end (GEO): a
// pass is followed this far, so only one that lasts longer is clipped.
export const PASS_FOLLOW_MS = 30 * 86_400_000;
const PEAK_TOLERANCE_MS = 100;
// Elevation is sampled this often to find every local maximum, or coarser for very long passes.
const PEAK_SAMPLE_MS = 10_000;
const MAX_PEAK_SAMPLES = 5000;
const INVERSE_GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

/**
 * Passes overlapping [startMs, endMs] (within the trajectory's coverage), with passes in
 * progress at either edge reported with their true rise and set. Times are whole ms.
 *
 * Sampling steps by the minimum step, so any pass that long contains a sample, or further
 * when the visibility bound proves nothing can change sooner; sign changes are bisected to
 * 1 ms and the peak is the highest of the pass's local maxima.
 */
export function findPasses(
  trajectory: Trajectory,
  site: Site,
  startMs: number,
  endMs: number,
  options: PassSearchOptions = {},
): Pass[] {
  const minimumStepSeconds = options.minimumStepSeconds ?? 10;
  if (!(minimumStepSeconds > 0)) throw new RangeError(`minimumStepSeconds must be positive, got ${minimumStepSeconds}`);
  const stepMs = Math.max(1, Math.round(minimumStepSeconds * 1000));
  const coverage = trajectory.coverage ?? { startMs: -Infinity, endMs: Infinity };
  const from = Math.ceil(Math.max(startMs, coverage.startMs));
  const to = Math.floor(Math.min(endMs, coverage.endMs));
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('findPasses needs a finite time window');
  if (from > to) return [];
  const followMs = options.followMs ?? PASS_FOLLOW_MS;
  const earliest = Math.ceil(Math.max(from - followMs, coverage.startMs));
  const latest = Math.floor(Math.min(to + followMs, coverage.endMs));
  const visibility = visibilityProbe(trajectory, site, earliest, latest);
  const walk = (fromMs: number, limitMs: number) => walkUntilChange(visibility, fromMs, limitMs, stepMs);

  const passes: Pass[] = [];
  let riseMs = visibility.isVisible(from) ? (walk(from, earliest)?.lastSame ?? earliest) : walk(from, to)?.firstChanged;
  while (riseMs !== undefined) {
    const setMs = walk(riseMs, latest)?.lastSame ?? latest;
    passes.push({ riseMs, setMs, ...peak(visibility.sineOfElevation, riseMs, setMs) });
    riseMs = setMs < to ? walk(setMs + 1, to)?.firstChanged : undefined;
  }
  return passes;
}

interface Change {
  /** The instant nearest the change with the starting instant's visibility. */
  lastSame: number;
  /** The instant 1 ms beyond it, where visibility differs. */
  firstChanged: number;
}

/** Walks from fromMs towards limitMs (either direction) to the first change of visibility. */
function walkUntilChange(
  visibility: VisibilityProbe,
  fromMs: number,
  limitMs: number,
  stepMs: number,
): Change | undefined {
  const direction = Math.sign(limitMs - fromMs);
  let here = fromMs;
  let state = visibility.probe(here);
  const visible = state.visible;
  while (here !== limitMs) {
    const advance = Math.max(stepMs, Math.floor(state.steadyMs));
    const next = direction > 0 ? Math.min(limitMs, here + advance) : Math.max(limitMs, here - advance);
    const nextState = visibility.probe(next);
    if (nextState.visible !== visible) return bisect(visibility, here, next, visible);
    here = next;
    state = nextState;
  }
  return undefined;
}

function bisect(visibility: VisibilityProbe, same: number, changed: number, visible: boolean): Change {
  while (Math.abs(changed - same) > 1) {
    const middle = Math.floor((same + changed) / 2);
    if (visibility.isVisible(middle) === visible) same = middle;
    else changed = middle;
  }
  return { lastSame: same, firstChanged: changed };
}

/** The highest elevation over [fromMs, toMs] of a trajectory seen from a site, and when. */
export function highestElevation(trajectory: Trajectory, site: Site, fromMs: number, toMs: number) {
  const frame = stationFrame(site);
  return peak(
    (timeMs) => {
      const position = trajectory.positionEcfKm(timeMs);
      return position ? sineOfElevation(frame, position) : -1;
    },
    fromMs,
    toMs,
  );
}

/**
 * Samples the span to bracket every local maximum (a Molniya pass has two; a long GEO pass one a
 * day), refines each by golden-section search and keeps the highest, ends included.
 */
function peak(sine: (timeMs: number) => number, fromMs: number, toMs: number) {
  const count = Math.max(2, Math.min(MAX_PEAK_SAMPLES, Math.ceil((toMs - fromMs) / PEAK_SAMPLE_MS)));
  const times = Array.from({ length: count + 1 }, (_, i) => (i === count ? toMs : fromMs + Math.round(((toMs - fromMs) * i) / count)));
  const values = times.map(sine);
  let bestMs = values[count]! > values[0]! ? toMs : fromMs;
  let bestValue = Math.max(values[0]!, values[count]!);
  for (let i = 1; i < count; i++) {
    // Strict on the left, so a plateau is refined once.
    if (!(values[i]! > values[i - 1]! && values[i]! >= values[i + 1]!)) continue;
    const timeMs = goldenSection(sine, times[i - 1]!, times[i + 1]!);
    for (const candidate of [timeMs, times[i]!]) {
      const value = sine(candidate);
      if (value > bestValue) [bestMs, bestValue] = [candidate, value];
    }
  }
  return { maxElevationDeg: (Math.asin(Math.min(1, bestValue)) * 180) / Math.PI, maxElevationMs: bestMs };
}

/** The instant (whole ms) of the one maximum of a unimodal function on [lowMs, highMs]. */
function goldenSection(f: (timeMs: number) => number, lowMs: number, highMs: number): number {
  let low = lowMs;
  let high = highMs;
  let left = high - INVERSE_GOLDEN_RATIO * (high - low);
  let right = low + INVERSE_GOLDEN_RATIO * (high - low);
  let leftValue = f(left);
  let rightValue = f(right);
  while (high - low > PEAK_TOLERANCE_MS) {
    if (leftValue >= rightValue) {
      high = right;
      right = left;
      rightValue = leftValue;
      left = high - INVERSE_GOLDEN_RATIO * (high - low);
      leftValue = f(left);
    } else {
      low = left;
      left = right;
      leftValue = rightValue;
      right = low + INVERSE_GOLDEN_RATIO * (high - low);
      rightValue = f(right);
    }
  }
  return Math.round((low + high) / 2);
}
