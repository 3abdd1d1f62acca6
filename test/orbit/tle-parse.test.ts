import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTle, trajectoryFromTle } from '../../src/orbit/index.js';

const NOAA20 = [
  '1 43013U 17073A   26202.61007573  .00000028  00000+0  34127-4 0  9990',
  '2 43013  98.7772 141.7679 0001601 117.5455 242.5884 14.19517347449354',
] as const;

/** Recomputes the mod-10 checksum so a test can alter a field without tripping it. */
function withChecksum(line: string): string {
  const body = line.slice(0, 68);
  const sum = [...body].reduce((total, c) => total + (c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0), 0);
  return body + (sum % 10);
}

test('a valid TLE yields its catalog number and epoch', () => {
  const parsed = parseTle(...NOAA20);
  assert.ok(parsed.ok);
  assert.equal(parsed.catalogNumber, 43013);
  // Day 202.61007573 of 2026 = 21 July, 14:38:30.543 UTC.
  assert.ok(Math.abs(parsed.epochMs - Date.parse('2026-07-21T14:38:30.543Z')) < 1);
});

test('an alpha-5 catalog number parses', () => {
  const line1 = withChecksum(NOAA20[0].replace('43013U', 'T3013U'));
  const parsed = parseTle(line1, withChecksum(NOAA20[1].replace('2 43013', '2 T3013')));
  assert.ok(parsed.ok);
  assert.equal(parsed.catalogNumber, 273013);
});

test('trailing whitespace and carriage returns are tolerated', () => {
  assert.ok(parseTle(`${NOAA20[0]}\r`, `${NOAA20[1]}  `).ok);
});

test('a bad checksum is FILE_FORMAT_INVALID', () => {
  const parsed = parseTle(NOAA20[0].slice(0, 68) + '1', NOAA20[1]);
  assert.ok(!parsed.ok);
  assert.deepEqual([parsed.invalidReason, parsed.code], ['TRAJECTORY_INVALID', 'FILE_FORMAT_INVALID']);
  assert.match(parsed.message, /checksum/);
});

test('a corrupted digit in line 2 fails its checksum', () => {
  const parsed = parseTle(NOAA20[0], NOAA20[1].replace('98.7772', '98.7773'));
  assert.equal(parsed.ok ? undefined : parsed.code, 'FILE_FORMAT_INVALID');
});

test('a line of the wrong length is FILE_FORMAT_INVALID', () => {
  for (const [line1, line2] of [
    [NOAA20[0].slice(0, 68), NOAA20[1]],
    [NOAA20[0], `${NOAA20[1]}0`],
  ] as const) {
    const parsed = parseTle(line1, line2);
    assert.equal(parsed.ok ? undefined : parsed.code, 'FILE_FORMAT_INVALID');
    assert.match(parsed.ok ? '' : parsed.message, /characters/);
  }
});

test('mismatched catalog numbers are FILE_FORMAT_INVALID', () => {
  const parsed = parseTle(NOAA20[0], withChecksum(NOAA20[1].replace('2 43013', '2 43014')));
  assert.equal(parsed.ok ? undefined : parsed.code, 'FILE_FORMAT_INVALID');
  assert.match(parsed.ok ? '' : parsed.message, /catalog numbers differ/);
});

test('lines given in the wrong order are FILE_FORMAT_INVALID', () => {
  const parsed = parseTle(NOAA20[1], NOAA20[0]);
  assert.equal(parsed.ok ? undefined : parsed.code, 'FILE_FORMAT_INVALID');
});

test('elements SGP4 cannot initialise are MEAN_MOTION_INVALID', () => {
  // Vallado's case 33334 (its checksums deliberately wrong, so fixed here): a mean motion of
  // 1e-5 rev/day, SGP4 error 3 at initialisation.
  const parsed = parseTle(
    withChecksum('1 33334U 78066F   06174.85818871  .00000620  00000-0  10000-3 0  6809'),
    withChecksum('2 33334  68.4714 236.1303 5602877 123.7484 302.5767  0.00001000 67521'),
  );
  assert.equal(parsed.ok ? undefined : parsed.code, 'MEAN_MOTION_INVALID');
});

test('a zero mean motion is MEAN_MOTION_INVALID', () => {
  const parsed = parseTle(NOAA20[0], withChecksum(NOAA20[1].replace('14.19517347', ' 0.00000000')));
  assert.equal(parsed.ok ? undefined : parsed.code, 'MEAN_MOTION_INVALID');
});

test('a trajectory cannot be built from an invalid TLE', () => {
  assert.throws(() => trajectoryFromTle(NOAA20[0].slice(0, 68), NOAA20[1]), /characters/);
});

test('a TLE trajectory reports its epoch and no coverage limit', () => {
  const trajectory = trajectoryFromTle(...NOAA20);
  assert.equal(trajectory.coverage, undefined);
  const position = trajectory.positionEcfKm(trajectory.epochMs);
  assert.ok(position);
  const radius = Math.hypot(position.x, position.y, position.z);
  assert.ok(radius > 7000 && radius < 7300, `radius ${radius} km`);
});
