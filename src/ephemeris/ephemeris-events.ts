import type { EphemerisStatus } from '../api/shapes.js';
import type { GroundStationEvent } from '../events/types.js';
import type { TimedEntry } from '../schedule/timeline.js';
import type { Scope } from '../store/resources.js';
import { ephemerisStatus, VALIDATION_DELAY_MS, type EphemerisRecord } from './ephemeris-record.js';

export const EPHEMERIS_STATUS_CHANGE = 'Ground Station Ephemeris Status Change';

/** A status change (SEMANTICS §3), stamped with its nominal moment. */
export function ephemerisStatusEvent(
  scope: Scope,
  ephemerisId: string,
  record: EphemerisRecord,
  ephemerisStatus: EphemerisStatus,
  timeMs: number,
): GroundStationEvent {
  return {
    detailType: EPHEMERIS_STATUS_CHANGE,
    ...scope,
    resources: [record.arn],
    // An az-el ephemeris may name no satellite.
    detail: { ephemerisStatus, ...(record.satelliteId !== undefined ? { satelliteId: record.satelliteId } : {}), ephemerisId },
    time: new Date(timeMs),
  };
}

/**
 * The changes the clock alone brings after creation (which publishes none, SEMANTICS §3): the
 * outcome a validation delay later, EXPIRED at the expiration time of a valid one. The change
 * scheduler publishes them as the clock reaches them. ENABLED ↔ DISABLED are UpdateEphemeris's own.
 */
export function statusTimeline(record: EphemerisRecord): EphemerisChange[] {
  const decidedMs = record.creationTimeMs + VALIDATION_DELAY_MS;
  const outcome = ephemerisStatus(record, decidedMs);
  const decided = statusChange(outcome, decidedMs);
  const expiresLater = outcome !== 'EXPIRED' && record.validation.result === 'VALID' && record.expirationTimeMs !== undefined;
  return expiresLater ? [decided, statusChange('EXPIRED', record.expirationTimeMs!)] : [decided];
}

export type EphemerisChange = TimedEntry & { status: EphemerisStatus };

const statusChange = (status: EphemerisStatus, atMs: number): EphemerisChange => ({ key: `ephemeris:${status}`, atMs, status });
