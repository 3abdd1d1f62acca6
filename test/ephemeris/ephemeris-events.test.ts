import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { boto3 } from '../support/clients.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { eventually, readJsonl } from '../events/event-sinks.js';
import { CLOCK_START_SECONDS, moveClock, stoppedClockDataDir } from '../contact/contact-support.js';
import { tleData } from './ephemeris-data.js';

const NOAA20_ID = BUNDLED[0]!.satelliteId;
const DAY = 86400;
const EXPIRES = CLOCK_START_SECONDS + 3600;

describe('ephemeris status events on a stopped clock, across a crash', () => {
  const { eventsFile, start } = stoppedClockDataDir();

  const statusChanges = () =>
    readJsonl(eventsFile)
      .filter((event) => event['detail-type'] === 'Ground Station Ephemeris Status Change')
      .map((event) => [event.detail.ephemerisId, event.detail.ephemerisStatus, Date.parse(event.time) / 1000]);

  it('creation publishes no event; the outcome follows at creation + 1 s, UpdateEphemeris toggles and EXPIRED at expirationTime, each once', async () => {
    let server = await start();
    const created = await boto3(server.url, [
      { op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, name: 'expiring', expirationTime: EXPIRES, ephemeris: { tle: { tleData: [tleData(CLOCK_START_SECONDS - DAY, CLOCK_START_SECONDS + DAY)] } } } },
      { op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, name: 'future', ephemeris: { tle: { tleData: [tleData(CLOCK_START_SECONDS + DAY, CLOCK_START_SECONDS + 2 * DAY)] } } } },
    ]);
    const [valid, invalid] = created.map((outcome) => outcome.result.ephemerisId as string);

    await moveClock(server.url, { advanceSeconds: 5 });
    await eventually('the outcomes', statusChanges, (changes) => changes.length >= 2);
    const toggled = await boto3(server.url, [
      { op: 'update_ephemeris', params: { ephemerisId: valid, enabled: false } },
      { op: 'update_ephemeris', params: { ephemerisId: valid, enabled: true } },
    ]);
    assert.ok(toggled.every((outcome) => outcome.result));
    await eventually('the toggles', statusChanges, (changes) => changes.length >= 4);
    await server.stop('SIGKILL');

    server = await start();
    await moveClock(server.url, { set: EXPIRES + 60 });
    await eventually('EXPIRED', statusChanges, (changes) => changes.length >= 5);
    await server.stop();
    // A further start and move must not publish anything again.
    server = await start();
    await moveClock(server.url, { advanceSeconds: DAY });
    await server.stop();

    // Changes of different ephemerides at the same moment come in no particular order.
    const of = (ephemerisId: string) => statusChanges().filter(([id]) => id === ephemerisId).map(([, status, time]) => [status, time]);
    const toggledAt = CLOCK_START_SECONDS + 5;
    assert.deepEqual(of(valid!), [['ENABLED', CLOCK_START_SECONDS + 1], ['DISABLED', toggledAt], ['ENABLED', toggledAt], ['EXPIRED', EXPIRES]]);
    assert.deepEqual(of(invalid!), [['INVALID', CLOCK_START_SECONDS + 1]]);
    assert.equal(statusChanges().length, 5);
  });
  // Builds before published VALIDATING at creation and counted it: the migration takes it off the count.
  it('an ephemeris stored by a build that counted VALIDATING publishes its outcome once after the upgrade', async () => {
    let server = await start();
    const [created] = await boto3(server.url, [
      { op: 'create_ephemeris', params: { satelliteId: NOAA20_ID, name: 'upgraded', ephemeris: { tle: { tleData: [tleData(CLOCK_START_SECONDS - DAY, CLOCK_START_SECONDS + 3 * DAY)] } } } },
    ]);
    const ephemerisId = created!.result.ephemerisId as string;
    await server.stop();
    const db = new Database(join(dirname(eventsFile), 'groundstation.sqlite'));
    // Back to that build's schema (its own table, a count, not keys), with VALIDATING counted.
    db.exec(`CREATE TABLE ephemeris_schedule (account TEXT NOT NULL, region TEXT NOT NULL, ephemeris_id TEXT NOT NULL,
      published INTEGER NOT NULL, next_change_ms INTEGER NOT NULL, PRIMARY KEY (account, region, ephemeris_id)) WITHOUT ROWID`);
    db.prepare(`INSERT INTO ephemeris_schedule SELECT account, region, id, 1, next_change_ms FROM published_changes WHERE kind = 'ephemeris' AND id = ?`).run(ephemerisId);
    db.prepare("DELETE FROM published_changes WHERE kind = 'ephemeris' AND id = ?").run(ephemerisId);
    db.prepare("UPDATE schema_versions SET version = 1 WHERE component = 'ephemeris-schedule'").run();
    db.close();

    server = await start();
    await moveClock(server.url, { advanceSeconds: 5 });
    const outcome = () => statusChanges().filter(([id]) => id === ephemerisId);
    await eventually('the outcome', outcome, (changes) => changes.length >= 1);
    await server.stop();
    server = await start();
    await moveClock(server.url, { advanceSeconds: 5 });
    assert.deepEqual(outcome().map(([, status]) => status), ['ENABLED']);
  });
});
