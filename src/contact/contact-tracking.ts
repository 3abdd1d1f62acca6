import type { TrackingOverrides, VersionFailureReasonCode } from '../api/shapes.js';
import { InvalidParameterException, ResourceNotFoundException, type ServiceError } from '../api/errors.js';
import { covers, customerEphemeris, type ActiveEphemeris, type EphemerisContext } from '../ephemeris/active-ephemeris.js';
import { azElSegmentCovers } from '../ephemeris/az-el-trajectory.js';
import { EPHEMERIS_KIND, ephemerisStatus, type EphemerisRecord } from '../ephemeris/ephemeris-record.js';

export interface TrackingProblem {
  code: VersionFailureReasonCode;
  message: string;
}

const NOT_FOUND: ReadonlySet<VersionFailureReasonCode> = new Set(['EPHEMERIS_NOT_FOUND', 'AZEL_EPHEMERIS_NOT_FOUND']);

/** A problem as a request refuses it: an unknown ephemeris is not found (434), any other an invalid override (431). */
export function trackingRefusal({ code, message }: TrackingProblem): ServiceError {
  return NOT_FOUND.has(code) ? new ResourceNotFoundException(message) : new InvalidParameterException(message, 'trackingOverrides');
}

/** What a contact tracks with: the named ephemeris, or why it cannot; neither when none is named. */
export interface OverrideTracking {
  ephemeris?: ActiveEphemeris;
  problem?: TrackingProblem;
}

/**
 * The ephemeris a contact's tracking overrides name, checked against the contact's satellite,
 * ground station and window. A usable TLE or OEM ephemeris tracks the contact instead of the
 * satellite's active one; an az-el ephemeris points the antenna at its own ground station only,
 * and need not name a satellite. The checks and their order are our choice, each failure with
 * the VersionFailureReasonCode that names it.
 */
export function overrideTracking(
  context: EphemerisContext,
  overrides: TrackingOverrides | undefined,
  satelliteId: string | undefined,
  groundStation: string,
  startMs: number,
  endMs: number,
): OverrideTracking {
  const named = overrideEphemerisRef(overrides);
  if (!named) return {};
  const { ephemerisId, ephemerisType: wanted } = named;
  const azEl = wanted === 'AZ_EL';
  const stored = context.store.get<EphemerisRecord>(context.scope, EPHEMERIS_KIND, ephemerisId);
  if (!stored) {
    return azEl
      ? { problem: { code: 'AZEL_EPHEMERIS_NOT_FOUND', message: `Az-el ephemeris ${ephemerisId} was not found` } }
      : { problem: { code: 'EPHEMERIS_NOT_FOUND', message: `Ephemeris ${ephemerisId} was not found` } };
  }
  const record = stored.doc;
  if (record.ephemerisType !== wanted) {
    const message = `Ephemeris ${ephemerisId} holds ${record.ephemerisType} data; the override names it as ${wanted}`;
    return { problem: { code: 'INVALID_UPDATE_CONTACT_REQUEST', message } };
  }
  if (azEl ? record.satelliteId !== undefined && satelliteId !== undefined && record.satelliteId !== satelliteId : record.satelliteId !== satelliteId) {
    const message = `Ephemeris ${ephemerisId} belongs to satellite ${record.satelliteId}, not to the contact's satellite ${satelliteId}`;
    return { problem: { code: 'SATELLITE_DOES_NOT_MATCH_EPHEMERIS', message } };
  }
  if (azEl && record.groundStation !== groundStation) {
    const message = `Az-el ephemeris ${ephemerisId} points from ${record.groundStation}; it cannot be used at ${groundStation}`;
    return { problem: { code: 'AZEL_EPHEMERIS_WRONG_GROUND_STATION', message } };
  }
  const status = ephemerisStatus(record, context.clock.nowMs());
  if (status !== 'ENABLED') {
    const message = `Ephemeris ${ephemerisId} is ${status}; only an ENABLED ephemeris can track a contact`;
    return { problem: { code: azEl ? 'AZEL_EPHEMERIS_INVALID_STATUS' : 'EPHEMERIS_NOT_ENABLED', message } };
  }
  const ephemeris = customerEphemeris(context, ephemerisId, record, startMs);
  if (endMs > record.expirationTimeMs! || !covers(ephemeris, startMs, endMs) || (azEl && !azElSegmentCovers(record, startMs, endMs))) {
    const message = `Ephemeris ${ephemerisId} does not cover the contact from ${new Date(startMs).toISOString()} to ${new Date(endMs).toISOString()}`;
    return { problem: { code: azEl ? 'AZEL_EPHEMERIS_TIME_RANGE_INVALID' : 'EPHEMERIS_TIME_RANGE_INVALID', message } };
  }
  return { ephemeris };
}

/** The ephemeris a version's overrides name, as contacts show it (`ephemeris` in ContactData). */
export function overrideEphemerisRef(overrides: TrackingOverrides | undefined) {
  const settings = overrides?.programTrackSettings;
  if (settings?.tle) return { ephemerisId: settings.tle.ephemerisId, ephemerisType: 'TLE' as const };
  if (settings?.oem) return { ephemerisId: settings.oem.ephemerisId, ephemerisType: 'OEM' as const };
  if (settings?.azEl) return { ephemerisId: settings.azEl.ephemerisId, ephemerisType: 'AZ_EL' as const };
  return undefined;
}
