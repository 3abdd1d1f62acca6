import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { raw } from '../support/clients.js';
import { startServer, temporaryDataDir, useServer } from '../support/server.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, firstOhioWindow, moveClock, noaa20Arn } from '../contact/contact-support.js';

describe('the /_local/clock endpoint', () => {
  const server = useServer({ clock: { start: '2026-07-21T00:00:00Z', rate: 0 } });
  const start = Date.parse('2026-07-21T00:00:00Z') / 1000;
  it('GET /_local/clock answers the simulated now in epoch seconds and the rate', async () => {
    const response = await raw(server.url, 'GET', '/_local/clock');
    assert.deepEqual(response.json, { now: start, rate: 0 });
  });

  it('POST /_local/clock sets, advances and changes the rate, answering like GET', async () => {
    assert.deepEqual((await raw(server.url, 'POST', '/_local/clock', { body: { set: start + 100 } })).json, { now: start + 100, rate: 0 });
    assert.deepEqual((await raw(server.url, 'POST', '/_local/clock', { body: { advanceSeconds: 50 } })).json, { now: start + 150, rate: 0 });
    const running = await raw(server.url, 'POST', '/_local/clock', { body: { rate: 60 } });
    assert.equal(running.json.rate, 60);
    assert.ok(running.json.now >= start + 150);
    await raw(server.url, 'POST', '/_local/clock', { body: { rate: 0 } });
  });

  it('a clock change, once answered, is kept across a SIGKILL and a restart', async () => {
    const dataDir = temporaryDataDir();
    const first = await startServer({ dataDir, args: ['--clock-start', '2026-07-21T00:00:00Z', '--clock-rate', '0'] });
    assert.deepEqual((await raw(first.url, 'POST', '/_local/clock', { body: { set: start + 500 } })).json, { now: start + 500, rate: 0 });
    await first.stop('SIGKILL');
    const second = await startServer({ dataDir });
    try {
      assert.deepEqual((await raw(second.url, 'GET', '/_local/clock')).json, { now: start + 500, rate: 0 });
    } finally {
      await second.stop();
    }
  });

  it('POST /_local/clock refuses to run backwards or odd bodies with a 400 and a JSON message', async () => {
    for (const body of [{ set: start }, { advanceSeconds: -1 }, { rate: -2 }, { set: 'soon' }, {}]) {
      const response = await raw(server.url, 'POST', '/_local/clock', { body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof response.json.message, 'string');
    }
    const notJson = await raw(server.url, 'POST', '/_local/clock', { body: '{set' });
    assert.equal(notJson.status, 400);
    assert.match(notJson.json.message, /^The body must be JSON/);
    const empty = await raw(server.url, 'POST', '/_local/clock', { body: '' });
    assert.equal(empty.status, 400);
    assert.match(empty.json.message, /^Give one of set/);
  });

  it('POST /_local/clock refuses a time past 9999-01-01 or a rate over a million with a 400, and the clock stays', async () => {
    const before = (await raw(server.url, 'GET', '/_local/clock')).json;
    for (const body of [{ set: 9e12 }, { set: 1e308 }, { advanceSeconds: 1e308 }, { advanceSeconds: 9e12 }, { rate: 1e308 }, { rate: 1_000_001 }]) {
      const response = await raw(server.url, 'POST', '/_local/clock', { body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.match(response.json.message, /9999-01-01T00:00:00Z|at most|from 0 to 1000000/, JSON.stringify(body));
    }
    assert.deepEqual((await raw(server.url, 'GET', '/_local/clock')).json, before);
  });

  it('a data directory whose stored clock is Infinity (kept by older versions) starts with a fresh clock that can be set', async () => {
    const dataDir = temporaryDataDir();
    const first = await startServer({ dataDir, args: ['--clock-start', '2026-07-21T00:00:00Z', '--clock-rate', '0'] });
    await first.stop();
    const db = new Database(join(dataDir, 'groundstation.sqlite'));
    db.prepare('UPDATE clock_anchor SET sim_ms = ?').run(Infinity);
    db.close();
    const second = await startServer({ dataDir, args: ['--clock-start', '2026-07-22T00:00:00Z', '--clock-rate', '0'] });
    try {
      assert.deepEqual((await raw(second.url, 'GET', '/_local/clock')).json, { now: start + 86400, rate: 0 });
      assert.deepEqual((await raw(second.url, 'POST', '/_local/clock', { body: { set: start + 90000 } })).json, { now: start + 90000, rate: 0 });
      assert.match(second.output(), /stored simulated clock was not a usable time/);
    } finally {
      await second.stop();
    }
  });
});

describe('the next scheduled change, as /_local/clock tells it', () => {
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 } });

  it('names the next moment a reserved contact changes, so the clock can be moved straight to it', async () => {
    assert.equal((await raw(server.url, 'GET', '/_local/clock')).json.nextChange, undefined);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const { window, reserve } = await firstOhioWindow(server.url, missionProfileArn, await noaa20Arn(server.url));
    await reserve();
    // SCHEDULING lasts the scheduling delay (1 s); then PREPASS is next.
    assert.equal((await raw(server.url, 'GET', '/_local/clock')).json.nextChange, CLOCK_START_SECONDS + 1);
    await moveClock(server.url, { set: CLOCK_START_SECONDS + 1 });
    const settled = async () => {
      for (;;) {
        const { json } = await raw(server.url, 'GET', '/_local/clock');
        if (json.nextChange > json.now) return json;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    assert.equal((await settled()).nextChange, window.prePassStartTime);
  });
});
