import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lookAngles, trajectoryFromTle, type Site, type Trajectory, type Vector3 } from '../../src/orbit/index.js';
import { fixturePath } from '../support/paths.js';

const site: Site = { latitudeDeg: -53.16, longitudeDeg: -70.91, altitudeMeters: 30, elevationMaskDeg: 10 };
const at = (position: Vector3): Trajectory => ({ epochMs: 0, positionEcfKm: () => position });

/** The site plus `km` times an east-north-up vector (not necessarily of unit length). */
function fromSite(east: number, north: number, up: number, km: number): Vector3 {
  const lat = (site.latitudeDeg * Math.PI) / 180;
  const lon = (site.longitudeDeg * Math.PI) / 180;
  // WGS84 site position, as geodeticToEcf computes it.
  const a = 6378.137;
  const e2 = 0.00669437999014;
  const n = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  const h = site.altitudeMeters / 1000;
  const origin = {
    x: (n + h) * Math.cos(lat) * Math.cos(lon),
    y: (n + h) * Math.cos(lat) * Math.sin(lon),
    z: (n * (1 - e2) + h) * Math.sin(lat),
  };
  const enu = [
    [-Math.sin(lon), Math.cos(lon), 0],
    [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)],
    [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)],
  ] as const;
  const direction = [east, north, up];
  const axis = (i: 0 | 1 | 2) => direction.reduce((sum, d, k) => sum + d * enu[k]![i], 0) * km;
  return { x: origin.x + axis(0), y: origin.y + axis(1), z: origin.z + axis(2) };
}

test('look angles follow the local east-north-up frame of the WGS84 site', () => {
  const cases: [Vector3, number, number, number][] = [
    [fromSite(0, 1, 0, 1000), 0, 0, 1000],
    [fromSite(1, 0, 0, 1000), 90, 0, 1000],
    [fromSite(0, -1, 1, 1000), 180, 45, 1000 * Math.SQRT2],
    [fromSite(-1, 0, Math.sqrt(3), 1000), 270, 60, 2000],
  ];
  for (const [position, azimuthDeg, elevationDeg, rangeKm] of cases) {
    const angles = lookAngles(at(position), site, 0)!;
    assert.ok(Math.abs(angles.azimuthDeg - azimuthDeg) < 1e-6, `azimuth ${angles.azimuthDeg}`);
    assert.ok(Math.abs(angles.elevationDeg - elevationDeg) < 1e-6, `elevation ${angles.elevationDeg}`);
    assert.ok(Math.abs(angles.rangeKm - rangeKm) < 1e-6, `range ${angles.rangeKm}`);
  }
});

test('elevation at skyfield rise and set times is the mask within 0.001°', () => {
  const fixture = JSON.parse(readFileSync(fixturePath('orbit', 'skyfield-passes.json'), 'utf8'));
  const entry = fixture.passes.find((p: { site: string }) => p.site === 'Punta Arenas 1');
  const tle = fixture.satellites.find((s: { name: string }) => s.name === entry.satellite);
  const trajectory = trajectoryFromTle(tle.line1, tle.line2);
  for (const [rise, set] of entry.riseSet.slice(0, 10) as [string, string][]) {
    for (const time of [rise, set]) {
      const { elevationDeg } = lookAngles(trajectory, site, Date.parse(time))!;
      assert.ok(Math.abs(elevationDeg - 10) < 0.001, `${time}: ${elevationDeg}°`);
    }
  }
});

test('there are no look angles where the trajectory has no position', () => {
  assert.equal(lookAngles({ epochMs: 0, positionEcfKm: () => undefined }, site, 0), undefined);
});
