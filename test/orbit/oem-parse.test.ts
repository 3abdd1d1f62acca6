import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOem, type OemErrorCode } from '../../src/orbit/index.js';

const VALID_OEM = `CCSDS_OEM_VERS = 2.0
COMMENT four NOAA-20 states, Earth-fixed
CREATION_DATE = 2026-07-21T00:00:00.000
ORIGINATOR = GROUND STATION LOCAL TESTS
META_START
OBJECT_NAME = NOAA 20
OBJECT_ID = 2017-073A
CENTER_NAME = EARTH
REF_FRAME = ITRF2000
TIME_SYSTEM = UTC
START_TIME = 2026-07-21T06:00:00.000
STOP_TIME = 2026-07-21T06:03:00.000
INTERPOLATION = LAGRANGE
INTERPOLATION_DEGREE = 3
META_STOP
COMMENT states follow
2026-07-21T06:00:00.000 -2775.489588 4917.349975 -4487.490143 -0.607756772 4.860213721 5.707085648
2026-07-21T06:01:00.000 -2805.409938 5199.575247 -4136.691749 -0.389722463 4.543969170 5.982465435
2026-07-21T06:02:00.000 -2822.281906 5462.239831 -3770.049257 -0.172976750 4.208397443 6.235052087
2026-07-21T06:03:00.000 -2826.212523 5704.222045 -3388.960403 0.041492581 3.854776963 6.463855100
`;

/** VALID_OEM with the line starting `keyword` replaced (or removed when replacement is null). */
function edited(keyword: string, replacement: string | null, text = VALID_OEM): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(keyword));
  assert.ok(index >= 0, `no ${keyword} line`);
  if (replacement === null) lines.splice(index, 1);
  else lines[index] = replacement;
  return lines.join('\n');
}

function assertRefused(text: string, errorCode: OemErrorCode, invalidReason: string) {
  const parsed = parseOem(text);
  assert.ok(!parsed.ok, `accepted, expected ${errorCode}`);
  const error = parsed.errors.find((e) => e.errorCode === errorCode);
  assert.ok(error, `${errorCode} not in ${JSON.stringify(parsed.errors)}`);
  assert.equal(error.invalidReason, invalidReason);
  assert.ok(error.errorMessage.length > 0);
}

test('a valid OEM parses with its metadata and states', () => {
  const parsed = parseOem(VALID_OEM);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  const [segment] = parsed.ephemeris.segments;
  assert.equal(parsed.ephemeris.originator, 'GROUND STATION LOCAL TESTS');
  assert.equal(segment!.objectId, '2017-073A');
  assert.equal(segment!.referenceFrame, 'ITRF2000');
  assert.equal(segment!.interpolationDegree, 3);
  assert.equal(segment!.states.length, 4);
  assert.equal(segment!.useableStartMs, Date.parse('2026-07-21T06:00:00Z'));
  assert.deepEqual(segment!.states[3]!.velocityKmPerSec, { x: 0.041492581, y: 3.854776963, z: 6.4638551 });
});

test('covariance blocks, accelerations, ordinal dates and CRLF line ends are accepted', () => {
  // Day 202 of 2026 is 21 July; the trailing zeros are accelerations.
  const lastState = '2026-202T06:03:00.000 -2826.212523 5704.222045 -3388.960403 0.041492581 3.854776963 6.4638551 0 0 0';
  const withExtras = `${edited('2026-07-21T06:03:00.000', lastState)}COVARIANCE_START
EPOCH = 2026-07-21T06:00:00.000
COV_REF_FRAME = ITRF2000
1.0e-3
COVARIANCE_STOP
`.replaceAll('\n', '\r\n');
  const parsed = parseOem(withExtras);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  assert.equal(parsed.ephemeris.segments[0]!.states[3]!.epochMs, Date.parse('2026-07-21T06:03:00Z'));
});

test('several metadata blocks become segments, with a useable span narrower than the data', () => {
  const second = VALID_OEM.slice(VALID_OEM.indexOf('META_START'))
    .replaceAll('T06:0', 'T07:0')
    .replace('META_STOP', 'USEABLE_START_TIME = 2026-07-21T07:01:00\nMETA_STOP');
  const parsed = parseOem(VALID_OEM + second);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  assert.deepEqual(
    parsed.ephemeris.segments.map((s) => [s.useableStartMs, s.useableStopMs].map((t) => new Date(t).toISOString())),
    [
      ['2026-07-21T06:00:00.000Z', '2026-07-21T06:03:00.000Z'],
      ['2026-07-21T07:01:00.000Z', '2026-07-21T07:03:00.000Z'],
    ],
  );
});

test('an unsupported CCSDS_OEM_VERS is OEM_VERSION_UNSUPPORTED', () => {
  assertRefused(edited('CCSDS_OEM_VERS', 'CCSDS_OEM_VERS = 1.0'), 'OEM_VERSION_UNSUPPORTED', 'METADATA_INVALID');
});

test('a missing ORIGINATOR is ORIGINATOR_MISSING', () => {
  assertRefused(edited('ORIGINATOR', null), 'ORIGINATOR_MISSING', 'METADATA_INVALID');
});

test('a missing CREATION_DATE is CREATION_DATE_MISSING', () => {
  assertRefused(edited('CREATION_DATE', null), 'CREATION_DATE_MISSING', 'METADATA_INVALID');
});

test('a missing OBJECT_NAME is OBJECT_NAME_MISSING', () => {
  assertRefused(edited('OBJECT_NAME', null), 'OBJECT_NAME_MISSING', 'METADATA_INVALID');
});

test('a missing OBJECT_ID is OBJECT_ID_MISSING', () => {
  assertRefused(edited('OBJECT_ID', null), 'OBJECT_ID_MISSING', 'METADATA_INVALID');
});

test('a REF_FRAME other than EME2000 or ITRF2000 is REF_FRAME_UNSUPPORTED', () => {
  assertRefused(edited('REF_FRAME', 'REF_FRAME = TEME'), 'REF_FRAME_UNSUPPORTED', 'METADATA_INVALID');
});

test('a REF_FRAME_EPOCH is REF_FRAME_EPOCH_UNSUPPORTED', () => {
  const text = edited('REF_FRAME', 'REF_FRAME = EME2000\nREF_FRAME_EPOCH = 2000-01-01T12:00:00');
  assertRefused(text, 'REF_FRAME_EPOCH_UNSUPPORTED', 'METADATA_INVALID');
});

test('a TIME_SYSTEM other than UTC is TIME_SYSTEM_UNSUPPORTED', () => {
  assertRefused(edited('TIME_SYSTEM', 'TIME_SYSTEM = TAI'), 'TIME_SYSTEM_UNSUPPORTED', 'METADATA_INVALID');
});

test('a CENTER_NAME other than EARTH is CENTER_BODY_UNSUPPORTED', () => {
  assertRefused(edited('CENTER_NAME', 'CENTER_NAME = MOON'), 'CENTER_BODY_UNSUPPORTED', 'METADATA_INVALID');
});

test('a missing or unknown INTERPOLATION is INTERPOLATION_MISSING', () => {
  assertRefused(edited('INTERPOLATION =', null), 'INTERPOLATION_MISSING', 'METADATA_INVALID');
  assertRefused(edited('INTERPOLATION =', 'INTERPOLATION = LINEAR'), 'INTERPOLATION_MISSING', 'METADATA_INVALID');
});

test('a degree not a positive integer, or needing more states than given, is INTERPOLATION_DEGREE_INVALID', () => {
  for (const degree of ['0', '2.5', 'five']) {
    const text = edited('INTERPOLATION_DEGREE', `INTERPOLATION_DEGREE = ${degree}`);
    assertRefused(text, 'INTERPOLATION_DEGREE_INVALID', 'METADATA_INVALID');
  }
  assertRefused(edited('INTERPOLATION_DEGREE', null), 'INTERPOLATION_DEGREE_INVALID', 'METADATA_INVALID');
  // Lagrange degree 4 needs 5 states; Hermite degree 7 needs 4, so it passes with the same data.
  const degree4 = edited('INTERPOLATION_DEGREE', 'INTERPOLATION_DEGREE = 4');
  assertRefused(degree4, 'INTERPOLATION_DEGREE_INVALID', 'METADATA_INVALID');
  const degree7 = edited('INTERPOLATION_DEGREE', 'INTERPOLATION_DEGREE = 7');
  const hermite = edited('INTERPOLATION =', 'INTERPOLATION = HERMITE', degree7);
  assert.ok(parseOem(hermite).ok);
});

test('a START_TIME before the first state is START_TIME_METADATA_TOO_EARLY', () => {
  const text = edited('START_TIME', 'START_TIME = 2026-07-21T05:59:00.000');
  assertRefused(text, 'START_TIME_METADATA_TOO_EARLY', 'TRAJECTORY_INVALID');
  const useable = edited('META_STOP', 'USEABLE_START_TIME = 2026-07-21T05:59:59\nMETA_STOP');
  assertRefused(useable, 'START_TIME_METADATA_TOO_EARLY', 'TRAJECTORY_INVALID');
});

test('a STOP_TIME after the last state is STOP_TIME_METADATA_TOO_LATE', () => {
  const text = edited('STOP_TIME', 'STOP_TIME = 2026-07-21T06:04:00.000');
  assertRefused(text, 'STOP_TIME_METADATA_TOO_LATE', 'TRAJECTORY_INVALID');
});

test('malformed structure or states are FILE_FORMAT_INVALID', () => {
  const malformed = [
    edited('2026-07-21T06:01:00.000', '2026-07-21T06:01:00.000 -2805.409938 5199.575247 not-a-number 1 2 3'),
    edited('2026-07-21T06:01:00.000', '2026-07-21T06:01:00.000 -2805.409938 5199.575247'),
    edited('2026-07-21T06:01:00.000', '2026-07-21T06:02:00.000 -2805.409938 5199.575247 -4136.691749 0 0 0'),
    edited('2026-07-21T06:01:00.000', '2026-07-21T25:01:00.000 -2805.409938 5199.575247 -4136.691749 0 0 0'),
    edited('META_STOP', null),
    edited('START_TIME', null),
    edited('STOP_TIME', 'STOP_TIME = 2026-07-21T06:02:00.000'),
    VALID_OEM.slice(0, VALID_OEM.indexOf('2026-07-21T06:00:00.000 ')),
    'CCSDS_OEM_VERS = 2.0\nCREATION_DATE = 2026-07-21T00:00:00\nORIGINATOR = X\n',
    '',
  ];
  for (const text of malformed) assertRefused(text, 'FILE_FORMAT_INVALID', 'TRAJECTORY_INVALID');
});

test('every problem found is reported, each once', () => {
  const parsed = parseOem(edited('ORIGINATOR', null, edited('OBJECT_NAME', null)));
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.errors.map((e) => e.errorCode), ['ORIGINATOR_MISSING', 'OBJECT_NAME_MISSING']);
});
