// Wiring between store/ and the components that own tables: every table is created (and every
// migration applied) when the database opens, before any component prepares a statement.
import { AGENT_HEARTBEAT_MIGRATIONS } from './agent/agent-heartbeats.js';
import { CONTACT_MIGRATIONS } from './contact/contact-index.js';
import { EPHEMERIS_SCHEDULE_MIGRATIONS } from './ephemeris/ephemeris-schedule.js';
import { EVENT_MIGRATIONS } from './events/outbox.js';
import { CLOCK_MIGRATIONS } from './persisted-clock.js';
import { SATELLITE_MIGRATIONS } from './satellite/satellite-store.js';
import { SATELLITE_TAG_MIGRATIONS } from './satellite/satellite-tags.js';
import { PUBLISHED_CHANGES_MIGRATIONS } from './schedule/published-changes.js';
import { migrate, type Db, type Migration } from './store/database.js';
import { RESOURCE_MIGRATIONS } from './store/resources.js';

/**
 * Each component's numbered migrations, recorded per component in schema_versions (as every data
 * directory has kept them since that table was introduced), so an existing one opens as it is.
 */
const SCHEMA: readonly [component: string, migrations: readonly Migration[]][] = [
  ['resources', RESOURCE_MIGRATIONS],
  ['clock', CLOCK_MIGRATIONS],
  ['events', EVENT_MIGRATIONS],
  ['satellites', SATELLITE_MIGRATIONS],
  // Before the components whose rows it takes in.
  ['published-changes', PUBLISHED_CHANGES_MIGRATIONS],
  ['contact', CONTACT_MIGRATIONS],
  ['ephemeris-schedule', EPHEMERIS_SCHEDULE_MIGRATIONS],
  ['satellite-tags', SATELLITE_TAG_MIGRATIONS],
  ['agent-heartbeats', AGENT_HEARTBEAT_MIGRATIONS],
];

export function migrateSchema(db: Db): void {
  db.transaction(() => {
    for (const [component, migrations] of SCHEMA) migrate(db, component, migrations);
  })();
}
