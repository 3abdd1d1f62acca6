import Fastify from 'fastify';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HandlerMap } from '../../src/api/context.js';
import { buildServices } from '../../src/app.js';
import { notImplemented } from '../../src/api/errors.js';
import { model } from '../../src/api/model.js';
import { Clock } from '../../src/clock/clock.js';
import { registerApi } from '../../src/protocol/api.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateSchema } from '../../src/schema.js';

// The stub every deliberate gap uses, driven through the real protocol layer in-process, so the
// test holds whichever operations happen to be unimplemented today.
describe('an operation that is not implemented', () => {
  const app = Fastify({ logger: false });
  const db = openDatabase({ inMemory: true });
  before(async () => {
    const stubs = Object.fromEntries(
      Object.keys(model.operations).map((name) => [
        name,
        () => {
          throw notImplemented(name);
        },
      ]),
    ) as unknown as HandlerMap;
    migrateSchema(db);
    const services = buildServices(db, new Clock(), { publish() {} });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    registerApi(app, {
      model,
      handlers: stubs,
      services,
      defaultScope: { account: '000000000000', region: 'us-east-2' },
      transaction: async (work) => work(),
      classifyFailure: () => undefined,
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    db.close();
  });

  it('GetMinuteUsage that is not implemented answers 501 NotImplementedException with a message, not a 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/minute-usage',
      payload: { month: 1, year: 2026 },
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.statusCode, 501, response.body);
    assert.equal(response.headers['x-amzn-errortype'], 'NotImplementedException');
    assert.deepEqual(response.json(), { message: 'GetMinuteUsage is not implemented by Ground Station Local yet' });
  });

  it('An unimplemented operation still validates its input first (431 before 501)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/minute-usage',
      payload: { month: 13, year: 2026 },
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.statusCode, 431);
    assert.equal(response.json().parameterName, 'month');
  });
});
