import assert from 'node:assert/strict';
import { test } from 'node:test';
import { azElAt, findPasses, lookAngles, trajectoryFromAzEl, type AzElTrack, type Site } from '../../src/orbit/index.js';

const site: Site = { latitudeDeg: 40.1, longitudeDeg: -83.11, altitudeMeters: 270, elevationMaskDeg: 10 };
const T0 = Date.parse('2026-07-21T01:00:00Z');

/** Samples every 10 s of azimuth and elevation given as functions of seconds from T0. */
function track(durationSeconds: number, azimuth: (s: number) => number, elevation: (s: number) => number, offsetSeconds = 0): AzElTrack {
  const points = [];
  for (let s = 0; s <= durationSeconds; s += 10) {
    points.push({ timeMs: T0 + (offsetSeconds + s) * 1000, azimuthDeg: ((azimuth(s) % 360) + 360) % 360, elevationDeg: elevation(s) });
  }
  return { startMs: T0 + offsetSeconds * 1000, endMs: T0 + (offsetSeconds + durationSeconds) * 1000, points };
}

test('azElAt interpolates a quartic exactly and crosses north without swinging through south', () => {
  const quartic = (s: number) => 1e-10 * s ** 4 - 1e-7 * s ** 3 + 1e-4 * s * s + 0.05 * s + 20;
  const smooth = track(300, () => 90, quartic);
  for (const s of [3, 47.5, 151, 299]) assert.ok(Math.abs(azElAt([smooth], T0 + s * 1000)!.elevationDeg - quartic(s)) < 1e-7);
  const acrossNorth = track(100, (s) => 350 + 0.2 * s, () => 30);
  const angles = azElAt([acrossNorth], T0 + 55_000)!;
  assert.ok(Math.abs(angles.azimuthDeg - 1) < 1e-9, `azimuth ${angles.azimuthDeg}`);
  assert.equal(azElAt([acrossNorth], T0 + 101_000), undefined);
});

test('trajectoryFromAzEl reproduces the track as look angles from its site', () => {
  const sweep = track(600, (s) => 300 + 0.3 * s, (s) => 5 + 60 * Math.sin((Math.PI * s) / 600));
  const trajectory = trajectoryFromAzEl(site, [sweep]);
  for (const s of [0, 125, 300, 480, 600]) {
    const expected = azElAt([sweep], T0 + s * 1000)!;
    const seen = lookAngles(trajectory, site, T0 + s * 1000)!;
    assert.ok(Math.abs(seen.elevationDeg - expected.elevationDeg) < 1e-6, `elevation at ${s} s`);
    assert.ok(Math.abs(seen.azimuthDeg - expected.azimuthDeg) < 1e-6, `azimuth at ${s} s`);
  }
});

test('findPasses over an az-el trajectory finds each segment above the mask and nothing in the gap', () => {
  const arc = (s: number) => -5 + 70 * Math.sin((Math.PI * s) / 600);
  const trajectory = trajectoryFromAzEl(site, [track(600, () => 180, arc), track(600, () => 180, arc, 3600)]);
  const passes = findPasses(trajectory, site, T0 - 60_000, T0 + 7200_000);
  const riseFraction = Math.asin(15 / 70) / Math.PI;
  assert.equal(passes.length, 2);
  passes.forEach((pass, index) => {
    const startMs = T0 + index * 3600_000;
    assert.ok(Math.abs(pass.riseMs - (startMs + riseFraction * 600_000)) < 200, `rise ${index}`);
    assert.ok(Math.abs(pass.setMs - (startMs + (1 - riseFraction) * 600_000)) < 200, `set ${index}`);
    assert.ok(Math.abs(pass.maxElevationDeg - 65) < 0.01);
  });
});
