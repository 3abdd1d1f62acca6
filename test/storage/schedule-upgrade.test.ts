import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { eventually, readJsonl, type Envelope } from '../events/event-sinks.js';
import { boto3, raw } from '../support/clients.js';
import { fixturePath } from '../support/paths.js';
import { startServer, temporaryDataDir, type RunningServer } from '../support/server.js';

// A data directory written by the build that counted published events by position (contacts'
// eventsPublished, ephemerides' published): its server ran on a stopped clock from
// 2026-07-21T00:00:00Z, reserved four contacts at Ohio 1 (the second delivering to a dataflow
// endpoint group, the others to S3), cancelled the third, created two NOAA-20 ephemerides (one
// expiring 10 minutes in, one 6 days in), and stopped mid-pass of the second contact.
const FIXTURE = fixturePath('upgrade/positions-2026-12.sqlite');
const CONTACTS = {
  completed: '01a25137-bb5e-7000-89cf-7af146cd673f',
  inPass: '01a25137-c3c2-7000-a560-09afcc50617b',
  cancelled: '01a25137-cbc5-7000-a761-87e23a7b74d4',
  scheduled: '01a25137-d33e-7000-b43e-03578c0a0f59',
};
const EPHEMERIDES = { pendingExpiry: '01a25137-e879-7000-a882-c6a8c6a640cf', expired: '01a25137-f156-7000-a5e8-8faf4307fa26' };
const ACCOUNT = { account: '111122223333' };
const SCHEDULED_POST_PASS_END_SECONDS = 1784663887;
const PENDING_EXPIRY_SECONDS = 1785110400;

/** What an event says happened, and when: the same change published twice gives the same line. */
const change = (event: Envelope) =>
  JSON.stringify([
    event['detail-type'],
    event.resources,
    event.detail.contactStatus ?? event.detail.dataflowEndpointGroupState ?? event.detail.ephemerisStatus ?? event.detail.s3RecordingConfigArn,
    event.time,
  ]);

/** The events the data directory holds: those published before the upgrade. */
function eventsIn(file: string): Envelope[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[], { envelope: string }>('SELECT envelope FROM event_outbox ORDER BY seq').all().map((row) => JSON.parse(row.envelope));
  } finally {
    db.close();
  }
}

describe('a data directory from the build that counted published events', () => {
  const dataDir = temporaryDataDir();
  const eventsFile = join(dataDir, 'events-after-upgrade.jsonl');
  let server: RunningServer | undefined;
  after(() => server?.stop());

  const statuses = async () => {
    const outcomes = await boto3(server!.url, [
      ...Object.values(CONTACTS).map((contactId) => ({ op: 'describe_contact', params: { contactId } })),
      ...Object.values(EPHEMERIDES).map((ephemerisId) => ({ op: 'describe_ephemeris', params: { ephemerisId } })),
    ], ACCOUNT);
    return outcomes.map((outcome) => outcome.result.contactStatus ?? outcome.result.status);
  };

  it('shows the same statuses after the upgrade, then publishes the rest of each timeline, none of it twice', async () => {
    const database = join(dataDir, 'groundstation.sqlite');
    copyFileSync(FIXTURE, database);
    const before = eventsIn(database);
    // As a build before S3 Upload Complete stored it (its count, 2, is the same either way): after
    // the upgrade it publishes its upload on time like any other.
    const db = new Database(database);
    db.prepare("UPDATE resources SET doc = json_remove(doc, '$.publishesUploads') WHERE kind = 'contact' AND id = ?").run(CONTACTS.scheduled);
    db.close();
    server = await startServer({ dataDir, args: ['--events-file', eventsFile] });
    assert.deepEqual(await statuses(), ['COMPLETED', 'PASS', 'CANCELLED', 'SCHEDULED', 'ENABLED', 'EXPIRED']);

    // A restart right after the upgrade neither migrates again nor publishes anything.
    await server.stop();
    server = await startServer({ dataDir, args: ['--events-file', eventsFile] });
    assert.deepEqual(await statuses(), ['COMPLETED', 'PASS', 'CANCELLED', 'SCHEDULED', 'ENABLED', 'EXPIRED']);

    await raw(server.url, 'POST', '/_local/clock', { body: { set: Math.max(SCHEDULED_POST_PASS_END_SECONDS, PENDING_EXPIRY_SECONDS) + 60 } });
    const expired = (events: Envelope[]) => events.some((event) => event.detail.ephemerisId === EPHEMERIDES.pendingExpiry);
    const after = await eventually('the ephemeris expiring', () => readJsonl(eventsFile), expired);
    assert.deepEqual(await statuses(), ['COMPLETED', 'COMPLETED', 'CANCELLED', 'COMPLETED', 'EXPIRED', 'EXPIRED']);

    const all = [...before, ...after].map(change);
    assert.equal(new Set(all).size, all.length, 'no change is published twice');
    const of = (id: string) => after.filter((event) => event.detail.contactId === id || event.detail.ephemerisId === id);
    assert.deepEqual(of(CONTACTS.completed), []);
    assert.deepEqual(of(CONTACTS.cancelled), []);
    assert.deepEqual(
      of(CONTACTS.inPass).map((event) => event.detail.contactStatus ?? `group ${event.detail.dataflowEndpointGroupState}`),
      ['POSTPASS', 'group POSTPASS', 'COMPLETED', 'group COMPLETED'],
    );
    assert.deepEqual(
      of(CONTACTS.scheduled).map((event) => event.detail.contactStatus ?? event['detail-type']),
      ['PREPASS', 'PASS', 'POSTPASS', 'COMPLETED', 'Ground Station S3 Upload Complete'],
    );
    assert.deepEqual(of(EPHEMERIDES.pendingExpiry).map((event) => event.detail.ephemerisStatus), ['EXPIRED']);
    assert.deepEqual(of(EPHEMERIDES.expired), []);
  });
});
