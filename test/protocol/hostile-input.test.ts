import { ListContactsCommand } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, noaa20Arn } from '../contact/contact-support.js';
import { tleData } from '../ephemeris/ephemeris-data.js';
import { assertBoto3Error, assertJsError, assertRawError } from '../support/assertions.js';
import { boto3, jsClient, jsError, raw } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

const invalid = (parameterName: string, message: RegExp) => ({ code: 'InvalidParameterException', status: 431, parameterName, message });
const OUT_OF_RANGE = /Member must be between 1970-01-01T00:00:00Z and 9999-01-01T00:00:00Z/;
// December 9999: Python's datetime still holds it, so boto3 sends it as it is.
const DECEMBER_9999 = Date.UTC(9999, 11, 1) / 1000;

describe('hostile input is refused with a clean 4xx and changes nothing', () => {
  let server: RunningServer;
  let profileArn: string;
  let satelliteArn: string;
  before(async () => {
    server = await startServer({ args: ['--clock-start', CLOCK_START, '--clock-rate', '0'] });
    profileArn = (await createDownlinkProfile(server.url)).missionProfileArn;
    satelliteArn = await noaa20Arn(server.url);
  });
  after(() => server.stop());

  const state = async () =>
    JSON.stringify(
      await Promise.all([
        raw(server.url, 'GET', '/config').then((r) => r.json),
        raw(server.url, 'POST', '/contacts', { body: { startTime: 0, endTime: 253370764800, statusList: ['SCHEDULED', 'SCHEDULING'] } }).then((r) => r.json),
        raw(server.url, 'POST', '/ephemerides', { body: { startTime: 0, endTime: 253370764800, statusList: ['VALIDATING', 'ENABLED', 'INVALID', 'ERROR', 'DISABLED', 'EXPIRED'] } }).then((r) => r.json),
      ]),
    );

  it('JSON nested 20,000 deep in a typed field is a 431 naming the field, not a stack overflow', async () => {
    const before = await state();
    const deep = (open: string, close: string) => open.repeat(20_000) + '1' + close.repeat(20_000);
    for (const nested of [deep('[', ']'), deep('{"a":', '}')]) {
      const response = await raw(server.url, 'POST', '/config', { body: `{"name":${nested},"configData":{"trackingConfig":{"autotrack":"REQUIRED"}}}` });
      assertRawError(response, invalid('name', /Value '[[{].*…' at 'name' failed to satisfy constraint: Member must be a string/));
      assert.ok(response.json.message.length < 400, 'the message quotes only the start of the value');
    }
    assert.equal(await state(), before);
  });

  it('ReserveContact with times past 9999-01-01 is a 431 from boto3 and the JS SDK, and books nothing', async () => {
    const before = await state();
    const reserve = { missionProfileArn: profileArn, satelliteArn, groundStation: 'Ohio 1' };
    const [outcome] = await boto3(server.url, [
      { op: 'reserve_contact', params: { ...reserve, startTime: DECEMBER_9999, endTime: DECEMBER_9999 + 600 } },
    ]);
    assertBoto3Error(outcome, invalid('startTime', OUT_OF_RANGE));
    const js = await jsError(jsClient(server.url).send(new ListContactsCommand({ startTime: new Date(0), endTime: new Date(DECEMBER_9999 * 1000), statusList: ['SCHEDULED'] })));
    assertJsError(js, invalid('endTime', OUT_OF_RANGE));
    for (const [startTime, endTime] of [[1e15, 1e15 + 600], [-1, CLOCK_START_SECONDS], [CLOCK_START_SECONDS, 1e308], [CLOCK_START_SECONDS, '+275760-09-13T00:00:00Z']]) {
      const response = await raw(server.url, 'POST', '/contact', { body: { ...reserve, startTime, endTime } });
      assertRawError(response, invalid(startTime === CLOCK_START_SECONDS ? 'endTime' : 'startTime', /Member must (be between|be a timestamp)/));
    }
    assert.equal(await state(), before);
  });

  it('CreateEphemeris with an expiration past 9999-01-01 is a 431, not an ephemeris stored with time 0', async () => {
    const before = await state();
    const satelliteId = satelliteArn.split('/').pop()!;
    const ephemeris = { tle: { tleData: [tleData(CLOCK_START_SECONDS, CLOCK_START_SECONDS + 86400)] } };
    const [outcome] = await boto3(server.url, [{ op: 'create_ephemeris', params: { name: 'far', satelliteId, ephemeris, expirationTime: DECEMBER_9999 } }]);
    assertBoto3Error(outcome, invalid('expirationTime', OUT_OF_RANGE));
    const response = await raw(server.url, 'POST', '/ephemeris', { body: { name: 'far', satelliteId, ephemeris, expirationTime: 9e15 } });
    assertRawError(response, invalid('expirationTime', OUT_OF_RANGE));
    assert.equal(await state(), before);
  });
});
