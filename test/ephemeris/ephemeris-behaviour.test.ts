import assert from 'node:assert/strict';
import { CreateEphemerisCommand, DeleteEphemerisCommand, DescribeEphemerisCommand, GetSatelliteCommand, UpdateEphemerisCommand } from '@aws-sdk/client-groundstation';
import { before, describe, it } from 'node:test';
import { boto3, boto3Ok, groundStationArn, jsClient, OTHER_ACCOUNT } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { noaa20Oem, tleData } from './ephemeris-data.js';
import { describeWhenValidated } from './validation-wait.js';

const NOAA20_ID = BUNDLED[0]!.satelliteId;
const DAY = 86400;

describe('ephemerides', () => {
  const server = useServer();
  let now: number;
  const create = (params: Record<string, unknown>) =>
    boto3Ok(server.url, { op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, ...params } }).then((r) => r.ephemerisId as string);
  const tle = (start: number, end: number) => ({ tle: { tleData: [tleData(start, end)] } });

  before(async () => {
    now = Math.floor(Date.now() / 1000);
  });

  it('DescribeEphemeris returns what was supplied, defaults included, and tags work on its ARN', async () => {
    const ephemerisId = await create({ name: 'described', ephemeris: tle(now - DAY, now + DAY), tags: { team: 'ops' } });
    const [described] = await describeWhenValidated(server.url, [ephemerisId]);
    assert.ok(Math.abs(described.creationTime - Date.now() / 1000) < 600);
    assert.deepEqual(described, {
      ephemerisId,
      satelliteId: NOAA20_ID,
      status: 'ENABLED',
      priority: 1,
      creationTime: described.creationTime,
      enabled: true,
      name: 'described',
      tags: { team: 'ops' },
      // The guide's DescribeEphemeris example echoes validTimeRange in epoch milliseconds.
      suppliedData: { tle: { ephemerisData: JSON.stringify([tleData((now - DAY) * 1000, (now + DAY) * 1000)]) } },
    });
    const { suppliedData } = await jsClient(server.url).send(new DescribeEphemerisCommand({ ephemerisId }));
    const [segment] = JSON.parse(suppliedData!.tle!.ephemerisData!);
    assert.deepEqual(segment.validTimeRange, { startTime: (now - DAY) * 1000, endTime: (now + DAY) * 1000 });
    const arn = groundStationArn(`ephemeris/${ephemerisId}`);
    const [, tags] = await boto3(server.url, [
      { op: 'tag_resource', params: { resourceArn: arn, tags: { env: 'test' } } },
      { op: 'list_tags_for_resource', params: { resourceArn: arn } },
    ]);
    assert.deepEqual(tags!.result, { tags: { team: 'ops', env: 'test' } });
  });

  it('UpdateEphemeris toggles enabled and renames; priority 0, a non-updatable status and an unknown id are refused', async () => {
    const [good, invalid] = (
      await boto3(server.url, [
        { op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, name: 'toggle', ephemeris: tle(now - DAY, now + DAY) } },
        { op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, name: 'invalid', ephemeris: tle(now + DAY, now + 2 * DAY) } },
      ])
    ).map((outcome) => outcome.result.ephemerisId as string);
    await describeWhenValidated(server.url, [good, invalid]);
    const [disabled, zero, notUpdatable, unknown] = await boto3(server.url, [
      { op: 'update_ephemeris', params: { ephemerisId: good, enabled: false, name: 'renamed', priority: 7 } },
      { op: 'update_ephemeris', params: { ephemerisId: good, enabled: true, priority: 0 } },
      { op: 'update_ephemeris', params: { ephemerisId: invalid, enabled: true } },
      { op: 'update_ephemeris', params: { ephemerisId: ZERO_UUID, enabled: true } },
    ]);
    assert.deepEqual(disabled!.result, { ephemerisId: good });
    assert.deepEqual([zero!.error?.status, zero!.error?.parameterName], [431, 'priority']);
    assert.deepEqual([notUpdatable!.error?.status, notUpdatable!.error?.parameterName], [431, 'ephemerisId']);
    assert.equal(unknown!.error?.status, 434);
    const after = await boto3Ok(server.url, { op: 'describe_ephemeris', params: { ephemerisId: good } });
    assert.deepEqual([after.status, after.enabled, after.name, after.priority], ['DISABLED', false, 'renamed', 7]);
  });

  it('DeleteEphemeris removes it; deleting again is ResourceNotFoundException', async () => {
    const ephemerisId = await create({ name: 'doomed', ephemeris: tle(now - DAY, now + DAY) });
    const [deleted, described, again] = await boto3(server.url, [
      { op: 'delete_ephemeris', params: { ephemerisId } },
      { op: 'describe_ephemeris', params: { ephemerisId } },
      { op: 'delete_ephemeris', params: { ephemerisId } },
    ]);
    assert.deepEqual(deleted!.result, { ephemerisId });
    assert.equal(described!.error?.status, 434);
    assert.equal(again!.error?.code, 'ResourceNotFoundException');
  });

  it('ListEphemerides filters by expiration window, satellite, type and status, and pages', async () => {
    const identity = { region: 'eu-west-1' };
    const nowMs = now * 1000;
    const created = await boto3(
      server.url,
      [
        { name: 'soon', ephemeris: tle(now - DAY, now + DAY) },
        { name: 'later', ephemeris: tle(now - DAY, now + 3 * DAY) },
        { name: 'oem', ephemeris: { oem: { oemData: noaa20Oem(nowMs - 3_600_000, nowMs + 7_200_000) } } },
        { name: 'off', enabled: false, ephemeris: tle(now - DAY, now + DAY) },
      ].map((params) => ({ op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, ...params } })),
      identity,
    );
    const soon = created[0]!.result.ephemerisId;
    await describeWhenValidated(server.url, created.map((outcome) => outcome.result.ephemerisId), identity);
    const window = { startTime: now, endTime: now + 4 * DAY };
    const names = (outcome: any) => outcome.result.ephemerides.map((e: any) => e.name);
    const [all, tomorrow, oem, disabled, satellite, none, unknown, backwards] = await boto3(
      server.url,
      [
        { op: 'list_ephemerides', params: window },
        { op: 'list_ephemerides', params: { startTime: now + DAY - 60, endTime: now + DAY + 60 } },
        { op: 'list_ephemerides', params: { ...window, ephemerisType: 'OEM' } },
        { op: 'list_ephemerides', params: { ...window, statusList: ['DISABLED'] } },
        { op: 'list_ephemerides', params: { ...window, satelliteId: NOAA20_ID } },
        { op: 'list_ephemerides', params: { startTime: now + 10 * DAY, endTime: now + 11 * DAY } },
        { op: 'list_ephemerides', params: { ...window, satelliteId: ZERO_UUID } },
        { op: 'list_ephemerides', params: { startTime: now + DAY, endTime: now } },
      ],
      identity,
    );
    assert.deepEqual(names(all), ['soon', 'later', 'oem', 'off']);
    assert.deepEqual(all!.result.ephemerides[0], {
      ephemerisId: soon,
      ephemerisType: 'TLE',
      status: 'ENABLED',
      priority: 1,
      enabled: true,
      creationTime: all!.result.ephemerides[0].creationTime,
      name: 'soon',
    });
    assert.deepEqual(names(tomorrow), ['soon', 'off']);
    assert.deepEqual(names(oem), ['oem']);
    assert.deepEqual(names(disabled), ['off']);
    assert.deepEqual(names(satellite), ['soon', 'later', 'oem', 'off']);
    assert.deepEqual(none!.result, { ephemerides: [] });
    assert.equal(unknown!.error?.status, 434);
    assert.equal(backwards!.error?.status, 431);

    const [pages] = await boto3(server.url, [{ paginate: 'list_ephemerides', params: { ...window, PaginationConfig: { PageSize: 3 } } }], identity);
    assert.deepEqual(pages!.result.map((page: any) => page.ephemerides.map((e: any) => e.name)), [['soon', 'later', 'oem'], ['off']]);
    // Ephemerides belong to their account and region.
    const [elsewhere] = await boto3(server.url, [{ op: 'list_ephemerides', params: window }], { account: OTHER_ACCOUNT, region: 'eu-west-1' });
    assert.deepEqual(elsewhere!.result, { ephemerides: [] });
  });

  it('GetSatellite currentEphemeris follows the highest-priority enabled ephemeris, then the default', async () => {
    const client = jsClient(server.url, { account: OTHER_ACCOUNT });
    const current = async () => (await client.send(new GetSatelliteCommand({ satelliteId: NOAA20_ID }))).currentEphemeris;
    const create = async (name: string, priority: number) =>
      (await client.send(new CreateEphemerisCommand({
        satelliteId: NOAA20_ID,
        name,
        priority,
        ephemeris: { tle: { tleData: [{ ...tleData(now - DAY, now + DAY), validTimeRange: { startTime: new Date((now - DAY) * 1000), endTime: new Date((now + DAY) * 1000) } }] } },
      }))).ephemerisId!;
    const low = await create('low', 5);
    const high = await create('high', 10);
    const newerLow = await create('newer low', 5);
    await describeWhenValidated(server.url, [low, high, newerLow], { account: OTHER_ACCOUNT });
    assert.deepEqual(await current(), { source: 'CUSTOMER_PROVIDED', ephemerisId: high, name: 'high' });

    await client.send(new UpdateEphemerisCommand({ ephemerisId: high, enabled: false }));
    // Equal priorities: the most recently created or updated wins.
    assert.deepEqual(await current(), { source: 'CUSTOMER_PROVIDED', ephemerisId: newerLow, name: 'newer low' });
    await client.send(new UpdateEphemerisCommand({ ephemerisId: low, enabled: true, name: 'low again' }));
    assert.deepEqual(await current(), { source: 'CUSTOMER_PROVIDED', ephemerisId: low, name: 'low again' });

    await client.send(new DeleteEphemerisCommand({ ephemerisId: low }));
    await client.send(new DeleteEphemerisCommand({ ephemerisId: newerLow }));
    assert.equal((await current())?.source, 'SPACE_TRACK');
    // An account without ephemerides of its own sees the default.
    await create('kept', 3);
    const fresh = await jsClient(server.url, { account: '999988887777' }).send(new GetSatelliteCommand({ satelliteId: NOAA20_ID }));
    assert.equal(fresh.currentEphemeris?.source, 'SPACE_TRACK');
  });
});
