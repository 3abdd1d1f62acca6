import assert from 'node:assert/strict';
import { GetSatelliteCommand, ListSatellitesCommand } from '@aws-sdk/client-groundstation';
import { describe, it } from 'node:test';
import { ACCOUNT, boto3, jsClient, OTHER_ACCOUNT, raw } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { AQUA_ID, BUNDLED } from './catalog-data.js';

const ALL_STATIONS = ['Alaska 1', 'Bahrain 1', 'Cape Town 1', 'Dubbo 1', 'Hawaii 1', 'Ireland 1', 'Ohio 1', 'Oregon 1', 'Punta Arenas 1', 'Singapore 1', 'Stockholm 1'];
// Epoch of each bundled TLE (data/tle/public-broadcast-2026-07-21.tle), in epoch seconds.
const TLE_EPOCH_DAY_2026_202 = Date.UTC(2026, 0, 1) / 1000 + 201 * 86400;

describe('satellites', () => {
  const server = useServer();

  it('ListSatellites lists the four public broadcast satellites with empty-region ARNs, Aqua left out', async () => {
    const [list] = await boto3(server.url, [{ op: 'list_satellites' }]);
    const satellites = list!.result.satellites;
    assert.deepEqual(
      satellites.map(({ satelliteId, noradSatelliteID, satelliteArn, groundStations }: any) => ({ satelliteId, noradSatelliteID, satelliteArn, groundStations })),
      BUNDLED.map(({ satelliteId, noradSatelliteID }) => ({
        satelliteId,
        noradSatelliteID,
        satelliteArn: `arn:aws:groundstation::${ACCOUNT}:satellite/${satelliteId}`,
        groundStations: ALL_STATIONS,
      })),
    );
    for (const satellite of satellites) {
      assert.equal(satellite.currentEphemeris.source, 'SPACE_TRACK');
      // Each bundled TLE has its epoch on day 202 of 2026.
      assert.ok(satellite.currentEphemeris.epoch >= TLE_EPOCH_DAY_2026_202 && satellite.currentEphemeris.epoch < TLE_EPOCH_DAY_2026_202 + 86400);
    }
  });

  it('GetSatellite returns the same satellite to every account and region, with the caller account in the ARN', async () => {
    const noaa20 = BUNDLED[0]!;
    const [mine] = await boto3(server.url, [{ op: 'get_satellite', params: { satelliteId: noaa20.satelliteId } }]);
    const [theirs] = await boto3(server.url, [{ op: 'get_satellite', params: { satelliteId: noaa20.satelliteId } }], { account: OTHER_ACCOUNT, region: 'eu-west-1' });
    assert.deepEqual(mine!.result, {
      satelliteId: noaa20.satelliteId,
      satelliteArn: `arn:aws:groundstation::${ACCOUNT}:satellite/${noaa20.satelliteId}`,
      noradSatelliteID: 43013,
      groundStations: ALL_STATIONS,
      currentEphemeris: { source: 'SPACE_TRACK', epoch: mine!.result.currentEphemeris.epoch },
    });
    assert.deepEqual(theirs!.result, { ...mine!.result, satelliteArn: `arn:aws:groundstation::${OTHER_ACCOUNT}:satellite/${noaa20.satelliteId}` });
  });

  it('GetSatellite of an unknown or opt-in-only satellite is ResourceNotFoundException', async () => {
    const outcomes = await boto3(server.url, [
      { op: 'get_satellite', params: { satelliteId: ZERO_UUID } },
      { op: 'get_satellite', params: { satelliteId: AQUA_ID } },
    ]);
    for (const outcome of outcomes) {
      assert.equal(outcome.error?.code, 'ResourceNotFoundException');
      assert.equal(outcome.error?.status, 434);
    }
  });

  it('ListSatellites pages with maxResults through the boto3 paginator and the JS SDK', async () => {
    const [pages] = await boto3(server.url, [{ paginate: 'list_satellites', params: { PaginationConfig: { PageSize: 3 } } }]);
    assert.deepEqual(pages!.result.map((page: any) => page.satellites.length), [3, 1]);
    assert.deepEqual(pages!.result.flatMap((page: any) => page.satellites.map((s: any) => s.satelliteId)), BUNDLED.map((s) => s.satelliteId));

    const client = jsClient(server.url);
    const first = await client.send(new ListSatellitesCommand({ maxResults: 2 }));
    const second = await client.send(new ListSatellitesCommand({ maxResults: 2, nextToken: first.nextToken }));
    assert.deepEqual([...first.satellites!, ...second.satellites!].map((s) => s.noradSatelliteID), [43013, 37849, 25994, 54234]);
    assert.equal(second.nextToken, undefined);
    const terra = await client.send(new GetSatelliteCommand({ satelliteId: BUNDLED[2]!.satelliteId }));
    assert.equal(terra.noradSatelliteID, 25994);
    assert.ok(terra.currentEphemeris?.epoch instanceof Date);
  });

  it('GET /_local/satellites shows each satellite with its name, NORAD id and the TLE in use', async () => {
    const response = await raw(server.url, 'GET', '/_local/satellites');
    assert.equal(response.status, 200);
    assert.deepEqual(
      response.json.satellites.map(({ satelliteId, noradSatelliteID, name, source }: any) => ({ satelliteId, noradSatelliteID, name, source })),
      BUNDLED.map((s) => ({ ...s, source: 'bundled' })),
    );
    for (const satellite of response.json.satellites) {
      assert.equal(Number(satellite.tle.line1.slice(2, 7)), satellite.noradSatelliteID);
      assert.match(satellite.tle.line2, /^2 /);
    }
  });
});
