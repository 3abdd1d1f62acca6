import type { Db } from '../store/database.js';
import { migrate } from '../store/database.js';
import { perDatabase } from '../store/per-database.js';

// A satellite is shared (every account sees the public ones), its tags are not: each account
// tags it for itself, whichever region it asks from (the guide's "Naming satellites" section).
const MIGRATIONS = [
  `CREATE TABLE satellite_tags (
     account TEXT NOT NULL,
     satellite_id TEXT NOT NULL,
     tags TEXT NOT NULL,
     PRIMARY KEY (account, satellite_id)
   ) WITHOUT ROWID;`,
];

class SatelliteTags {
  private readonly selectOne;
  private readonly upsert;

  constructor(db: Db) {
    migrate(db, 'satellite-tags', MIGRATIONS);
    this.selectOne = db.prepare<[string, string], { tags: string }>('SELECT tags FROM satellite_tags WHERE account = ? AND satellite_id = ?');
    this.upsert = db.prepare(
      'INSERT INTO satellite_tags (account, satellite_id, tags) VALUES (?, ?, ?) ON CONFLICT(account, satellite_id) DO UPDATE SET tags = excluded.tags',
    );
  }

  get(account: string, satelliteId: string): Record<string, string> {
    const row = this.selectOne.get(account, satelliteId);
    return row ? (JSON.parse(row.tags) as Record<string, string>) : {};
  }

  set(account: string, satelliteId: string, tags: Record<string, string>): void {
    this.upsert.run(account, satelliteId, JSON.stringify(tags));
  }
}

export const satelliteTags = perDatabase((db) => new SatelliteTags(db));
