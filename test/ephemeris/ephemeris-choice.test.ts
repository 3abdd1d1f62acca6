import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Caches } from '../../src/api/context.js';
import { chosenPasses, type ChosenPass } from '../../src/contact/contact-passes.js';
import { PassCache } from '../../src/contact/pass-cache.js';
import { rankEphemerides, usableSpan, type ActiveEphemeris, type EphemerisChoice } from '../../src/ephemeris/active-ephemeris.js';
import { CoverIndex } from '../../src/ephemeris/cover-index.js';
import type { EphemerisRecord, ValidationOutcome } from '../../src/ephemeris/ephemeris-record.js';
import { tleSetTrajectory } from '../../src/ephemeris/tle-set-trajectory.js';
import { GROUND_STATIONS } from '../../src/ground-station/ground-stations.js';
import { trajectoryFromTle } from '../../src/orbit/index.js';
import type { StoredResource } from '../../src/store/resources.js';
import { NOAA20_TLE, withChecksum } from './ephemeris-data.js';

const SATELLITE = 'satellite-a';
const VALIDATION_MS = 1000;

/** SEMANTICS §5.2 read literally: the customer ephemeris used over [fromMs, toMs], if any. */
function referenceChoice(stored: StoredResource<EphemerisRecord>[], nowMs: number, fromMs: number, toMs: number) {
  const enabled = stored.filter(
    ({ doc }) =>
      doc.satelliteId === SATELLITE &&
      doc.ephemerisType !== 'AZ_EL' &&
      doc.enabled &&
      doc.validation.result === 'VALID' &&
      nowMs >= doc.creationTimeMs + VALIDATION_MS &&
      doc.expirationTimeMs !== undefined &&
      nowMs < doc.expirationTimeMs,
  );
  const ranked = enabled.sort((a, b) => b.doc.priority - a.doc.priority || b.doc.changedMs - a.doc.changedMs || b.seq - a.seq);
  return ranked.find(({ doc }) => doc.coverage!.startMs <= fromMs && toMs <= doc.coverage!.endMs && toMs < doc.expirationTimeMs!);
}

// Small ranges, so priorities and change times tie, spans nest, abut and miss each other, and
// validation (the first 1000 ms) is over for some ephemerides and not for others.
const instant = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true })).map((ms) => VALIDATION_MS + ms);
const outcome = fc.constantFrom<ValidationOutcome>({ result: 'VALID' }, { result: 'VALID' }, { result: 'VALID' }, { result: 'ERROR' }, { result: 'INVALID', invalidReason: 'TIME_RANGE_INVALID', errorReasons: [] });
const record = fc
  .record({
    satelliteId: fc.constantFrom(SATELLITE, SATELLITE, SATELLITE, 'satellite-b'),
    ephemerisType: fc.constantFrom<EphemerisRecord['ephemerisType']>('TLE', 'OEM', 'OEM', 'AZ_EL'),
    priority: fc.integer({ min: 1, max: 2 }),
    enabled: fc.boolean(),
    creationTimeMs: fc.integer({ min: 0, max: 2 }),
    changedAfterMs: fc.integer({ min: 0, max: 1 }),
    coverage: fc.oneof(
      fc.tuple(instant, instant).map(([a, b]) => ({ startMs: Math.min(a, b), endMs: Math.max(a, b) })),
      // Wide ones, so that many hold the same interval and the ranking decides.
      fc.record({ startMs: fc.integer({ min: 0, max: 8 }), endMs: fc.integer({ min: 12, max: 20 }) }).map(({ startMs, endMs }) => ({ startMs: VALIDATION_MS + startMs, endMs: VALIDATION_MS + endMs })),
    ),
    expirationCut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    validation: outcome,
  })
  .map(({ changedAfterMs, coverage, expirationCut, ...doc }): EphemerisRecord => ({
    ...doc,
    arn: 'arn',
    name: 'random',
    changedMs: doc.creationTimeMs + changedAfterMs,
    coverage,
    // As validation sets it: the given expiration inside the coverage, else the coverage's end.
    expirationTimeMs: expirationCut === null ? coverage.endMs : coverage.startMs + expirationCut * (coverage.endMs - coverage.startMs),
    source: { oemData: '' },
  }));
const records = fc.array(record, { minLength: 5, maxLength: 30, size: 'max' }).map((docs) => docs.map((doc, i): StoredResource<EphemerisRecord> => ({ id: `e${i}`, seq: i + 1, doc, tags: {} })));
const interval = fc.tuple(instant, instant).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

describe('choosing among many ephemerides (SEMANTICS §5.2)', () => {
  it('ranks and chooses as the rules read literally, for any ephemerides, instants and intervals', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: VALIDATION_MS, max: VALIDATION_MS + 20 }), fc.array(interval, { minLength: 1, maxLength: 20 }), (stored, nowMs, intervals) => {
        const ranked = rankEphemerides(stored, SATELLITE, nowMs);
        const index = new CoverIndex(ranked.map(({ doc }) => usableSpan(doc, doc.coverage)));
        for (const [fromMs, toMs] of intervals) {
          const rank = index.first(fromMs, toMs);
          assert.equal(rank === undefined ? undefined : ranked[rank]!.id, referenceChoice(stored, nowMs, fromMs, toMs)?.id, `over [${fromMs}, ${toMs}]`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// NOAA-20 a few minutes further along its orbit, or back: passes move by up to about three minutes.
const shiftedTle = (degrees: number) => {
  const anomaly = ((242.5884 + degrees + 360) % 360).toFixed(4).padStart(8, ' ');
  return { line1: NOAA20_TLE.line1, line2: withChecksum(NOAA20_TLE.line2.slice(0, 43) + anomaly + NOAA20_TLE.line2.slice(51)) };
};

const OHIO = GROUND_STATIONS.find((station) => station.groundStationName === 'Ohio 1')!;
const FROM_MS = Date.parse('2026-07-21T00:00:00Z');
const TO_MS = FROM_MS + 86_400_000;
const MINUTE_MS = 60_000;

interface Candidate {
  degrees: number;
  startMs: number;
  endMs: number;
  expirationMs: number;
}

const fallback: ActiveEphemeris = { trajectory: trajectoryFromTle(NOAA20_TLE.line1, NOAA20_TLE.line2), ephemerisType: 'SERVICE_MANAGED', cacheKey: 'test/default' };
const caches = { passes: new PassCache() } as Caches;
// Spans begin and end around the default's passes (give or take the shifts), where choices differ.
const riseMinutes = caches.passes.between(fallback, OHIO, FROM_MS, TO_MS, 60).map((pass) => Math.round((pass.riseMs - FROM_MS) / MINUTE_MS));
const edgeMinute = fc.oneof(fc.integer({ min: -120, max: 1440 }), fc.tuple(fc.constantFrom(...riseMinutes), fc.integer({ min: -6, max: 16 })).map(([rise, offset]) => rise + offset));

const candidate = fc
  .record({
    degrees: fc.integer({ min: -10, max: 10 }),
    edges: fc.tuple(edgeMinute, edgeMinute).filter(([a, b]) => a !== b),
    // A few milliseconds either way, so spans end on either side of a rise or set too.
    jitterMs: fc.integer({ min: -2, max: 2 }),
    expires: fc.boolean(),
  })
  .map(({ degrees, edges: [a, b], jitterMs, expires }): Candidate => {
    const startMs = FROM_MS + Math.min(a, b) * MINUTE_MS + jitterMs;
    const endMs = FROM_MS + Math.max(a, b) * MINUTE_MS - jitterMs;
    return { degrees, startMs, endMs, expirationMs: expires ? Math.ceil((startMs + endMs) / 2) : endMs };
  });

function customer(index: number, { degrees, startMs, endMs, expirationMs }: Candidate): ActiveEphemeris {
  const tle = shiftedTle(degrees);
  const trajectory = tleSetTrajectory([{ ...tle, startMs, endMs }]);
  return { trajectory, ephemerisId: `e${index}`, ephemerisType: 'TLE', cacheKey: `test/${index}/${degrees}/${startMs}/${endMs}`, coverage: { startMs, endMs }, expirationTimeMs: expirationMs };
}

/** The candidates, ranked as listed, then the default, as ephemerisChoice makes them of records. */
function choiceAmong(candidates: ActiveEphemeris[]): EphemerisChoice {
  const spans = candidates.map(({ coverage, expirationTimeMs }) => ({ startMs: coverage!.startMs, endMs: coverage!.endMs, beforeMs: expirationTimeMs! }));
  const index = new CoverIndex(spans);
  return {
    candidates: [...candidates, fallback],
    spans: [...spans, { startMs: -Infinity, endMs: Infinity, beforeMs: Infinity }],
    over: (fromMs, toMs = fromMs) => candidates[index.first(fromMs, toMs) ?? -1] ?? fallback,
  };
}

/** Every pass of every candidate over the window, kept as §5.2 chooses: the straightforward search. */
function referencePasses(choice: EphemerisChoice): ChosenPass[] {
  const kept: ChosenPass[] = [];
  for (const source of choice.candidates) {
    for (const pass of caches.passes.between(source, OHIO, FROM_MS, TO_MS, 60)) {
      if (choice.over(pass.riseMs - 1, pass.setMs + 1) !== source) continue;
      if (kept.some((other) => other.riseMs <= pass.setMs && pass.riseMs <= other.setMs)) continue;
      kept.push({ ...pass, source });
    }
  }
  return kept.sort((a, b) => a.riseMs - b.riseMs);
}

describe('the passes each chosen ephemeris predicts', () => {
  it('are those of searching every candidate over the whole window, however the spans lie', () => {
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 2, maxLength: 12 }), (drawn) => {
        const choice = choiceAmong(drawn.map((spec, i) => customer(i, spec)));
        const summary = (passes: ChosenPass[]) => passes.map((pass) => `${pass.riseMs}-${pass.setMs} ${pass.source.cacheKey}`);
        assert.deepEqual(summary(chosenPasses({ caches }, choice, OHIO, FROM_MS, TO_MS, 60)), summary(referencePasses(choice)));
      }),
      { numRuns: 200 },
    );
  });

  it('a staircase of 60, each the choice for its own part of the day, is looked at where another ends at most 4n times, not n² times', () => {
    const count = 60;
    // Ending 24 minutes apart (and a few milliseconds, so no search's own sampling lands there), the later the lower.
    const ends = Array.from({ length: count }, (_, i) => FROM_MS + (i + 1) * 24 * MINUTE_MS + 7);
    const edges = new Set(ends.flatMap((endMs) => [endMs, endMs + 1]));
    let looksAtEdges = 0;
    const candidates = ends.map((endMs, i) => {
      const { trajectory, ...rest } = customer(i, { degrees: 0, startMs: FROM_MS - 60 * MINUTE_MS, endMs, expirationMs: endMs });
      const counted = {
        ...trajectory,
        positionEcfKm: (timeMs: number) => {
          if (edges.has(timeMs)) looksAtEdges++;
          return trajectory.positionEcfKm(timeMs);
        },
      };
      return { ...rest, trajectory: counted };
    });
    const passes = chosenPasses({ caches }, choiceAmong(candidates), OHIO, FROM_MS, TO_MS, 60);
    assert.deepEqual(passes.map((pass) => pass.riseMs), caches.passes.between(fallback, OHIO, FROM_MS, TO_MS, 60).map((pass) => pass.riseMs));
    assert.ok(looksAtEdges <= 4 * count, `looked at instants where others end ${looksAtEdges} times`);
  });
});
