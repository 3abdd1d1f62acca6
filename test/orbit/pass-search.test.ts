import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findPasses, lookAngles, PASS_FOLLOW_MS, trajectoryFromTle, type Site, type Trajectory } from '../../src/orbit/index.js';
import { fixturePath } from '../support/paths.js';

const tleLines = readFileSync(fixturePath('orbit', 'public-broadcast-2026-07-21.tle'), 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim());
// Three lines per satellite: name, line 1, line 2.
const tles = Array.from({ length: tleLines.length / 3 }, (_, i) =>
  trajectoryFromTle(tleLines[3 * i + 1]!, tleLines[3 * i + 2]!),
);
const noaa20 = tles[0]!;
const ohio: Site = { latitudeDeg: 40.1, longitudeDeg: -83.11, altitudeMeters: 270, elevationMaskDeg: 10 };
const DAY = 86_400_000;
const start = Date.parse('2026-07-21T00:00:00Z');

/** The same trajectory without motion bounds: pass search falls back to fixed-step sampling. */
const fixedStepOnly = (trajectory: Trajectory): Trajectory => ({
  epochMs: trajectory.epochMs,
  positionEcfKm: (timeMs) => trajectory.positionEcfKm(timeMs),
});

/** Deterministic pseudo-random numbers in [0, 1), so a failure reproduces. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

test('skipping ahead finds exactly the passes that fixed-step sampling finds', () => {
  const random = seededRandom(20260721);
  for (let i = 0; i < 40; i++) {
    const site: Site = {
      latitudeDeg: Math.asin(2 * random() - 1) * (180 / Math.PI),
      longitudeDeg: 360 * random() - 180,
      altitudeMeters: 3000 * random(),
      elevationMaskDeg: 60 * random() ** 2,
    };
    for (const trajectory of tles) {
      const skipping = findPasses(trajectory, site, start, start + DAY);
      assert.deepEqual(skipping, findPasses(fixedStepOnly(trajectory), site, start, start + DAY), JSON.stringify(site));
    }
  }
});

test('rise and set are the outermost instants at or above the mask', () => {
  const passes = findPasses(noaa20, ohio, start, start + 2 * DAY);
  assert.ok(passes.length >= 6);
  const elevation = (timeMs: number) => lookAngles(noaa20, ohio, timeMs)!.elevationDeg;
  for (const pass of passes) {
    assert.ok(elevation(pass.riseMs) >= 10 && elevation(pass.riseMs - 1) < 10);
    assert.ok(elevation(pass.setMs) >= 10 && elevation(pass.setMs + 1) < 10);
    assert.ok(Number.isInteger(pass.riseMs) && Number.isInteger(pass.setMs));
  }
});

test('the peak is the highest elevation of the pass', () => {
  for (const pass of findPasses(noaa20, ohio, start, start + DAY)) {
    assert.ok(pass.riseMs < pass.maxElevationMs && pass.maxElevationMs < pass.setMs);
    assert.ok(Math.abs(lookAngles(noaa20, ohio, pass.maxElevationMs)!.elevationDeg - pass.maxElevationDeg) < 1e-9);
    for (let t = pass.riseMs; t <= pass.setMs; t += 1000) {
      assert.ok(lookAngles(noaa20, ohio, t)!.elevationDeg <= pass.maxElevationDeg + 1e-6);
    }
  }
});

test('passes in progress at the window edges keep their true rise and set', () => {
  const [first, second] = findPasses(noaa20, ohio, start, start + DAY);
  const middle = (pass: { riseMs: number; setMs: number }) => Math.round((pass.riseMs + pass.setMs) / 2);
  const clipped = findPasses(noaa20, ohio, middle(first!), middle(second!));
  assert.deepEqual(clipped, [first, second]);
});

test('a pass just long enough for the step is found, however close it grazes the mask', () => {
  const [pass] = findPasses(noaa20, ohio, start, start + DAY);
  // A mask just under the peak leaves a pass of a few seconds.
  const grazing = { ...ohio, elevationMaskDeg: pass!.maxElevationDeg - 0.0005 };
  const [short] = findPasses(noaa20, grazing, start, start + DAY, { minimumStepSeconds: 1 });
  assert.ok(short, 'grazing pass missed');
  const durationSeconds = (short.setMs - short.riseMs) / 1000;
  assert.ok(durationSeconds >= 1 && durationSeconds < 10, `lasts ${durationSeconds} s`);
  assert.ok(short.riseMs <= pass!.maxElevationMs && pass!.maxElevationMs <= short.setMs);
});

test('coverage bounds the search and clips passes at its edges', () => {
  const [first] = findPasses(noaa20, ohio, start, start + DAY);
  const coverage = { startMs: first!.maxElevationMs, endMs: first!.maxElevationMs + DAY / 4 };
  const covered: Trajectory = {
    ...noaa20,
    coverage,
    positionEcfKm: (t) => (t >= coverage.startMs && t <= coverage.endMs ? noaa20.positionEcfKm(t) : undefined),
  };
  const passes = findPasses(covered, ohio, start, start + DAY);
  assert.equal(passes[0]!.riseMs, coverage.startMs);
  assert.equal(passes[0]!.setMs, first!.setMs);
  assert.ok(passes.every((pass) => pass.setMs <= coverage.endMs));
  assert.deepEqual(findPasses(covered, ohio, coverage.endMs + 1, start + DAY), []);
});

test('a satellite that never sets is one pass followed PASS_FOLLOW_MS beyond the window', () => {
  const overhead: Trajectory = { epochMs: start, positionEcfKm: () => ({ x: 0, y: 0, z: 42_164 }) };
  const pole: Site = { latitudeDeg: 90, longitudeDeg: 0, altitudeMeters: 0, elevationMaskDeg: 10 };
  assert.deepEqual(findPasses(overhead, pole, start, start + 3_600_000), [
    { riseMs: start - PASS_FOLLOW_MS, setMs: start + 3_600_000 + PASS_FOLLOW_MS, maxElevationDeg: 90, maxElevationMs: start - PASS_FOLLOW_MS },
  ]);
});

test('a trajectory without positions, or an empty window, has no passes', () => {
  assert.deepEqual(findPasses({ epochMs: start, positionEcfKm: () => undefined }, ohio, start, start + DAY), []);
  assert.deepEqual(findPasses(noaa20, ohio, start + DAY, start), []);
});

test('a non-positive step or an unbounded window is refused', () => {
  assert.throws(() => findPasses(noaa20, ohio, start, start + DAY, { minimumStepSeconds: 0 }), RangeError);
  assert.throws(() => findPasses(noaa20, ohio, -Infinity, start), RangeError);
});
