import { createHash } from 'node:crypto';
import { parseArn } from '../api/arn.js';
import { GROUND_STATION_NAMES } from '../ground-station/ground-stations.js';
import type { ResourceStore, Scope } from '../store/resources.js';
export { CatalogError } from './catalog-error.js';
import type { DefaultEphemeris, OnboardedSatelliteRow, SatelliteStore } from './satellite-store.js';
import { bundledTles } from './tle-file.js';

export type { DefaultEphemeris } from './satellite-store.js';

export interface Satellite {
  satelliteId: string;
  noradSatelliteID: number;
  name: string;
  /** Names of the ground stations it is onboarded to: all of them (SEMANTICS §5.1). */
  groundStations: string[];
  source: 'bundled' | 'onboarded';
  /** The service-managed ephemeris (priority 0), used when no customer ephemeris applies. */
  defaultEphemeris: DefaultEphemeris;
}

/** What catalog look-ups need of an operation's context. */
export interface CatalogContext {
  store: ResourceStore;
  satellites: SatelliteStore;
  scope: Scope;
}

// Public broadcast satellites every account sees (SEMANTICS §5.1). Aqua's AWS support ended
// 2024-11-30, so it is listed only when opted in (or onboarded with its own TLE).
const BUNDLED = [
  { noradSatelliteID: 43013, name: 'NOAA-20 (JPSS-1)', optIn: false },
  { noradSatelliteID: 37849, name: 'Suomi NPP', optIn: false },
  { noradSatelliteID: 25994, name: 'Terra', optIn: false },
  { noradSatelliteID: 54234, name: 'NOAA-21 (JPSS-2)', optIn: false },
  { noradSatelliteID: 27424, name: 'Aqua', optIn: true },
] as const;

export const AQUA_NORAD_ID = 27424;
const INCLUDE_OPT_IN = 'includeOptInSatellites';

// A fixed, arbitrary namespace for name-based (v5) UUIDs of satellites.
const SATELLITE_NAMESPACE = Buffer.from('6f0c3c2e9a5b4d7e8f1a2b3c4d5e6f70', 'hex');

/** The satellite's UUID: a name-based (v5) UUID of its NORAD id, the same in every run and account. */
export function satelliteIdFor(noradSatelliteID: number): string {
  const hash = createHash('sha1').update(SATELLITE_NAMESPACE).update(`norad:${noradSatelliteID}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Satellite ARNs have an empty region: a satellite is not a regional resource. */
export const satelliteArn = (account: string, satelliteId: string) => `arn:aws:groundstation::${account}:satellite/${satelliteId}`;

/** Whether the opt-in satellites (Aqua) are listed; set from the command line at every start. */
export function setOptInSatellites(satellites: SatelliteStore, included: boolean): void {
  satellites.setOption(INCLUDE_OPT_IN, included ? '1' : '0');
}

/** Every satellite the catalog holds: the bundled ones in a fixed order, then onboarded ones as onboarded. */
export function allSatellites(context: Pick<CatalogContext, 'satellites'>): Satellite[] {
  const satellites = context.satellites;
  const onboarded = satellites.all();
  const byId = new Map(onboarded.map((row) => [row.satelliteId, row]));
  const includeOptIn = satellites.option(INCLUDE_OPT_IN) === '1';
  const listed: Satellite[] = [];
  for (const entry of BUNDLED) {
    const satelliteId = satelliteIdFor(entry.noradSatelliteID);
    const override = byId.get(satelliteId);
    if (override) listed.push(onboardedSatellite(override));
    else if (!entry.optIn || includeOptIn) listed.push(bundledSatellite(entry));
    byId.delete(satelliteId);
  }
  return [...listed, ...[...byId.values()].map(onboardedSatellite)];
}

export function findSatellite(context: Pick<CatalogContext, 'satellites'>, satelliteId: string): Satellite | undefined {
  const satellites = context.satellites;
  const onboarded = satellites.get(satelliteId);
  if (onboarded) return onboardedSatellite(onboarded);
  const entry = BUNDLED.find((b) => satelliteIdFor(b.noradSatelliteID) === satelliteId);
  if (!entry || (entry.optIn && satellites.option(INCLUDE_OPT_IN) !== '1')) return undefined;
  return bundledSatellite(entry);
}

// A satellite is not a regional resource (SEMANTICS §5.1): its ARN names it whatever its region part.
function satelliteArnParts(arn: string): { account: string; satelliteId: string } | undefined {
  const parsed = parseArn(arn);
  const [kind, satelliteId, ...rest] = parsed?.resource ?? [];
  if (!parsed || kind !== 'satellite' || !satelliteId || rest.length > 0) return undefined;
  return { account: parsed.account, satelliteId };
}

/** A satellite ARN as we issue it, its region part emptied; any other string as given. */
export function canonicalSatelliteArn(arn: string): string {
  const parts = satelliteArnParts(arn);
  return parts ? satelliteArn(parts.account, parts.satelliteId) : arn;
}

/** The satellite an ARN of the caller's account names, with any region part (the model allows one). */
export function findSatelliteByArn(context: CatalogContext, arn: string): Satellite | undefined {
  const parts = satelliteArnParts(arn);
  if (!parts || parts.account !== context.scope.account) return undefined;
  return findSatellite(context, parts.satelliteId);
}

function bundledSatellite(entry: (typeof BUNDLED)[number]): Satellite {
  const tle = bundledTles().find((t) => Number(t.line1.slice(2, 7)) === entry.noradSatelliteID);
  if (!tle) throw new Error(`the bundled TLE file has no TLE for NORAD ${entry.noradSatelliteID}`);
  return {
    satelliteId: satelliteIdFor(entry.noradSatelliteID),
    noradSatelliteID: entry.noradSatelliteID,
    name: entry.name,
    groundStations: [...GROUND_STATION_NAMES],
    source: 'bundled',
    defaultEphemeris: { tle: { line1: tle.line1, line2: tle.line2 } },
  };
}

const onboardedSatellite = (row: OnboardedSatelliteRow): Satellite => ({
  ...row,
  groundStations: [...GROUND_STATION_NAMES],
  source: 'onboarded',
});
