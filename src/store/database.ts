import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

export interface StoreOptions {
  /** Directory holding the database file; ignored when inMemory. */
  dataDir?: string;
  inMemory?: boolean;
  /** Milliseconds a statement waits on a locked database before failing. */
  busyTimeoutMs?: number;
}

export class DataDirInUseError extends Error {}

/** The data directory's schema is ahead of this build's: a newer build wrote it. */
export class NewerDataDirError extends Error {}

export const DATABASE_FILE = 'groundstation.sqlite';
export const DEFAULT_DATA_DIR = '.groundstation-local';

/** The database file of a data directory. */
export const databaseFile = (dataDir = DEFAULT_DATA_DIR) => join(dataDir, DATABASE_FILE);

/** True when SQLite found the file is not a database, or a damaged one. */
export function isCorruptDatabase(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code);
}

export function openDatabase(options: StoreOptions): Db {
  let db: Db;
  if (options.inMemory) {
    db = new Database(':memory:');
  } else {
    const dir = options.dataDir ?? DEFAULT_DATA_DIR;
    mkdirSync(dir, { recursive: true });
    db = new Database(databaseFile(dir), { timeout: options.busyTimeoutMs ?? 2000 });
    // One server owns a data directory: an exclusive lock held for the process lifetime,
    // released by the OS if the process dies, so a crash never leaves a stale lock.
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.pragma('journal_mode = WAL');
      db.exec('BEGIN IMMEDIATE; COMMIT;');
    } catch (error) {
      db.close();
      if (isBusy(error)) {
        throw new DataDirInUseError(`data directory ${dir} is in use by another groundstation-local server`);
      }
      throw error;
    }
    // FULL: every acknowledged write has reached the disk before the answer goes out.
    db.pragma('synchronous = FULL');
  }
  // A statement that may fail part-way through changing several rows inside the shared transaction
  // keeps undo copies of the pages it changes (a statement journal): in memory, not a temp file with
  // a write per page. They only matter until the statement ends, so durability is unchanged.
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)`);
  return db;
}

/**
 * Caps the database size in pages: a way to exercise a full disk. Apply it once every component
 * has migrated, so the schema itself always fits; SQLite never sets it below the current size.
 */
export function limitDatabaseSize(db: Db, maxPages: number): void {
  db.pragma(`max_page_count = ${Math.floor(maxPages)}`);
}

/** SQL, or a step that rewrites stored documents (with the rules of the build that adds it). */
export type Migration = string | ((db: Db) => void);

/**
 * Each component owns an ordered list of migrations; the ones not yet applied run once, in order.
 * Never edit a released migration: append a new one. Run inside a transaction (migrateSchema runs
 * every component's in one), so a failed migration leaves nothing half-applied.
 */
export function migrate(db: Db, component: string, migrations: readonly Migration[]): void {
  const row = db.prepare('SELECT version FROM schema_versions WHERE component = ?').get(component) as
    | { version: number }
    | undefined;
  const applied = row?.version ?? 0;
  if (applied > migrations.length) {
    throw new NewerDataDirError(
      `the data directory was written by a newer build (its ${component} schema is at step ${applied}; this build knows ${migrations.length}): ` +
        'start that build or a newer one, or pass another --data-dir',
    );
  }
  if (applied === migrations.length) return;
  db.transaction(() => {
    for (const step of migrations.slice(applied)) {
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.prepare(
      'INSERT INTO schema_versions (component, version) VALUES (?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version',
    ).run(component, migrations.length);
  })();
}

const DEPENDENCY_FAILURE_CODES = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|CORRUPT|NOTADB|READONLY|NOMEM|PROTOCOL)/;

/** True for failures of the database itself (busy, full disk, I/O), as opposed to bugs. */
export function isDatabaseFailure(error: unknown): error is Error & { code: string } {
  return error instanceof Database.SqliteError && DEPENDENCY_FAILURE_CODES.test(error.code);
}

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_BUSY/.test(error.code);
}
