import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startGroundStationLocal } from 'groundstation-local';
import { boto3, boto3Ok, groundStationArn } from '../support/clients.js';
import { configData } from '../support/fixtures.js';
import { fixturePath } from '../support/paths.js';
import { temporaryDataDir } from '../support/server.js';

// A data directory written by the build before every table was created at open (tables then came
// on first use), kept as the SQL dump of its database: three configs (one tagged), a profile, and a
// contact reserved on a clock stopped at 2026-07-21T00:00:00Z, still SCHEDULING.
const FIXTURE = fixturePath('storage/data-dir-before-migrations.sql');
const TRACKING_ID = '01a25116-6ee5-7000-9834-7a7ae0e5e55c';
const PROFILE_ID = '01a25116-6ef3-7000-b44f-0ddca9b4824c';
const CONTACT_ID = '01a25116-6f15-7000-be05-ad581a716ea3';

const schemaVersions = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT component, version FROM schema_versions ORDER BY component').all();
  } finally {
    db.close();
  }
};

describe('a data directory written by an earlier build', () => {
  it('opens with its data (configs and tags, profile, contact, clock) and goes on from there', async () => {
    const dataDir = temporaryDataDir();
    const file = join(dataDir, 'groundstation.sqlite');
    const db = new Database(file);
    db.exec(readFileSync(FIXTURE, 'utf8'));
    db.close();
    const versionsBefore = schemaVersions(file);

    const gs = await startGroundStationLocal({ dataDir });
    try {
      assert.equal(gs.clock.now().toISOString(), '2026-07-21T00:00:00.000Z');
      const [configs, tags, profile, contact] = await boto3(gs.endpoint, [
        { op: 'list_configs' },
        { op: 'list_tags_for_resource', params: { resourceArn: groundStationArn(`config/tracking/${TRACKING_ID}`) } },
        { op: 'get_mission_profile', params: { missionProfileId: PROFILE_ID } },
        { op: 'describe_contact', params: { contactId: CONTACT_ID } },
      ]);
      assert.deepEqual(configs!.result.configList.map((c: any) => c.name), ['legacy-tracking', 'legacy-downlink', 'legacy-s3']);
      assert.deepEqual(tags!.result.tags, { made: 'before-migrations' });
      assert.equal(profile!.result.name, 'legacy-profile');
      assert.equal(contact!.result.contactStatus, 'SCHEDULING');

      // Its contact goes on with the scheduling delay contacts had then (the default, 1 s).
      await gs.clock.advance(2);
      assert.equal((await boto3Ok(gs.endpoint, { op: 'describe_contact', params: { contactId: CONTACT_ID } })).contactStatus, 'SCHEDULED');
      await boto3Ok(gs.endpoint, { op: 'create_config', params: { name: 'new', configData: configData.tracking } });
      assert.equal((await boto3Ok(gs.endpoint, { op: 'list_configs' })).configList.length, 4);
    } finally {
      await gs.stop();
    }
    // What it had is kept; what came since is applied once, as on a new data directory.
    assert.deepEqual(schemaVersions(file), await schemaVersionsOfNewDataDir());
    assert.ok(versionsBefore.length > 0);
  });

  it('a new one has every table, and every migration recorded, once the server has started', async () => {
    const dataDir = temporaryDataDir();
    const gs = await startGroundStationLocal({ dataDir });
    await gs.stop();
    const db = new Database(join(dataDir, 'groundstation.sqlite'), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    db.close();
    assert.deepEqual(tables, [
      'catalog_options',
      'clock_anchor',
      'contact_index',
      'event_outbox',
      'event_sink_cursors',
      'onboarded_satellites',
      'published_changes',
      'resource_links',
      'resources',
      'satellite_tags',
      'schema_versions',
    ]);
    // Every component the earlier build recorded, at least at the version it had.
    const versions = new Map(schemaVersions(join(dataDir, 'groundstation.sqlite')).map(({ component, version }: any) => [component, version]));
    for (const { component, version } of schemaVersionsOf(FIXTURE) as any[]) assert.ok(versions.get(component) >= version, component);
  });
});

/** The versions a new data directory records once the server has started. */
async function schemaVersionsOfNewDataDir() {
  const dataDir = temporaryDataDir();
  await (await startGroundStationLocal({ dataDir })).stop();
  return schemaVersions(join(dataDir, 'groundstation.sqlite'));
}

/** The versions a dump records. */
function schemaVersionsOf(dump: string) {
  const db = new Database(':memory:');
  try {
    db.exec(readFileSync(dump, 'utf8'));
    return db.prepare('SELECT component, version FROM schema_versions ORDER BY component').all();
  } finally {
    db.close();
  }
}
