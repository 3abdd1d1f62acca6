import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CreateEphemerisCommand, DescribeEphemerisCommand } from '@aws-sdk/client-groundstation';
import { describe, it } from 'node:test';
import { boto3, jsClient, type Boto3Outcome } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { temporaryDataDir, useServer } from '../support/server.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { eventually, readJsonl } from '../events/event-sinks.js';
import { NOAA20_TLE, noaa20Oem, SNPP_TLE, tleData, withChecksum } from './ephemeris-data.js';
import { describeWhenValidated } from './validation-wait.js';

const NOAA20_ID = BUNDLED[0]!.satelliteId;
const DAY = 86400;

describe('ephemeris validation', () => {
  const eventsFile = join(temporaryDataDir(), 'events.jsonl');
  const server = useServer({ eventsFile });
  it('CreateEphemeris answers VALIDATING at once, then ENABLED, whose event is its first', async () => {
    const now = Math.floor(Date.now() / 1000);
    const client = jsClient(server.url);
    const { ephemerisId } = await client.send(
      new CreateEphemerisCommand({
        satelliteId: NOAA20_ID,
        name: 'js',
        ephemeris: { tle: { tleData: [{ ...tleData(now - DAY, now + DAY), validTimeRange: { startTime: new Date((now - DAY) * 1000), endTime: new Date((now + DAY) * 1000) } }] } },
      }),
    );
    const first = await client.send(new DescribeEphemerisCommand({ ephemerisId }));
    assert.equal(first.status, 'VALIDATING');
    const [later] = await describeWhenValidated(server.url, [ephemerisId!]);
    assert.equal(later!.status, 'ENABLED');

    // The outcome's event is published as the clock reaches it, and reaches the file just after.
    const ofEphemeris = () => readJsonl(eventsFile).filter((e) => e['detail-type'] === 'Ground Station Ephemeris Status Change' && e.detail.ephemerisId === ephemerisId);
    const changes = await eventually('the outcome event', ofEphemeris, (events) => events.length >= 1);
    assert.deepEqual(changes.map((e) => e.detail), [{ ephemerisStatus: 'ENABLED', satelliteId: NOAA20_ID, ephemerisId }]);
    assert.deepEqual(changes[0].resources, [`arn:aws:groundstation:us-east-2:111122223333:ephemeris/${ephemerisId}`]);
  });

  it('CreateEphemeris validates each rule into its status, invalidReason and errorReasons', async () => {
    const now = Math.floor(Date.now() / 1000);
    const nowMs = now * 1000;
    const badChecksum = { line1: NOAA20_TLE.line1.slice(0, 68) + ((Number(NOAA20_TLE.line1[68]) + 1) % 10), line2: NOAA20_TLE.line2 };
    const zeroMeanMotion = { line1: NOAA20_TLE.line1, line2: withChecksum(NOAA20_TLE.line2.slice(0, 52) + ' 0.00000000' + NOAA20_TLE.line2.slice(63)) };
    const tle = (...data: object[]) => ({ tle: { tleData: data } });
    const cases: [string, object, object][] = [
      ['abutting TLE set', tle(tleData(now - DAY, now), tleData(now, now + DAY)), { status: 'ENABLED' }],
      ['disabled', { ...tle(tleData(now - DAY, now + DAY)), enabled: false }, { status: 'DISABLED' }],
      ['other satellite TLE', tle(tleData(now - DAY, now + DAY, SNPP_TLE)), { status: 'INVALID', invalidReason: 'METADATA_INVALID', codes: ['MISMATCHED_SATCAT_ID'] }],
      ['bad checksum', tle(tleData(now - DAY, now + DAY, badChecksum)), { status: 'INVALID', invalidReason: 'TRAJECTORY_INVALID', codes: ['FILE_FORMAT_INVALID'] }],
      ['zero mean motion', tle(tleData(now - DAY, now + DAY, zeroMeanMotion)), { status: 'INVALID', invalidReason: 'TRAJECTORY_INVALID', codes: ['MEAN_MOTION_INVALID'] }],
      ['gap between TLEs', tle(tleData(now - DAY, now), tleData(now + 60, now + DAY)), { status: 'INVALID', invalidReason: 'TIME_RANGE_INVALID', codes: [] }],
      ['end before start', tle(tleData(now + DAY, now - DAY)), { status: 'INVALID', invalidReason: 'TIME_RANGE_INVALID', codes: [] }],
      ['starts in the future', tle(tleData(now + 3600, now + DAY)), { status: 'INVALID', invalidReason: 'TIME_RANGE_INVALID', codes: ['START_TIME_IN_FUTURE'] }],
      ['ended in the past', tle(tleData(now - 2 * DAY, now - DAY)), { status: 'INVALID', invalidReason: 'TIME_RANGE_INVALID', codes: ['END_TIME_IN_PAST'] }],
      ['expiration in the past', { ...tle(tleData(now - DAY, now + DAY)), expirationTime: now - 60 }, { status: 'INVALID', invalidReason: 'TIME_RANGE_INVALID', codes: ['EXPIRATION_TIME_TOO_EARLY'] }],
      ['expiration after coverage', { ...tle(tleData(now - DAY, now + DAY)), expirationTime: now + 2 * DAY }, { status: 'INVALID', invalidReason: 'TIME_RANGE_INVALID', codes: [] }],
      ['OEM', { oem: { oemData: noaa20Oem(nowMs - 3_600_000, nowMs + 3_600_000) } }, { status: 'ENABLED' }],
      ['OEM in GCRF', { oem: { oemData: noaa20Oem(nowMs - 3_600_000, nowMs + 3_600_000, (t) => t.replace('ITRF2000', 'GCRF')) } }, { status: 'INVALID', invalidReason: 'METADATA_INVALID', codes: ['REF_FRAME_UNSUPPORTED'] }],
      ['OEM without ORIGINATOR', { oem: { oemData: noaa20Oem(nowMs - 3_600_000, nowMs + 3_600_000, (t) => t.replace(/ORIGINATOR.*\n/, '')) } }, { status: 'INVALID', invalidReason: 'METADATA_INVALID', codes: ['ORIGINATOR_MISSING'] }],
      ['OEM of degree 1000', { oem: { oemData: noaa20Oem(nowMs - 86_400_000, nowMs + 86_400_000, (t) => t.replace('INTERPOLATION_DEGREE = 5', 'INTERPOLATION_DEGREE = 1000')) } }, { status: 'INVALID', invalidReason: 'METADATA_INVALID', codes: ['INTERPOLATION_DEGREE_INVALID'] }],
      ['OEM of 15000 states', { oem: { oemData: noaa20Oem(nowMs - 5 * 86_400_000, nowMs + 5.5 * 86_400_000) } }, { status: 'INVALID', invalidReason: 'TRAJECTORY_INVALID', codes: ['FILE_FORMAT_INVALID'] }],
      ['TLE from S3', { tle: { s3Object: { bucket: 'my-bucket', key: 'noaa20.tle' } } }, { status: 'ERROR' }],
    ];
    const created = await boto3(
      server.url,
      cases.map(([name, { ...data }]) => {
        const { enabled, expirationTime, ...ephemeris } = data as Record<string, unknown>;
        return { op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, name: name.replace(/[^a-zA-Z0-9 ]/g, ''), ephemeris, ...(enabled !== undefined ? { enabled } : {}), ...(expirationTime !== undefined ? { expirationTime } : {}) } };
      }),
    );
    const ids = created.map((outcome: Boto3Outcome, index) => {
      assert.ok(outcome.result?.ephemerisId, `${cases[index]![0]}: ${JSON.stringify(outcome)}`);
      return outcome.result.ephemerisId as string;
    });
    const described = await describeWhenValidated(server.url, ids);
    for (const [index, [name, , expected]] of cases.entries()) {
      const { status, invalidReason, errorReasons } = described[index]!;
      const codes = (errorReasons ?? []).map((reason: any) => reason.errorCode);
      const actual = { status, ...(invalidReason ? { invalidReason, codes } : {}) };
      assert.deepEqual(actual, expected, name);
    }
  });

  it('CreateEphemeris refuses a missing or unknown satellite and missing data', async () => {
    const now = Math.floor(Date.now() / 1000);
    const ephemeris = { tle: { tleData: [tleData(now - DAY, now + DAY)] } };
    const [unknown, noSatellite, noData] = await boto3(server.url, [
      { op: 'create_ephemeris', params: { satelliteId: ZERO_UUID, name: 'x', ephemeris } },
      { op: 'create_ephemeris', params: { name: 'x', ephemeris } },
      { op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, name: 'x' } },
    ]);
    assert.equal(unknown!.error?.code, 'ResourceNotFoundException');
    assert.equal(unknown!.error?.status, 434);
    assert.deepEqual([noSatellite!.error?.status, noSatellite!.error?.parameterName], [431, 'satelliteId']);
    assert.deepEqual([noData!.error?.status, noData!.error?.parameterName], [431, 'ephemeris']);
  });
});
