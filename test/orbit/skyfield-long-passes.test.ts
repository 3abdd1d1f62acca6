import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findPasses, highestElevation, PASS_FOLLOW_MS, trajectoryFromTle, type Pass, type Site } from '../../src/orbit/index.js';
import { fixturePath } from '../support/paths.js';

// Written by scripts/skyfield-long-passes.py: constructed Molniya, geostationary and drifting
// near-geostationary TLEs over Ohio 1, with skyfield's passes searched marginDays beyond the window.
interface SkyfieldLongPasses {
  window: { start: string; end: string; marginDays: number };
  elevationMaskDeg: number;
  satellites: { name: string; line1: string; line2: string }[];
  sites: { name: string; latitudeDeg: number; longitudeDeg: number; altitudeMeters: number }[];
  passes: { satellite: string; site: string; passes: { rise: string | null; set: string | null; culminations: [string, number][] }[] }[];
}

const fixture: SkyfieldLongPasses = JSON.parse(readFileSync(fixturePath('orbit', 'skyfield-long-passes.json'), 'utf8'));
const windowStart = Date.parse(fixture.window.start);
const windowEnd = Date.parse(fixture.window.end);
const marginMs = fixture.window.marginDays * 86_400_000;
const site: Site = { ...fixture.sites[0]!, elevationMaskDeg: fixture.elevationMaskDeg };
const trajectory = (name: string) => {
  const tle = fixture.satellites.find((satellite) => satellite.name === name)!;
  return trajectoryFromTle(tle.line1, tle.line2);
};
const expected = (name: string) => fixture.passes.find((entry) => entry.satellite === name)!.passes;

/** Rise or set agree with skyfield within 0.1 s (they agree within a few ms). */
function assertCrossing(name: string, actualMs: number, expectedIso: string) {
  assert.ok(Math.abs(actualMs - Date.parse(expectedIso)) <= 100, `${name}: ${new Date(actualMs).toISOString()} against ${expectedIso}`);
}

const highestCulmination = (culminations: [string, number][]) => Math.max(...culminations.map(([, degrees]) => degrees));

test('Molniya passes last eleven hours, and the maximum is the higher of their two peaks', () => {
  const passes = findPasses(trajectory('MOLNIYA TEST'), site, windowStart, windowEnd);
  const wanted = expected('MOLNIYA TEST');
  assert.equal(passes.length, wanted.length);
  passes.forEach((pass, i) => {
    assertCrossing('MOLNIYA TEST', pass.riseMs, wanted[i]!.rise!);
    assertCrossing('MOLNIYA TEST', pass.setMs, wanted[i]!.set!);
    assert.equal(wanted[i]!.culminations.length, 2);
    assert.ok(Math.abs(pass.maxElevationDeg - highestCulmination(wanted[i]!.culminations)) < 0.005, `pass ${i}: ${pass.maxElevationDeg}°`);
  });
});

test('a window around the lower Molniya peak reports that peak, not the elevation at its edges', () => {
  const wanted = expected('MOLNIYA TEST')[0]!;
  const [, [lowerPeakIso, lowerPeakDeg]] = wanted.culminations as [[string, number], [string, number]];
  const peakMs = Date.parse(lowerPeakIso);
  const { maxElevationDeg } = highestElevation(trajectory('MOLNIYA TEST'), site, peakMs - 3_600_000, peakMs + 1_800_000);
  assert.ok(Math.abs(maxElevationDeg - lowerPeakDeg) < 0.005, `${maxElevationDeg}° against ${lowerPeakDeg}°`);
});

test('a geostationary satellite is one pass over the whole window, followed PASS_FOLLOW_MS beyond it', () => {
  const [pass, ...others] = findPasses(trajectory('GEO TEST'), site, windowStart, windowEnd);
  assert.deepEqual(others, []);
  assert.deepEqual(expected('GEO TEST').map(({ rise, set }) => [rise, set]), [[null, null]]);
  assert.equal(pass!.riseMs, windowStart - PASS_FOLLOW_MS);
  assert.equal(pass!.setMs, windowEnd + PASS_FOLLOW_MS);
});

test('a drifting near-geostationary pass of 4.7 days keeps its true rise and set from any window inside it', () => {
  const [wanted] = expected('DRIFT TEST');
  const riseMs = Date.parse(wanted!.rise!);
  const setMs = Date.parse(wanted!.set!);
  assert.ok(setMs - riseMs > 4.5 * 86_400_000 && riseMs - marginMs < windowStart);
  const whole = findPasses(trajectory('DRIFT TEST'), site, windowStart, windowEnd);
  assert.equal(whole.length, 1);
  assertCrossing('DRIFT TEST', whole[0]!.riseMs, wanted!.rise!);
  assertCrossing('DRIFT TEST', whole[0]!.setMs, wanted!.set!);
  assert.ok(Math.abs(whole[0]!.maxElevationDeg - highestCulmination(wanted!.culminations)) < 0.005);
  // An hour three days after the rise, on another UTC day: the same pass, not one cut at a day.
  const inside: Pass[] = findPasses(trajectory('DRIFT TEST'), site, riseMs + 3 * 86_400_000, riseMs + 3 * 86_400_000 + 3_600_000);
  assert.deepEqual(inside, whole);
});
