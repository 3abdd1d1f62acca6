import { GetConfigCommand, ListConfigsCommand } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRawError, UUID } from '../support/assertions.js';
import { boto3, jsClient, raw } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';

// restJson1 as API.md §1 describes it, seen from raw HTTP and from both SDKs.
describe('restJson1 wire protocol', () => {
  const server = useServer();

  it('Every response, success or error, carries a distinct x-amzn-RequestId that both SDKs read', async () => {
    const ok = await raw(server.url, 'GET', '/config');
    const refused = await raw(server.url, 'GET', `/missionprofile/${ZERO_UUID}`);
    const unknown = await raw(server.url, 'GET', '/no-such-operation');
    const ids = [ok, refused, unknown].map((response) => response.headers.get('x-amzn-requestid'));
    for (const id of ids) assert.match(id!, UUID);
    assert.equal(new Set(ids).size, ids.length);

    const [listed, failed] = await boto3(server.url, [
      { op: 'list_configs' },
      { op: 'get_config', params: { configId: ZERO_UUID, configType: 'tracking' } },
    ]);
    assert.match(listed!.requestId!, UUID);
    assert.equal(failed!.error!.code, 'ResourceNotFoundException');

    const client = jsClient(server.url);
    const { $metadata } = await client.send(new ListConfigsCommand({}));
    assert.match($metadata.requestId!, UUID);
    const error = await client.send(new GetConfigCommand({ configId: ZERO_UUID, configType: 'tracking' })).catch((thrown) => thrown);
    assert.match(error.$metadata.requestId, UUID);
  });

  it('A success is 200 with a JSON object body; an error carries X-Amzn-ErrorType and a JSON message', async () => {
    const ok = await raw(server.url, 'GET', '/missionprofile');
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type')!, /^application\/json/);
    assert.deepEqual(ok.json, { missionProfileList: [] });
    const refused = await raw(server.url, 'GET', `/missionprofile/${ZERO_UUID}`);
    assertRawError(refused, { code: 'ResourceNotFoundException', status: 434, message: /was not found/ });
    assert.match(refused.headers.get('content-type')!, /^application\/json/);
  });

  it('A route the model does not have is refused with 404 UnknownOperationException', async () => {
    for (const [method, path] of [
      ['GET', '/no-such-operation'],
      ['PATCH', '/missionprofile'],
      ['POST', `/missionprofile/${ZERO_UUID}`],
      ['GET', '/config/tracking'],
    ]) {
      assertRawError(await raw(server.url, method!, path!), {
        code: 'UnknownOperationException',
        status: 404,
        message: new RegExp(`No operation matches ${method}`),
      });
    }
  });

  it('A malformed JSON body is refused with 400 SerializationException', async () => {
    assertRawError(await raw(server.url, 'POST', '/config', { body: '{"name": ' }), {
      code: 'SerializationException',
      status: 400,
      message: /not valid JSON/,
    });
    assertRawError(await raw(server.url, 'POST', '/config', { body: '[1, 2]' }), {
      code: 'SerializationException',
      status: 400,
      message: /must be a JSON object/,
    });
  });

  it('A body of another content type is refused with 415', async () => {
    const response = await raw(server.url, 'POST', '/config', {
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assertRawError(response, {
      code: 'UnsupportedMediaTypeException',
      status: 415,
      message: /application\/x-www-form-urlencoded is not supported/,
    });
  });

  it('A JSON body is read whatever the case of its content type and with a charset parameter', async () => {
    for (const contentType of ['application/json; charset=UTF-8', 'Application/JSON', 'application/x-amz-json-1.1']) {
      const response = await raw(server.url, 'POST', '/config', {
        body: JSON.stringify({ name: 'content type', configData: { trackingConfig: { autotrack: 'PREFERRED' } } }),
        headers: { 'content-type': contentType },
      });
      assert.equal(response.status, 200, `${contentType}: ${response.text}`);
      assert.equal(response.json.configType, 'tracking');
    }
  });

  it('A body over 8 MiB is refused with 413 and the server keeps serving', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(8 * 1024 * 1024 + 1), configData: { trackingConfig: { autotrack: 'PREFERRED' } } });
    const response = await raw(server.url, 'POST', '/config', { body });
    assertRawError(response, { code: 'RequestEntityTooLargeException', status: 413, message: /larger than the server accepts/ });
    assert.equal((await raw(server.url, 'GET', '/config')).status, 200);
  });

  it('An empty POST body is read as {} and refused with 431 for the first missing required member', async () => {
    const noBody = await raw(server.url, 'POST', '/config');
    assertRawError(noBody, {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'name',
      message: /Value null at 'name' .* must not be null/,
    });
    const emptyJson = await raw(server.url, 'POST', '/missionprofile', { body: '' });
    assertRawError(emptyJson, { code: 'InvalidParameterException', status: 431, parameterName: 'name' });
  });

  it('Path labels and query values that do not parse are refused with a modelled 4xx, never a 500', async () => {
    assertRawError(await raw(server.url, 'GET', '/missionprofile/%E0%A4%A'), {
      code: 'SerializationException',
      status: 400,
      message: /percent-encoding/,
    });
    assertRawError(await raw(server.url, 'GET', '/config?maxResults=ten'), {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'maxResults',
      message: /Value 'ten' at 'maxResults' .* must be an integer/,
    });
    assertRawError(await raw(server.url, 'GET', '/config/not-a-type/abc'), {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'configId',
    });
  });
});
