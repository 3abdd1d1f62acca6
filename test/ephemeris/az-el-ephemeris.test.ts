import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, assertRawError, UUID } from '../support/assertions.js';
import { boto3, boto3Ok, raw } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { CLOCK_START_SECONDS, moveClock, stoppedClockDataDir } from '../contact/contact-support.js';
import { eventually, readJsonl } from '../events/event-sinks.js';
import { azElEphemeris, azElPassSegment } from './az-el-data.js';

const HOUR = 3600;
const NOAA20_ID = BUNDLED[0]!.satelliteId;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('az-el ephemerides', () => {
  const data = stoppedClockDataDir();
  let url: string;
  before(async () => {
    url = (await data.start()).url;
  });

  const create = (params: object) => boto3Ok(url, { op: 'create_ephemeris', params: { name: 'az-el', ...params } });
  const validated = async (ephemerisIds: string[]) => {
    await moveClock(url, { advanceSeconds: 2 });
    return (await boto3(url, ephemerisIds.map((ephemerisId) => ({ op: 'describe_ephemeris', params: { ephemerisId } })))).map((o) => o.result);
  };

  it('CreateEphemeris takes azEl data for a ground station, without a satellite, and DescribeEphemeris shows it as supplied', async () => {
    const segment = azElPassSegment(CLOCK_START_SECONDS + HOUR);
    const { ephemerisId } = await create({ ephemeris: azElEphemeris('Ohio 1', [segment]) });
    assert.match(ephemerisId, UUID);
    const first = await boto3Ok(url, { op: 'describe_ephemeris', params: { ephemerisId } });
    assert.equal(first.status, 'VALIDATING');
    const [described] = await validated([ephemerisId]);
    assert.equal(described.status, 'ENABLED');
    assert.equal(described.satelliteId, undefined);
    assert.equal(described.invalidReason, undefined);
    assert.deepEqual(Object.keys(described.suppliedData), ['azEl']);
    assert.deepEqual(JSON.parse(described.suppliedData.azEl.ephemerisData), {
      angleUnit: 'DEGREE_ANGLE',
      azElSegmentList: [
        {
          referenceEpoch: iso(segment.referenceEpoch),
          validTimeRange: { startTime: iso(segment.validTimeRange.startTime), endTime: iso(segment.validTimeRange.endTime) },
          azElList: segment.azElList,
        },
      ],
    });
    // Its status change event names no satellite, as it has none.
    const ofEphemeris = () => readJsonl(data.eventsFile).filter((e) => e['detail-type'] === 'Ground Station Ephemeris Status Change' && e.detail.ephemerisId === ephemerisId);
    const [event] = await eventually('the ENABLED event', ofEphemeris, (events) => events.length >= 1);
    assert.deepEqual(event.detail, { ephemerisStatus: 'ENABLED', ephemerisId });
  });

  it('ListEphemerides lists az-el ephemerides as AZ_EL, by type, and not under a satellite they do not name', async () => {
    const { ephemerisId } = await create({ satelliteId: NOAA20_ID, ephemeris: azElEphemeris('Ohio 1', [azElPassSegment(CLOCK_START_SECONDS + 2 * HOUR, { unit: 'RADIAN' })], 'RADIAN') });
    await validated([ephemerisId]);
    const window = { startTime: CLOCK_START_SECONDS, endTime: CLOCK_START_SECONDS + 86400 };
    const [azEl, tle, ofNoaa20] = await boto3(url, [
      { op: 'list_ephemerides', params: { ...window, ephemerisType: 'AZ_EL' } },
      { op: 'list_ephemerides', params: { ...window, ephemerisType: 'TLE' } },
      { op: 'list_ephemerides', params: { ...window, satelliteId: NOAA20_ID } },
    ]);
    assert.equal(azEl!.result.ephemerides.length, 2);
    for (const item of azEl!.result.ephemerides) {
      assert.equal(item.ephemerisType, 'AZ_EL');
      assert.equal(item.status, 'ENABLED');
    }
    assert.deepEqual(tle!.result.ephemerides, []);
    assert.deepEqual(ofNoaa20!.result.ephemerides.map((e: any) => e.ephemerisId), [ephemerisId]);
    const described = await boto3Ok(url, { op: 'describe_ephemeris', params: { ephemerisId } });
    assert.equal(described.satelliteId, NOAA20_ID);
  });

  it('CreateEphemeris validates az-el segments into INVALID with invalidReason and errorReasons', async () => {
    const start = CLOCK_START_SECONDS + 3 * HOUR;
    const good = azElPassSegment(start);
    const shifted = (seconds: number) => azElPassSegment(start + seconds);
    const withPoint = (index: number, change: object) => ({ ...good, azElList: good.azElList.map((p, i) => (i === index ? { ...p, ...change } : p)) });
    const cases: [string, object[], string, string][] = [
      ['validTimeRange ends before it starts', [{ ...good, validTimeRange: { startTime: start + 600, endTime: start + 60 } }], 'TIME_RANGE_INVALID', 'AZ_EL_SEGMENT_END_TIME_BEFORE_START_TIME'],
      ['dt out of order', [withPoint(3, { dt: 20 })], 'TRAJECTORY_INVALID', 'TIME_AZ_EL_ITEMS_OUT_OF_ORDER'],
      ['azimuth beyond 360°', [withPoint(2, { az: 361 })], 'TRAJECTORY_INVALID', 'TIME_AZ_EL_AZ_DEGREE_RANGE_INVALID'],
      ['elevation beyond 90°', [withPoint(2, { el: 90.5 })], 'TRAJECTORY_INVALID', 'TIME_AZ_EL_EL_DEGREE_RANGE_INVALID'],
      ['points starting after validTimeRange', [{ ...good, validTimeRange: { startTime: start - 60, endTime: start + 720 } }], 'TIME_RANGE_INVALID', 'AZ_EL_SEGMENT_START_TIME_INVALID'],
      ['points ending before validTimeRange', [{ ...good, validTimeRange: { startTime: start, endTime: start + 800 } }], 'TIME_RANGE_INVALID', 'AZ_EL_SEGMENT_END_TIME_INVALID'],
      ['overlapping segments', [good, shifted(600)], 'TIME_RANGE_INVALID', 'AZ_EL_SEGMENT_TIMES_OVERLAP'],
      ['segments out of order', [shifted(HOUR), good], 'TIME_RANGE_INVALID', 'AZ_EL_SEGMENTS_OUT_OF_ORDER'],
      ['data that has ended', [azElPassSegment(CLOCK_START_SECONDS - HOUR)], 'TIME_RANGE_INVALID', 'END_TIME_IN_PAST'],
    ];
    const ids = [];
    for (const [name, segments] of cases) ids.push((await create({ name: name.replace(/[^a-zA-Z0-9 ]/g, ''), ephemeris: azElEphemeris('Ohio 1', segments) })).ephemerisId);
    const radians = await create({ ephemeris: azElEphemeris('Ohio 1', [good], 'RADIAN') });
    const described = await validated([...ids, radians.ephemerisId]);
    cases.forEach(([name, , invalidReason, errorCode], index) => {
      const ephemeris = described[index];
      assert.deepEqual([ephemeris.status, ephemeris.invalidReason, ephemeris.errorReasons?.[0]?.errorCode], ['INVALID', invalidReason, errorCode], name);
      assert.equal(typeof ephemeris.errorReasons[0].errorMessage, 'string');
    });
    // Degrees sent as RADIAN: azimuths beyond 2π and elevations beyond π/2, each reported.
    assert.deepEqual(described[cases.length].errorReasons.map((r: any) => r.errorCode), ['TIME_AZ_EL_AZ_RADIAN_RANGE_INVALID', 'TIME_AZ_EL_EL_RADIAN_RANGE_INVALID']);
  });

  it('CreateEphemeris refuses an unknown ground station or satellite (434) and both or neither data kind (431), storing nothing', async () => {
    const segment = azElPassSegment(CLOCK_START_SECONDS + HOUR);
    const [station, satellite] = await boto3(url, [
      { op: 'create_ephemeris', params: { name: 'x', ephemeris: azElEphemeris('Nowhere 1', [segment]) } },
      { op: 'create_ephemeris', params: { name: 'x', satelliteId: ZERO_UUID, ephemeris: azElEphemeris('Ohio 1', [segment]) } },
    ]);
    assertBoto3Error(station, { code: 'ResourceNotFoundException', status: 434, message: /Ground station Nowhere 1 was not found/ });
    assertBoto3Error(satellite, { code: 'ResourceNotFoundException', status: 434, message: new RegExp(`Satellite ${ZERO_UUID} was not found`) });
    const wire = {
      referenceEpoch: iso(segment.referenceEpoch),
      validTimeRange: { startTime: iso(segment.validTimeRange.startTime), endTime: iso(segment.validTimeRange.endTime) },
      azElList: segment.azElList,
    };
    const azElData = { angleUnit: 'DEGREE_ANGLE', azElSegmentList: [wire] };
    const both = await raw(url, 'POST', '/ephemeris', {
      body: { name: 'raw-both', ephemeris: { azEl: { groundStation: 'Ohio 1', data: { azElData, s3Object: { bucket: 'aws-groundstation-ephemerides', key: 'az-el.json' } } } } },
    });
    assertRawError(both, { code: 'InvalidParameterException', status: 431, parameterName: 'ephemeris.azEl.data' });
    const tooFew = await raw(url, 'POST', '/ephemeris', {
      body: { name: 'raw-few', ephemeris: { azEl: { groundStation: 'Ohio 1', data: { azElData: { ...azElData, azElSegmentList: [{ ...wire, azElList: wire.azElList.slice(0, 4) }] } } } } },
    });
    assert.equal(tooFew.status, 431, tooFew.text);
    const listed = await boto3Ok(url, { op: 'list_ephemerides', params: { startTime: CLOCK_START_SECONDS - 86400, endTime: CLOCK_START_SECONDS + 30 * 86400 } });
    assert.ok(!listed.ephemerides.some((e: any) => e.name === 'x' || e.name.startsWith('raw-')));
  });
});
