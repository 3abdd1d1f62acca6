import type { OperationContext } from '../api/context.js';
import type { EphemerisStatus } from '../api/shapes.js';
import type { EphemerisRecord } from './ephemeris-record.js';

export const EPHEMERIS_STATUS_CHANGE = 'Ground Station Ephemeris Status Change';

/**
 * Publishes a status change (SEMANTICS §3). Status is derived from the clock, so changes are
 * published where an operation makes them: CreateEphemeris publishes VALIDATING and, stamped
 * one validation delay later, its outcome; UpdateEphemeris publishes ENABLED ↔ DISABLED.
 * EXPIRED is not published: nothing runs at the expiration time.
 */
export function publishEphemerisStatus(
  context: OperationContext,
  ephemerisId: string,
  record: EphemerisRecord,
  ephemerisStatus: EphemerisStatus,
  timeMs: number,
): void {
  context.events.publish({
    detailType: EPHEMERIS_STATUS_CHANGE,
    account: context.scope.account,
    region: context.scope.region,
    resources: [record.arn],
    detail: { ephemerisStatus, satelliteId: record.satelliteId, ephemerisId },
    time: new Date(timeMs),
  });
}
