import type { Db } from '../store/database.js';

/** How a satellite's service-managed ephemeris was given: a TLE, or an OEM in KVN. */
export type DefaultEphemeris = { tle: { line1: string; line2: string } } | { oem: string };

export interface OnboardedSatelliteRow {
  satelliteId: string;
  noradSatelliteID: number;
  name: string;
  defaultEphemeris: DefaultEphemeris;
}

// Onboarded satellites are global (every account and region sees them, like the bundled ones),
// so they live in their own table rather than the (account, region)-scoped resources table.
export const SATELLITE_MIGRATIONS = [
  `CREATE TABLE onboarded_satellites (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     satellite_id TEXT NOT NULL UNIQUE,
     norad_id INTEGER NOT NULL,
     name TEXT NOT NULL,
     default_ephemeris TEXT NOT NULL
   );
   CREATE TABLE catalog_options (name TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

interface Row {
  satellite_id: string;
  norad_id: number;
  name: string;
  default_ephemeris: string;
}

const fromRow = (row: Row): OnboardedSatelliteRow => ({
  satelliteId: row.satellite_id,
  noradSatelliteID: row.norad_id,
  name: row.name,
  defaultEphemeris: JSON.parse(row.default_ephemeris) as DefaultEphemeris,
});

/** Statements prepared once per database. */
export class SatelliteStore {
  private readonly selectAll;
  private readonly selectOne;
  private readonly upsert;
  private readonly selectOption;
  private readonly upsertOption;

  constructor(db: Db) {
    const columns = 'satellite_id, norad_id, name, default_ephemeris';
    this.selectAll = db.prepare<[], Row>(`SELECT ${columns} FROM onboarded_satellites ORDER BY seq`);
    this.selectOne = db.prepare<[string], Row>(`SELECT ${columns} FROM onboarded_satellites WHERE satellite_id = ?`);
    // Onboarding the same satellite again replaces its name and ephemeris but keeps its place.
    this.upsert = db.prepare(
      `INSERT INTO onboarded_satellites (${columns}) VALUES (?, ?, ?, ?)
       ON CONFLICT(satellite_id) DO UPDATE SET norad_id = excluded.norad_id, name = excluded.name, default_ephemeris = excluded.default_ephemeris`,
    );
    this.selectOption = db.prepare<[string], { value: string }>('SELECT value FROM catalog_options WHERE name = ?');
    this.upsertOption = db.prepare(
      'INSERT INTO catalog_options (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
    );
  }

  all(): OnboardedSatelliteRow[] {
    return this.selectAll.all().map(fromRow);
  }

  get(satelliteId: string): OnboardedSatelliteRow | undefined {
    const row = this.selectOne.get(satelliteId);
    return row && fromRow(row);
  }

  save(satellite: OnboardedSatelliteRow): void {
    this.upsert.run(satellite.satelliteId, satellite.noradSatelliteID, satellite.name, JSON.stringify(satellite.defaultEphemeris));
  }

  option(name: string): string | undefined {
    return this.selectOption.get(name)?.value;
  }

  setOption(name: string, value: string): void {
    this.upsertOption.run(name, value);
  }
}
