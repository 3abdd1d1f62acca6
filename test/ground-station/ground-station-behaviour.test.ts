import assert from 'node:assert/strict';
import { ListGroundStationsCommand } from '@aws-sdk/client-groundstation';
import { describe, it } from 'node:test';
import { boto3, jsClient, raw } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createDownlinkProfile, noaa20Arn } from '../contact/contact-support.js';

const NOAA20_ID = '4431c630-1a1e-5782-ae82-b8f3fb20a90a';

const STATIONS: [string, string][] = [
  ['Alaska 1', 'us-west-2'],
  ['Bahrain 1', 'me-south-1'],
  ['Cape Town 1', 'af-south-1'],
  ['Dubbo 1', 'ap-southeast-2'],
  ['Hawaii 1', 'us-west-2'],
  ['Ireland 1', 'eu-west-1'],
  ['Ohio 1', 'us-east-2'],
  ['Oregon 1', 'us-west-2'],
  ['Punta Arenas 1', 'sa-east-1'],
  ['Singapore 1', 'ap-southeast-1'],
  ['Stockholm 1', 'eu-north-1'],
];
const SEOUL = { region: 'ap-northeast-2' };
const stationList = STATIONS.map(([name, region]) => ({ groundStationId: name, groundStationName: name, region }));

describe('ground stations', () => {
  const server = useServer();

  it('ListGroundStations returns all eleven stations whatever the request region, Seoul 1 no longer among them', async () => {
    const [ohio, ireland] = await Promise.all([
      boto3(server.url, [{ op: 'list_ground_stations' }]),
      boto3(server.url, [{ op: 'list_ground_stations' }], { region: 'eu-west-1' }),
    ]);
    assert.deepEqual(ohio[0]!.result, { groundStationList: stationList });
    assert.deepEqual(ireland[0]!.result, { groundStationList: stationList });
  });

  it('ListGroundStations pages through the boto3 paginator and the JS SDK', async () => {
    const [pages, filtered, unknown] = await boto3(server.url, [
      { paginate: 'list_ground_stations', params: { PaginationConfig: { PageSize: 5 } } },
      { op: 'list_ground_stations', params: { satelliteId: NOAA20_ID } },
      { op: 'list_ground_stations', params: { satelliteId: ZERO_UUID } },
    ]);
    assert.deepEqual(pages!.result.map((page: any) => page.groundStationList.length), [5, 5, 1]);
    assert.deepEqual(pages!.result.flatMap((page: any) => page.groundStationList), stationList);
    assert.deepEqual(filtered!.result.groundStationList, stationList);
    assert.equal(unknown!.error?.code, 'ResourceNotFoundException');
    assert.equal(unknown!.error?.status, 434);

    const first = await jsClient(server.url).send(new ListGroundStationsCommand({ maxResults: 10 }));
    assert.equal(first.groundStationList?.length, 10);
    const rest = await jsClient(server.url).send(new ListGroundStationsCommand({ maxResults: 10, nextToken: first.nextToken }));
    assert.deepEqual(rest.groundStationList?.map((s) => s.groundStationName), ['Stockholm 1']);
    assert.equal(rest.nextToken, undefined);
  });

  it('ListGroundStations with an unknown satelliteId is ResourceNotFoundException', async () => {
    await assert.rejects(jsClient(server.url).send(new ListGroundStationsCommand({ satelliteId: ZERO_UUID })), (error: any) => {
      assert.equal(error.name, 'ResourceNotFoundException');
      assert.equal(error.$metadata.httpStatusCode, 434);
      return true;
    });
  });

  it('ListAntennas lists each station antenna; an unknown station is InvalidParameterException', async () => {
    const [ohio, unknown] = await boto3(server.url, [
      { op: 'list_antennas', params: { groundStationId: 'Ohio 1' } },
      { op: 'list_antennas', params: { groundStationId: 'Mars 1' } },
    ]);
    assert.deepEqual(ohio!.result, { antennaList: [{ groundStationName: 'Ohio 1', antennaName: 'Ohio 1 Antenna 1', region: 'us-east-2' }] });
    assert.equal(unknown!.error?.code, 'InvalidParameterException');
    assert.equal(unknown!.error?.status, 431);
    assert.equal(unknown!.error?.parameterName, 'groundStationId');
  });

  // The guide's locations page: no antenna resources in Seoul since 2026-06-16.
  it('Seoul 1 is no longer offered: unknown to ListAntennas, ListGroundStationReservations, ListContacts and ReserveContact', async () => {
    const satelliteArn = await noaa20Arn(server.url, SEOUL);
    const { missionProfileArn } = await createDownlinkProfile(server.url, 60, SEOUL);
    const window = { startTime: Date.now() / 1000 + 3600, endTime: Date.now() / 1000 + 4200 };
    const outcomes = await boto3(
      server.url,
      [
        { op: 'list_antennas', params: { groundStationId: 'Seoul 1' } },
        { op: 'list_ground_station_reservations', params: { groundStationId: 'Seoul 1', ...window } },
        { op: 'list_contacts', params: { statusList: ['AVAILABLE'], ...window, groundStation: 'Seoul 1', missionProfileArn, satelliteArn } },
        { op: 'reserve_contact', params: { ...window, groundStation: 'Seoul 1', missionProfileArn, satelliteArn } },
        { op: 'list_contacts', params: { statusList: ['SCHEDULING', 'FAILED_TO_SCHEDULE'], ...window } },
      ],
      SEOUL,
    );
    assert.deepEqual(
      outcomes.slice(0, 4).map((outcome) => [outcome.error?.code, outcome.error?.status, outcome.error?.parameterName ?? undefined]),
      [
        ['InvalidParameterException', 431, 'groundStationId'],
        ['InvalidParameterException', 431, 'groundStationId'],
        ['ResourceNotFoundException', 434, undefined],
        ['ResourceNotFoundException', 434, undefined],
      ],
    );
    assert.deepEqual(outcomes[4]!.result.contactList, []);
  });

  it('GET /_local/ground-stations shows coordinates, mask and antennas of each station', async () => {
    const response = await raw(server.url, 'GET', '/_local/ground-stations');
    assert.equal(response.status, 200);
    const stations = response.json.groundStations;
    assert.deepEqual(stations.map((s: any) => [s.groundStationName, s.region]), STATIONS);
    assert.deepEqual(stations.find((s: any) => s.groundStationName === 'Ohio 1'), {
      groundStationName: 'Ohio 1',
      region: 'us-east-2',
      latitude: 40.1,
      longitude: -83.11,
      altitudeMeters: 270,
      elevationMaskDegrees: 10,
      antennaCount: 1,
    });
    for (const station of stations) {
      assert.ok(Math.abs(station.latitude) <= 90 && Math.abs(station.longitude) <= 180);
      assert.equal(station.elevationMaskDegrees, 10);
    }
  });
});
