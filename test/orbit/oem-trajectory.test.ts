import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  findPasses,
  parseOem,
  trajectoryFromOem,
  trajectoryFromTle,
  type Site,
  type Vector3,
} from '../../src/orbit/index.js';
import { fixturePath } from '../support/paths.js';

// NOAA-20 sampled from the bundled TLE by skyfield (scripts/skyfield-oem.py), every 60 s
// from 06:00 to 14:00 UTC: in ITRF2000 (Lagrange 7) and in EME2000 (Hermite 5).
function loadOem(file: string) {
  const parsed = parseOem(readFileSync(fixturePath('orbit', file), 'utf8'));
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  return parsed.ephemeris;
}
const itrf = loadOem('noaa20-itrf2000.oem');
const eme = loadOem('noaa20-eme2000.oem');
const [, line1, line2] = readFileSync(fixturePath('orbit', 'public-broadcast-2026-07-21.tle'), 'utf8').split(/\r?\n/);
const tle = trajectoryFromTle(line1!, line2!);

const distanceKm = (a: Vector3, b: Vector3) => Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
const sites: Site[] = [
  { latitudeDeg: 40.1, longitudeDeg: -83.11, altitudeMeters: 270, elevationMaskDeg: 10 },
  { latitudeDeg: 64.84, longitudeDeg: -147.72, altitudeMeters: 150, elevationMaskDeg: 10 },
];

test('EME2000 states rotate to Earth-fixed within 10 m of skyfield ITRS', () => {
  const trajectory = trajectoryFromOem(eme);
  const fixedStates = itrf.segments[0]!.states;
  for (const state of fixedStates) {
    const error = distanceKm(trajectory.positionEcfKm(state.epochMs)!, state.positionKm);
    assert.ok(error < 0.01, `${new Date(state.epochMs).toISOString()}: ${error} km`);
  }
});

test('Lagrange and Hermite interpolation between states follow the TLE within 10 m', () => {
  for (const ephemeris of [itrf, eme]) {
    const trajectory = trajectoryFromOem(ephemeris);
    const { startMs, endMs } = trajectory.coverage!;
    // A 7 s stride lands between states at every phase of the 60 s spacing.
    for (let t = startMs; t <= endMs; t += 7_000) {
      const error = distanceKm(trajectory.positionEcfKm(t)!, tle.positionEcfKm(t)!);
      assert.ok(error < 0.01, `${ephemeris.segments[0]!.referenceFrame} at ${new Date(t).toISOString()}: ${error} km`);
    }
  }
});

test('passes from an OEM match the TLE passes within 1 s', () => {
  let compared = 0;
  for (const ephemeris of [itrf, eme]) {
    const trajectory = trajectoryFromOem(ephemeris);
    const { startMs, endMs } = trajectory.coverage!;
    for (const site of sites) {
      const expected = findPasses(tle, site, startMs, endMs);
      const actual = findPasses(trajectory, site, startMs, endMs);
      assert.equal(actual.length, expected.length);
      actual.forEach((pass, i) => {
        assert.ok(Math.abs(pass.riseMs - expected[i]!.riseMs) <= 1000);
        assert.ok(Math.abs(pass.setMs - expected[i]!.setMs) <= 1000);
        assert.ok(Math.abs(pass.maxElevationDeg - expected[i]!.maxElevationDeg) < 0.01);
        compared++;
      });
    }
  }
  assert.equal(compared, 10);
});

test('an OEM trajectory has positions and passes only within its coverage', () => {
  const trajectory = trajectoryFromOem(itrf);
  const { startMs, endMs } = trajectory.coverage!;
  assert.equal(startMs, Date.parse('2026-07-21T06:00:00Z'));
  assert.equal(endMs, Date.parse('2026-07-21T14:00:00Z'));
  assert.equal(trajectory.epochMs, startMs);
  assert.equal(trajectory.positionEcfKm(startMs - 1), undefined);
  assert.equal(trajectory.positionEcfKm(endMs + 1), undefined);
  const passes = findPasses(trajectory, sites[1]!, startMs - 86_400_000, endMs + 86_400_000);
  assert.equal(passes.length, 3);
  assert.ok(passes.every((pass) => pass.riseMs >= startMs && pass.setMs <= endMs));
});

test('skipping ahead on an OEM finds the same passes as fixed-step sampling', () => {
  for (const ephemeris of [itrf, eme]) {
    const trajectory = trajectoryFromOem(ephemeris);
    const fixedStepOnly = { ...trajectory, motionBounds: undefined };
    const { startMs, endMs } = trajectory.coverage!;
    for (const site of sites) {
      for (const elevationMaskDeg of [0, 10, 45]) {
        const masked = { ...site, elevationMaskDeg };
        assert.deepEqual(findPasses(trajectory, masked, startMs, endMs), findPasses(fixedStepOnly, masked, startMs, endMs));
      }
    }
  }
});
