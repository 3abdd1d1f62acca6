import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findPasses, trajectoryFromTle } from '../../src/orbit/index.js';
import { fixturePath } from '../support/paths.js';

// Written by scripts/skyfield-passes.py: skyfield's passes over a window widened by
// marginSeconds on both sides, so every pass overlapping the window has its true rise and set.
interface SkyfieldPasses {
  window: { start: string; end: string; marginSeconds: number };
  elevationMaskDeg: number;
  satellites: { name: string; line1: string; line2: string }[];
  sites: { name: string; latitudeDeg: number; longitudeDeg: number; altitudeMeters: number }[];
  passes: { satellite: string; site: string; riseSet: [string, string][] }[];
}

const fixture: SkyfieldPasses = JSON.parse(readFileSync(fixturePath('orbit', 'skyfield-passes.json'), 'utf8'));
const windowStart = Date.parse(fixture.window.start);
const windowEnd = Date.parse(fixture.window.end);

test('rise and set agree with skyfield within 0.1 s, including passes clipped by the window', () => {
  let compared = 0;
  let clipped = 0;
  for (const entry of fixture.passes) {
    const tle = fixture.satellites.find((satellite) => satellite.name === entry.satellite)!;
    const site = { ...fixture.sites.find((s) => s.name === entry.site)!, elevationMaskDeg: fixture.elevationMaskDeg };
    const expected = entry.riseSet
      .map(([rise, set]) => ({ riseMs: Date.parse(rise), setMs: Date.parse(set) }))
      .filter((pass) => pass.setMs >= windowStart && pass.riseMs <= windowEnd);
    clipped += expected.filter((pass) => pass.riseMs < windowStart || pass.setMs > windowEnd).length;

    const actual = findPasses(trajectoryFromTle(tle.line1, tle.line2), site, windowStart, windowEnd);
    const label = `${entry.satellite} over ${entry.site}`;
    assert.equal(actual.length, expected.length, `${label}: pass count`);
    actual.forEach((pass, i) => {
      const iso = (timeMs: number) => new Date(timeMs).toISOString();
      assert.ok(Math.abs(pass.riseMs - expected[i]!.riseMs) <= 100, `${label}: rise ${iso(pass.riseMs)}`);
      assert.ok(Math.abs(pass.setMs - expected[i]!.setMs) <= 100, `${label}: set ${iso(pass.setMs)}`);
      compared++;
    });
  }
  assert.ok(compared > 700, `only ${compared} passes compared`);
  // The window edges cut through at least one pass, so in-progress passes are exercised.
  assert.ok(clipped > 0);
});
