import type { Db } from '../store/database.js';

// A satellite is shared (every account sees the public ones), its tags are not: each account
// tags it for itself, whichever region it asks from (the guide's "Naming satellites" section).
export const SATELLITE_TAG_MIGRATIONS = [
  `CREATE TABLE satellite_tags (
     account TEXT NOT NULL,
     satellite_id TEXT NOT NULL,
     tags TEXT NOT NULL,
     PRIMARY KEY (account, satellite_id)
   ) WITHOUT ROWID;`,
];

export class SatelliteTags {
  private readonly selectOne;
  private readonly upsert;
  private readonly clearAccount;

  constructor(db: Db) {
    this.selectOne = db.prepare<[string, string], { tags: string }>('SELECT tags FROM satellite_tags WHERE account = ? AND satellite_id = ?');
    this.upsert = db.prepare(
      'INSERT INTO satellite_tags (account, satellite_id, tags) VALUES (?, ?, ?) ON CONFLICT(account, satellite_id) DO UPDATE SET tags = excluded.tags',
    );
    this.clearAccount = db.prepare('DELETE FROM satellite_tags WHERE @account IS NULL OR account = @account');
  }

  get(account: string, satelliteId: string): Record<string, string> {
    const row = this.selectOne.get(account, satelliteId);
    return row ? (JSON.parse(row.tags) as Record<string, string>) : {};
  }

  set(account: string, satelliteId: string, tags: Record<string, string>): void {
    this.upsert.run(account, satelliteId, JSON.stringify(tags));
  }

  /** Forgets the tags of one account, or of all (POST /_local/reset). */
  clear(account?: string): void {
    this.clearAccount.run({ account: account ?? null });
  }
}
