import { createHash } from 'node:crypto';
import type { Caches, Settings } from '../api/context.js';
import type { UnitClock } from '../clock/clock.js';
import { ResourceNotFoundException } from '../api/errors.js';
import { parseOem, trajectoryFromOem, trajectoryFromTle, type Trajectory } from '../orbit/index.js';
import { findSatellite, type CatalogContext, type Satellite } from '../satellite/satellites.js';
import type { StoredResource } from '../store/resources.js';
import { ephemerisStatus, storedEphemerides, type EphemerisRecord } from './ephemeris-record.js';
import { CoverIndex, type UsableSpan } from './cover-index.js';
import { azElTrajectory } from './az-el-trajectory.js';
import { tleSetTrajectory } from './tle-set-trajectory.js';

export interface ActiveEphemeris {
  trajectory: Trajectory;
  /** Absent for the satellite's default (service-managed) ephemeris. */
  ephemerisId?: string;
  ephemerisType: 'TLE' | 'OEM' | 'AZ_EL' | 'SERVICE_MANAGED';
  /** Names the trajectory's data: equal keys mean identical positions (for pass caches). */
  cacheKey: string;
  /** The customer ephemeris's name, if it has one. */
  name?: string;
  /** The TLE in force at the instant asked about, when the ephemeris is made of TLEs. */
  tle?: { line1: string; line2: string };
  /** A customer ephemeris is used only before this instant (SEMANTICS §5.2). */
  expirationTimeMs?: number;
  /** The trajectory's coverage where it is known without building the trajectory (recorded at validation, or a TLE set's ranges). */
  coverage?: { startMs: number; endMs: number };
}

export interface EphemerisContext extends CatalogContext {
  clock: UnitClock;
  caches: Caches;
  /** The horizon bounds every pass search. */
  settings: Settings;
}

/** A satellite's ephemerides as SEMANTICS §5.2 ranks them, read once for many choices. */
export interface EphemerisChoice {
  /** Every one that can be chosen: ENABLED customer ephemerides, highest priority first, then the default. */
  candidates: ActiveEphemeris[];
  /** Where each candidate can be chosen, in the same order: the default's is every instant. */
  spans: UsableSpan[];
  /** The first candidate whose data positions the satellite over all of [startMs, endMs]. */
  over(startMs: number, endMs?: number): ActiveEphemeris;
}

const EVERY_INSTANT: UsableSpan = { startMs: -Infinity, endMs: Infinity, beforeMs: Infinity };

/**
 * Az-el ephemerides take no part: a contact names the one it points with (trackingOverrides).
 * Customer ephemerides ENABLED now rank by priority, ties to the most recently created or updated;
 * the satellite's default TLE (priority 0) comes last and covers every instant.
 */
export function ephemerisChoice(context: EphemerisContext, satelliteId: string): EphemerisChoice {
  const satellite = findSatellite(context, satelliteId);
  if (!satellite) throw new ResourceNotFoundException(`Satellite ${satelliteId} was not found`);
  const nowMs = context.clock.nowMs();
  const ranked = rankEphemerides(storedEphemerides(context.store, context.scope), satelliteId, nowMs);
  const fallback = defaultEphemeris(context, satellite);
  const customers = ranked.map(({ id, doc }) => customerEphemeris(context, id, doc, nowMs));
  const spans = ranked.map(({ doc }, rank) => usableSpan(doc, customers[rank]!.coverage ?? customers[rank]!.trajectory.coverage));
  const index = new CoverIndex(spans);
  return {
    candidates: [...customers, fallback],
    spans: [...spans, EVERY_INSTANT],
    over(startMs, endMs = startMs) {
      const rank = index.first(startMs, endMs);
      if (rank === undefined) return fallback;
      const { id, doc } = ranked[rank]!;
      return customerEphemeris(context, id, doc, startMs);
    },
  };
}

/** The satellite's customer ephemerides that can be chosen now, best first (SEMANTICS §5.2). */
export function rankEphemerides(stored: Iterable<StoredResource<EphemerisRecord>>, satelliteId: string, nowMs: number): StoredResource<EphemerisRecord>[] {
  return [...stored]
    .filter(({ doc }) => doc.ephemerisType !== 'AZ_EL' && doc.satelliteId === satelliteId && ephemerisStatus(doc, nowMs) === 'ENABLED')
    .sort((a, b) => b.doc.priority - a.doc.priority || b.doc.changedMs - a.doc.changedMs || b.seq - a.seq);
}

/**
 * Where a customer ephemeris can be chosen: its data's coverage (everywhere when the data does not
 * say), and only before it expires (never, when its expiration is unknown).
 */
export function usableSpan(doc: EphemerisRecord, coverage: { startMs: number; endMs: number } | undefined): UsableSpan {
  return { startMs: coverage?.startMs ?? -Infinity, endMs: coverage?.endMs ?? Infinity, beforeMs: doc.expirationTimeMs ?? -Infinity };
}

/** The ephemeris that positions a satellite at `startMs`, or over all of [startMs, endMs]. */
export function activeEphemeris(context: EphemerisContext, satelliteId: string, startMs: number, endMs = startMs): ActiveEphemeris {
  return ephemerisChoice(context, satelliteId).over(startMs, endMs);
}

/** A customer ephemeris (a validated one) as a source of positions, whatever its status. */
export function customerEphemeris(context: Pick<EphemerisContext, 'caches'>, id: string, doc: EphemerisRecord, atMs: number): ActiveEphemeris {
  const cacheKey = `ephemeris/${id}`;
  const segments = 'tleSegments' in doc.source ? doc.source.tleSegments : undefined;
  const coverage = doc.coverage ?? (segments && { startMs: segments[0]!.startMs, endMs: segments[segments.length - 1]!.endMs });
  return {
    // Built on first use: choosing among many ephemerides mostly needs only their spans.
    get trajectory() {
      return context.caches.trajectories.get(cacheKey, () => customerTrajectory(doc));
    },
    ...(coverage ? { coverage } : {}),
    ephemerisId: id,
    ephemerisType: doc.ephemerisType,
    cacheKey,
    name: doc.name,
    tle: tleAt(doc, atMs),
    ...(doc.expirationTimeMs !== undefined ? { expirationTimeMs: doc.expirationTimeMs } : {}),
  };
}

/** Whether the ephemeris's data positions the satellite over all of [startMs, endMs]. */
export function covers(ephemeris: ActiveEphemeris, startMs: number, endMs: number): boolean {
  const coverage = ephemeris.coverage ?? ephemeris.trajectory.coverage;
  return !coverage || (startMs >= coverage.startMs && endMs <= coverage.endMs);
}

function defaultEphemeris(context: Pick<EphemerisContext, 'caches'>, satellite: Satellite): ActiveEphemeris {
  const data = satellite.defaultEphemeris;
  const text = 'tle' in data ? `${data.tle.line1}\n${data.tle.line2}` : data.oem;
  const cacheKey = `default/${satellite.satelliteId}/${createHash('sha1').update(text).digest('hex')}`;
  const trajectory = context.caches.trajectories.get(cacheKey, () =>
    'tle' in data ? trajectoryFromTle(data.tle.line1, data.tle.line2) : oemTrajectory(data.oem),
  );
  return { trajectory, ephemerisType: 'SERVICE_MANAGED', cacheKey, ...('tle' in data ? { tle: data.tle } : {}) };
}

// Only validated records get here, so their data parses.
function customerTrajectory(record: EphemerisRecord): Trajectory {
  const source = record.source;
  if ('tleSegments' in source) return tleSetTrajectory(source.tleSegments);
  if ('oemData' in source) return oemTrajectory(source.oemData);
  if ('azElData' in source) return azElTrajectory(record.groundStation!, source.azElData);
  throw new Error(`ephemeris ${record.arn} has no data of its own`);
}

function oemTrajectory(text: string): Trajectory {
  const parsed = parseOem(text);
  if (!parsed.ok) throw new Error(`a validated OEM failed to parse: ${parsed.errors[0]?.errorMessage}`);
  return trajectoryFromOem(parsed.ephemeris);
}

function tleAt(record: EphemerisRecord, atMs: number) {
  if (!('tleSegments' in record.source)) return undefined;
  const segment = record.source.tleSegments.find((s) => s.startMs <= atMs && atMs < s.endMs);
  return segment && { line1: segment.line1, line2: segment.line2 };
}
