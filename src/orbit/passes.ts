import type { Site } from './site.js';
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
}

// A pass in progress at the window's edges is followed this far for its true rise or set;
// only a satellite that never leaves the sky (e.g. geostationary) reaches it.
const PASS_EXTENSION_LIMIT_MS = 86_400_000;
const PEAK_TOLERANCE_MS = 100;
const INVERSE_GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

/**
 * Passes overlapping [startMs, endMs] (within the trajectory's coverage), with passes in
 * progress at either edge reported with their true rise and set. Times are whole ms.
 *
 * Sampling steps by the minimum step, so any pass that long contains a sample, or further
 * when the visibility bound proves nothing can change sooner; sign changes are bisected to
 * 1 ms and the peak is found by golden-section search.
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
  const earliest = Math.ceil(Math.max(from - PASS_EXTENSION_LIMIT_MS, coverage.startMs));
  const latest = Math.floor(Math.min(to + PASS_EXTENSION_LIMIT_MS, coverage.endMs));
  const visibility = visibilityProbe(trajectory, site, earliest, latest);
  const walk = (fromMs: number, limitMs: number) => walkUntilChange(visibility, fromMs, limitMs, stepMs);

  const passes: Pass[] = [];
  let riseMs = visibility.isVisible(from) ? (walk(from, earliest)?.lastSame ?? earliest) : walk(from, to)?.firstChanged;
  while (riseMs !== undefined) {
    const setMs = walk(riseMs, latest)?.lastSame ?? latest;
    passes.push({ riseMs, setMs, ...peak(visibility, riseMs, setMs) });
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

/** Golden-section search for the highest elevation; a clipped pass may peak at an end. */
function peak(visibility: VisibilityProbe, riseMs: number, setMs: number) {
  const sine = (timeMs: number) => visibility.sineOfElevation(timeMs);
  let low = riseMs;
  let high = setMs;
  let left = high - INVERSE_GOLDEN_RATIO * (high - low);
  let right = low + INVERSE_GOLDEN_RATIO * (high - low);
  let leftValue = sine(left);
  let rightValue = sine(right);
  while (high - low > PEAK_TOLERANCE_MS) {
    if (leftValue >= rightValue) {
      high = right;
      right = left;
      rightValue = leftValue;
      left = high - INVERSE_GOLDEN_RATIO * (high - low);
      leftValue = sine(left);
    } else {
      low = left;
      left = right;
      leftValue = rightValue;
      right = low + INVERSE_GOLDEN_RATIO * (high - low);
      rightValue = sine(right);
    }
  }
  const candidates = [riseMs, Math.round((low + high) / 2), setMs];
  const best = candidates.reduce((a, b) => (sine(b) > sine(a) ? b : a));
  return { maxElevationDeg: (Math.asin(Math.min(1, sine(best))) * 180) / Math.PI, maxElevationMs: best };
}
