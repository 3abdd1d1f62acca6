import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startGroundStationLocal } from 'groundstation-local';
import { boto3, raw } from '../support/clients.js';
import { startServer, temporaryDataDir } from '../support/server.js';
import { noaa20Oem, SNPP_TLE, withChecksum } from '../ephemeris/ephemeris-data.js';
import { AQUA_ID, BUNDLED } from './catalog-data.js';

// A made-up cubesat: SNPP's elements under catalog number 99901.
const CUBESAT = {
  line1: withChecksum(SNPP_TLE.line1.replace('37849U', '99901U')),
  line2: withChecksum(SNPP_TLE.line2.replace('2 37849', '2 99901')),
};
const AQUA_TLE = {
  line1: '1 27424U 02022A   26202.61098541  .00000537  00000+0  11669-3 0  9991',
  line2: '2 27424  98.4301 172.5868 0001325 102.0917 312.0397 14.62134884288301',
};

describe('satellite onboarding', () => {
  const servers: { stop(): Promise<unknown> }[] = [];
  after(() => Promise.all(servers.map((s) => s.stop())));
  /** A server of the test's own, in this process: what it onboards no other test sees. */
  const freshServer = async () => {
    const gs = await startGroundStationLocal();
    servers.push(gs);
    return { url: gs.endpoint };
  };

  it('POST /_local/satellites onboards a TLE satellite that the API then serves', async () => {
    const server = await freshServer();
    const response = await raw(server.url, 'POST', '/_local/satellites', { body: { name: 'CUBE-1', tle: CUBESAT } });
    assert.equal(response.status, 200);
    const { satelliteId } = response.json;
    assert.deepEqual(response.json, { satelliteId, noradSatelliteID: 99901, name: 'CUBE-1', tle: CUBESAT, source: 'onboarded' });

    const [got, stations, list] = await boto3(server.url, [
      { op: 'get_satellite', params: { satelliteId } },
      { op: 'list_ground_stations', params: { satelliteId } },
      { op: 'list_satellites' },
    ]);
    assert.equal(got!.result.noradSatelliteID, 99901);
    assert.equal(got!.result.satelliteArn, `arn:aws:groundstation::111122223333:satellite/${satelliteId}`);
    assert.equal(stations!.result.groundStationList.length, 11);
    assert.deepEqual(list!.result.satellites.map((s: any) => s.noradSatelliteID), [43013, 37849, 25994, 54234, 99901]);

    // Onboarding it again replaces it in place: same id, new name.
    const again = await raw(server.url, 'POST', '/_local/satellites', { body: { name: 'CUBE-1B', noradSatelliteID: 99901, tle: CUBESAT } });
    assert.equal(again.json.satelliteId, satelliteId);
    assert.equal(again.json.name, 'CUBE-1B');
    assert.equal((await raw(server.url, 'GET', '/_local/satellites')).json.satellites.length, 5);
  });

  it('POST /_local/satellites onboards an OEM satellite, shown without a TLE', async () => {
    const server = await freshServer();
    const now = Date.now();
    const oem = noaa20Oem(now - 3_600_000, now + 3_600_000);
    const response = await raw(server.url, 'POST', '/_local/satellites', { body: { name: 'OEM-SAT', noradSatelliteID: 99902, oem } });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, { satelliteId: response.json.satelliteId, noradSatelliteID: 99902, name: 'OEM-SAT', source: 'onboarded' });
    const [got] = await boto3(server.url, [{ op: 'get_satellite', params: { satelliteId: response.json.satelliteId } }]);
    assert.equal(got!.result.currentEphemeris.source, 'SPACE_TRACK');
  });

  it('POST /_local/satellites refuses bad input with 400 and a message', async () => {
    const server = await freshServer();
    const badChecksum = { line1: CUBESAT.line1.slice(0, 68) + ((Number(CUBESAT.line1[68]) + 1) % 10), line2: CUBESAT.line2 };
    const cases: [unknown, RegExp][] = [
      [{ tle: CUBESAT }, /name/],
      [{ name: 'X', tle: badChecksum }, /checksum/],
      [{ name: 'X', noradSatelliteID: 12345, tle: CUBESAT }, /does not match/],
      [{ name: 'X', oem: noaa20Oem(Date.now(), Date.now() + 3_600_000) }, /noradSatelliteID is required/],
      [{ name: 'X', noradSatelliteID: 99903, oem: 'CCSDS_OEM_VERS = 1.0\n' }, /oem is not valid/],
      [{ name: 'X', tle: CUBESAT, oem: 'x' }, /exactly one/],
      [{ name: 'X', noradSatelliteID: -1, tle: CUBESAT }, /noradSatelliteID/],
    ];
    for (const [body, message] of cases) {
      const response = await raw(server.url, 'POST', '/_local/satellites', { body: body as object });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.match(response.json.message, message);
    }
    const notJson = await raw(server.url, 'POST', '/_local/satellites', { body: '{name' });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.json.message, 'the request body must be JSON');
    assert.equal((await raw(server.url, 'GET', '/_local/satellites')).json.satellites.length, 4);
  });

  it('--satellites onboards a TLE file at start, and the satellites survive a restart without it', async () => {
    const dataDir = temporaryDataDir();
    const file = join(dataDir, 'satellites.tle');
    writeFileSync(file, `CUBE-1\n${CUBESAT.line1}\n${CUBESAT.line2}\nAQUA\n${AQUA_TLE.line1}\n${AQUA_TLE.line2}\n`);
    const first = await startServer({ dataDir, args: ['--satellites', file] });
    const listed = (await raw(first.url, 'GET', '/_local/satellites')).json.satellites;
    // Naming Aqua in the file lists it, in its bundled place.
    assert.deepEqual(listed.map((s: any) => [s.noradSatelliteID, s.name, s.source]), [
      ...BUNDLED.map((s) => [s.noradSatelliteID, s.name, 'bundled']),
      [27424, 'AQUA', 'onboarded'],
      [99901, 'CUBE-1', 'onboarded'],
    ]);
    await first.stop();

    const second = await startServer({ dataDir });
    servers.push(second);
    const [list, aqua] = await boto3(second.url, [{ op: 'list_satellites' }, { op: 'get_satellite', params: { satelliteId: AQUA_ID } }]);
    assert.deepEqual(list!.result.satellites.map((s: any) => s.noradSatelliteID), [43013, 37849, 25994, 54234, 27424, 99901]);
    assert.equal(aqua!.result.noradSatelliteID, 27424);
  });

  it('--include-aqua lists Aqua with its bundled TLE; a bad satellites file stops the start with a message', async () => {
    const server = await startServer({ inMemory: true, args: ['--include-aqua'] });
    servers.push(server);
    const [aqua] = await boto3(server.url, [{ op: 'get_satellite', params: { satelliteId: AQUA_ID } }]);
    assert.equal(aqua!.result.noradSatelliteID, 27424);
    const listed = (await raw(server.url, 'GET', '/_local/satellites')).json.satellites;
    assert.deepEqual(listed.at(-1), { satelliteId: AQUA_ID, noradSatelliteID: 27424, name: 'Aqua', tle: AQUA_TLE, source: 'bundled' });

    const dataDir = temporaryDataDir();
    const file = join(dataDir, 'bad.tle');
    writeFileSync(file, `CUBE-1\n${CUBESAT.line1}\n`);
    await assert.rejects(startServer({ dataDir, args: ['--satellites', file] }), /is not followed by its line 2/);
  });
});
