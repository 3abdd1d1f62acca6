import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { eventually, readJsonl, type Envelope } from '../events/event-sinks.js';
import { boto3, OTHER_ACCOUNT, raw } from '../support/clients.js';
import { fixturePath } from '../support/paths.js';
import { startServer, temporaryDataDir, type RunningServer } from '../support/server.js';

// A data directory written by the build before the schedule's one table (published keys in each
// contact's record, ephemeris_schedule, agent_heartbeats). Its server ran on a clock stopped at
// 2026-07-21T00:00:00Z: account 111122223333 registered an agent (its heartbeat then lapsed),
// created an ephemeris expiring 6 days in, reserved three NOAA-20 contacts at Ohio 1 (S3, then an
// endpoint group, then S3), moved the clock to the middle of the second pass, and registered a
// second agent; account 444455556666 registered one too. Both agents' heartbeats lapse at 08:31:42.5.
const FIXTURE = fixturePath('upgrade/before-one-table-2026-12.sqlite');
const CONTACTS = {
  completed: '01a25185-d6ed-7000-96ad-2a1ed2317d43',
  inPass: '01a25185-d6f2-7000-910f-66a45ae8371a',
  scheduled: '01a25185-d6f7-7000-a9f3-abde70c84729',
};
const EPHEMERIS = '01a25185-d6e8-7000-bcb9-c75706b463ac';
const GROUPS = {
  lapsed: '01a25185-d68d-7000-90ba-15a48f52a0bf',
  pending: '01a25185-d68f-7000-8907-3abf90c1d908',
};
const OTHER_ACCOUNT_GROUP = '01a25185-d693-7000-be6a-51f0cd01382e';
const AFTER_HEARTBEATS_LAPSE = Date.parse('2026-07-21T08:32:00Z') / 1000;
const AFTER_EVERYTHING = Date.parse('2026-07-27T00:01:00Z') / 1000;

/** What an event says happened, and when: the same change published twice gives the same line. */
const change = (event: Envelope) =>
  JSON.stringify([event['detail-type'], event.resources, event.detail.contactStatus ?? event.detail.dataflowEndpointGroupState ?? event.detail.ephemerisStatus ?? event.detail.healthStatus, event.time]);

function read<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Each contact's published keys, as the earlier build kept them in its record. */
const keysInRecords = (db: Database.Database) =>
  Object.fromEntries(
    db.prepare<[], { id: string; keys: string }>("SELECT id, json_extract(doc, '$.publishedKeys') AS keys FROM resources WHERE kind = 'contact'").all().map((row) => [row.id, JSON.parse(row.keys)]),
  );

describe('a data directory from the build before the one table of what is published', () => {
  const dataDir = temporaryDataDir();
  const database = join(dataDir, 'groundstation.sqlite');
  const eventsFile = join(dataDir, 'events-after-upgrade.jsonl');
  let server: RunningServer | undefined;
  after(() => server?.stop());
  const start = async () => (server = await startServer({ dataDir, args: ['--events-file', eventsFile] }));

  const statuses = async () => {
    const outcomes = await boto3(server!.url, [
      ...Object.values(CONTACTS).map((contactId) => ({ op: 'describe_contact', params: { contactId } })),
      { op: 'describe_ephemeris', params: { ephemerisId: EPHEMERIS } },
      ...Object.values(GROUPS).map((dataflowEndpointGroupId) => ({ op: 'get_dataflow_endpoint_group', params: { dataflowEndpointGroupId } })),
    ]);
    return outcomes.map((outcome) => outcome.result.contactStatus ?? outcome.result.status ?? outcome.result.endpointsDetails[0].healthStatus);
  };

  it('keeps what was published, publishes nothing twice, and publishes what falls due after it', async () => {
    copyFileSync(FIXTURE, database);
    const before = read(database, (db) => db.prepare<[], { envelope: string }>('SELECT envelope FROM event_outbox ORDER BY seq').all().map((row) => JSON.parse(row.envelope) as Envelope));
    const keysBefore = read(database, keysInRecords);

    await start();
    assert.deepEqual(await statuses(), ['COMPLETED', 'PASS', 'SCHEDULED', 'ENABLED', 'UNHEALTHY', 'HEALTHY']);
    await server!.stop();
    // Every key moved into the table, none is left in a record, and the old tables are gone.
    read(database, (db) => {
      const rows = db.prepare<[], { kind: string; id: string; keys: string }>('SELECT kind, id, published_keys AS keys FROM published_changes ORDER BY kind, id').all();
      const contactKeys = Object.fromEntries(rows.filter((row) => row.kind === 'contact').map((row) => [row.id, JSON.parse(row.keys)]));
      assert.deepEqual(contactKeys, keysBefore);
      assert.deepEqual(rows.filter((row) => row.kind !== 'contact').map((row) => [row.kind, JSON.parse(row.keys)]), [['agent', []], ['agent', []], ['ephemeris', ['ephemeris:ENABLED']]]);
      assert.deepEqual(Object.values(keysInRecords(db)), [null, null, null]);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE name IN ('ephemeris_schedule', 'agent_heartbeats')").all();
      assert.deepEqual(tables, []);
    });

    // A restart right after the upgrade neither migrates again nor publishes anything.
    await start();
    assert.deepEqual(await statuses(), ['COMPLETED', 'PASS', 'SCHEDULED', 'ENABLED', 'UNHEALTHY', 'HEALTHY']);

    // Forgetting the other account takes its agent's heartbeat with it, and nothing of this one.
    assert.equal((await raw(server!.url, 'POST', `/_local/reset?account=${OTHER_ACCOUNT}`)).status, 200);
    await raw(server!.url, 'POST', '/_local/clock', { body: { set: AFTER_HEARTBEATS_LAPSE } });
    const lapsed = await eventually('the heartbeat lapsing', () => readJsonl(eventsFile), (events) => events.length > 0);
    assert.deepEqual(lapsed.map((event) => [event.detail.dataflowEndpointGroupId, event.detail.healthStatus, event.time]), [[GROUPS.pending, 'UNHEALTHY', '2026-07-21T08:31:42Z']]);

    await raw(server!.url, 'POST', '/_local/clock', { body: { set: AFTER_EVERYTHING } });
    const expired = (events: Envelope[]) => events.some((event) => event.detail.ephemerisId === EPHEMERIS);
    const events = await eventually('the ephemeris expiring', () => readJsonl(eventsFile), expired);
    assert.deepEqual(await statuses(), ['COMPLETED', 'COMPLETED', 'COMPLETED', 'EXPIRED', 'UNHEALTHY', 'UNHEALTHY']);

    const all = [...before, ...events].map(change);
    assert.equal(new Set(all).size, all.length, 'no change is published twice');
    // Each record's changes after the upgrade, in order; a record with none is absent.
    const names = new Map<string, string>([
      [CONTACTS.completed, 'completed contact'],
      [CONTACTS.inPass, 'contact in pass'],
      [CONTACTS.scheduled, 'scheduled contact'],
      [EPHEMERIS, 'ephemeris'],
      [GROUPS.lapsed, 'lapsed agent group'],
      [GROUPS.pending, 'pending agent group'],
      [OTHER_ACCOUNT_GROUP, 'other account group'],
    ]);
    const changesByRecord: Record<string, string[]> = {};
    for (const { detail, ...event } of events) {
      const id = String(detail.contactId ?? detail.ephemerisId ?? detail.dataflowEndpointGroupId);
      const what = detail.dataflowEndpointGroupState ? `group ${detail.dataflowEndpointGroupState}` : String(detail.contactStatus ?? detail.ephemerisStatus ?? detail.healthStatus ?? event['detail-type']);
      (changesByRecord[names.get(id) ?? id] ??= []).push(what);
    }
    assert.deepEqual(changesByRecord, {
      'pending agent group': ['UNHEALTHY'],
      'contact in pass': ['POSTPASS', 'group POSTPASS', 'COMPLETED', 'group COMPLETED'],
      'scheduled contact': ['PREPASS', 'PASS', 'POSTPASS', 'COMPLETED', 'Ground Station S3 Upload Complete'],
      ephemeris: ['EXPIRED'],
    });
  });
});
