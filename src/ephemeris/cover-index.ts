/**
 * Where a ranked ephemeris can be used: from `startMs` (inclusive) to `endMs` (inclusive), and
 * only before `beforeMs` (its expiration).
 */
export interface UsableSpan {
  startMs: number;
  endMs: number;
  beforeMs: number;
}

/** The end of a span as one bound: instants up to `ms`, or only before it when `strict`. */
interface Bound {
  ms: number;
  strict: boolean;
  rank: number;
}

const boundOf = (span: UsableSpan, rank: number): Bound =>
  span.beforeMs <= span.endMs ? { ms: span.beforeMs, strict: true, rank } : { ms: span.endMs, strict: false, rank };

const admits = (bound: Bound, ms: number) => (bound.strict ? ms < bound.ms : ms <= bound.ms);

/** Orders numbers, infinite ones too (whose difference is NaN). */
export const ascending = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

// Looser first: a later end, or the same end included.
const looserFirst = (a: Bound, b: Bound) => ascending(b.ms, a.ms) || Number(a.strict) - Number(b.strict);

/** The whole instants a span admits: [first, last], empty when last < first. */
export function wholeInstants(span: UsableSpan): { startMs: number; endMs: number } {
  const bound = boundOf(span, 0);
  return { startMs: Math.ceil(span.startMs), endMs: bound.strict ? Math.ceil(bound.ms) - 1 : Math.floor(bound.ms) };
}

/**
 * The first of a ranked list of spans that holds all of [fromMs, toMs], in O(log² n) a question
 * after O(n log² n) to build: spans are ordered by start, and each node of a Fenwick tree over that
 * order keeps its spans loosest end first with the best rank among each prefix.
 */
export class CoverIndex {
  private readonly starts: number[];
  private readonly nodes: { bounds: Bound[]; bestRank: number[] }[];

  constructor(spans: readonly UsableSpan[]) {
    const order = spans.map((span, rank) => ({ span, rank })).sort((a, b) => ascending(a.span.startMs, b.span.startMs));
    this.starts = order.map(({ span }) => span.startMs);
    const members: Bound[][] = order.map(() => []);
    order.forEach(({ span, rank }, position) => {
      for (let node = position + 1; node <= order.length; node += node & -node) members[node - 1]!.push(boundOf(span, rank));
    });
    this.nodes = members.map((bounds) => {
      bounds.sort(looserFirst);
      let best = Infinity;
      return { bounds, bestRank: bounds.map((bound) => (best = Math.min(best, bound.rank))) };
    });
  }

  /** The rank of the first span holding [fromMs, toMs], or undefined when none does. */
  first(fromMs: number, toMs: number): number | undefined {
    let best = Infinity;
    for (let node = upperBound(this.starts, fromMs); node > 0; node -= node & -node) {
      const { bounds, bestRank } = this.nodes[node - 1]!;
      const admitting = countWhile(bounds, (bound) => admits(bound, toMs));
      if (admitting > 0) best = Math.min(best, bestRank[admitting - 1]!);
    }
    return best === Infinity ? undefined : best;
  }
}

/** How many of the sorted values are at most `value`. */
export function upperBound(sorted: readonly number[], value: number): number {
  return countWhile(sorted, (item) => item <= value);
}

/** The length of the prefix of `items` for which `holds` is true (it must hold for a prefix). */
export function countWhile<T>(items: readonly T[], holds: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (holds(items[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}
