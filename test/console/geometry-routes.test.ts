import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { raw } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, noaa20Arn, ohioWindows } from '../contact/contact-support.js';

const OHIO = { latitude: 40.1, longitude: -83.11 };
const EARTH_RADIUS_KM = 6378.137;
const degrees = (radians: number) => (radians * 180) / Math.PI;
const radians = (value: number) => (value * Math.PI) / 180;

/** Great-circle angle between two [longitude, latitude] points, in degrees. */
function centralAngle([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const cosine = Math.sin(radians(lat1)) * Math.sin(radians(lat2)) + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.cos(radians(lon2 - lon1));
  return degrees(Math.acos(Math.min(1, Math.max(-1, cosine))));
}

describe('geometry admin routes, over raw HTTP', () => {
  let server: RunningServer;
  let noaa20Id: string;
  const get = (path: string) => raw(server.url, 'GET', path);

  before(async () => {
    server = await startServer({ args: ['--clock-start', CLOCK_START, '--clock-rate', '0', '--log-level', 'info'] });
    const { json } = await get('/_local/satellites');
    noaa20Id = json.satellites.find((satellite: any) => satellite.noradSatelliteID === 43013).satelliteId;
  });
  after(() => server.stop());

  it('track: one point per step over the window, at NOAA-20\'s altitude', async () => {
    const start = CLOCK_START_SECONDS;
    const response = await get(`/_local/geometry/track?satelliteId=${noaa20Id}&start=${start}&end=${start + 6000}&stepSeconds=60`);
    assert.equal(response.status, 200);
    assert.equal(response.json.satelliteId, noaa20Id);
    const points = response.json.points as any[];
    assert.equal(points.length, 101);
    assert.deepEqual([points[0].time, points.at(-1).time], [start, start + 6000]);
    for (const point of points) {
      assert.ok(Math.abs(point.latitude) <= 90 && Math.abs(point.longitude) <= 180);
      assert.ok(point.altitudeKm > 800 && point.altitudeKm < 860, `altitude ${point.altitudeKm}`);
    }
    // A sun-synchronous polar orbit reaches beyond ±80° latitude within one orbit.
    assert.ok(Math.max(...points.map((point) => point.latitude)) > 80);
    assert.ok(Math.min(...points.map((point) => point.latitude)) < -80);
  });

  it('sky: a pass ListContacts offers rises and sets at the mask and peaks at its maximum elevation', async () => {
    const profile = await createDownlinkProfile(server.url);
    const [window] = await ohioWindows(server.url, profile.missionProfileArn, await noaa20Arn(server.url));
    const response = await get(`/_local/geometry/sky?satelliteId=${noaa20Id}&groundStation=Ohio%201&start=${window.startTime}&end=${window.endTime}&stepSeconds=1`);
    assert.equal(response.status, 200);
    assert.equal(response.json.groundStation, 'Ohio 1');
    const points = response.json.points as any[];
    assert.equal(points.length, window.endTime - window.startTime + 1);
    assert.ok(Math.abs(points[0].elevation - 10) < 0.2, `rise at ${points[0].elevation}°`);
    assert.ok(Math.abs(points.at(-1).elevation - 10) < 0.2, `set at ${points.at(-1).elevation}°`);
    const highest = Math.max(...points.map((point) => point.elevation));
    assert.ok(Math.abs(highest - window.maximumElevation.value) < 0.1, `${highest} against ${window.maximumElevation.value}`);
    for (const point of points) assert.ok(point.azimuth >= 0 && point.azimuth < 360);
  });

  it('footprint: a closed ring at the central angle where a satellite at that altitude clears the 10° mask', async () => {
    const response = await get('/_local/geometry/footprint?groundStation=Ohio%201&altitudeKm=824');
    assert.equal(response.status, 200);
    const mask = radians(10);
    const expected = degrees(Math.acos((EARTH_RADIUS_KM * Math.cos(mask)) / (EARTH_RADIUS_KM + 824)) - mask);
    assert.ok(Math.abs(response.json.radiusDegrees - expected) < 1e-9);
    assert.equal(response.json.elevationMaskDegrees, 10);
    const ring = response.json.footprint.coordinates[0] as [number, number][];
    assert.equal(response.json.footprint.type, 'Polygon');
    assert.deepEqual(ring[0], ring.at(-1));
    for (const point of ring) assert.ok(Math.abs(centralAngle(point, [OHIO.longitude, OHIO.latitude]) - expected) < 1e-6);
  });

  it('footprint: for a satellite, at its altitude now', async () => {
    const response = await get(`/_local/geometry/footprint?groundStation=Ohio%201&satelliteId=${noaa20Id}`);
    assert.equal(response.status, 200);
    assert.ok(response.json.altitudeKm > 800 && response.json.altitudeKm < 860);
    assert.ok(response.json.radiusDegrees > 18 && response.json.radiusDegrees < 21);
  });

  const refusals: [string, number, RegExp][] = [
    ['/_local/geometry/track?start=1&end=2', 400, /satelliteId is required/],
    ['/_local/geometry/track?satelliteId=SATELLITE&start=1&end=2', 404, /Satellite SATELLITE was not found/],
    ['/_local/geometry/track?satelliteId=NOAA&start=x&end=2', 400, /start must be a number of epoch seconds, not x/],
    ['/_local/geometry/track?satelliteId=NOAA&start=5&end=5', 400, /start must be before end/],
    ['/_local/geometry/track?satelliteId=NOAA&start=0&end=172801', 400, /at most 172800 seconds/],
    ['/_local/geometry/track?satelliteId=NOAA&start=0&end=172800&stepSeconds=1', 400, /at most 5000 points/],
    ['/_local/geometry/track?satelliteId=NOAA&start=0&end=100&stepSeconds=0', 400, /stepSeconds must be at least 1/],
    ['/_local/geometry/track?satelliteId=NOAA&start=0&end=100&account=12', 400, /account must be a 12-digit/],
    ['/_local/geometry/sky?satelliteId=NOAA&start=0&end=100', 400, /groundStation is required/],
    ['/_local/geometry/sky?satelliteId=NOAA&groundStation=Atlantis&start=0&end=100', 404, /Ground station Atlantis was not found/],
    ['/_local/geometry/footprint?groundStation=Ohio%201', 400, /Give one of satelliteId or altitudeKm/],
    ['/_local/geometry/footprint?groundStation=Ohio%201&altitudeKm=824&satelliteId=NOAA', 400, /Give one of satelliteId or altitudeKm/],
    ['/_local/geometry/footprint?groundStation=Ohio%201&altitudeKm=-3', 400, /altitudeKm must be a number of kilometres/],
    ['/_local/geometry/footprint?groundStation=Ohio%201&altitudeKm=Infinity', 400, /altitudeKm must be a number of kilometres/],
  ];
  for (const [path, status, message] of refusals) {
    it(`refuses ${path.replace('/_local/geometry/', '')} with ${status} and says why`, async () => {
      const resolved = path.replace('satelliteId=NOAA', `satelliteId=${noaa20Id}`);
      const response = await get(resolved);
      assert.equal(response.status, status);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      assert.match(response.json.message, message);
    });
  }

  it('a signed caller sees geometry as its own account: naming another one is refused with 403', async () => {
    const signedAs = (account: string) => ({ authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260721/us-east-2/groundstation/aws4_request, SignedHeaders=host, Signature=0` });
    const track = `/_local/geometry/track?satelliteId=${noaa20Id}&start=${CLOCK_START_SECONDS}&end=${CLOCK_START_SECONDS + 600}`;
    const own = await raw(server.url, 'GET', `${track}&account=111122223333`, { headers: signedAs('111122223333') });
    assert.equal(own.status, 200, own.text);
    const other = await raw(server.url, 'GET', `${track}&account=444455556666`, { headers: signedAs('111122223333') });
    assert.equal(other.status, 403, other.text);
    assert.match(other.json.message, /444455556666/);
  });

  it('serves the console page, script and style sheet from the package, the script under 400 KB gzipped', async () => {
    const page = await get('/_local/console');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.text, /<script type="module" src="\/_local\/console\/console.js">/);
    const script = await fetch(`${server.url}/_local/console/console.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /text\/javascript/);
    const bytes = Buffer.from(await script.arrayBuffer());
    assert.ok(gzipSync(bytes).length < 400 * 1024, `${gzipSync(bytes).length} bytes gzipped`);
    assert.doesNotMatch(bytes.toString('utf8'), /https?:\/\/(cdn|unpkg|fonts)\./);
    assert.equal((await get('/_local/console/console.css')).status, 200);
  });

  it('logs the console URL at start', () => {
    assert.match(server.output(), new RegExp(`console at http://127\\.0\\.0\\.1:${server.port}/_local/console`));
  });
});
