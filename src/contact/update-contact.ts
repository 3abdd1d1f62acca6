import type { Handler, OperationContext } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import { canonicalSatelliteArn, findSatelliteByArn } from '../satellite/satellites.js';
import { activeVersion, CONTACT_KIND, getContactRecord, type ContactRecord, type ContactVersionRecord } from './contact-record.js';
import { holdResources } from './contact-resources.js';
import { overrideEphemerisRef, overrideTracking, type TrackingProblem } from './contact-tracking.js';
import { holdsResources, statusAt, TERMINAL_STATUSES } from './contact-timeline.js';

/**
 * Creates version n+1 of a contact (tracking overrides, satellite). A valid update becomes ACTIVE at
 * once and supersedes the previous version; an invalid one is recorded as FAILED_TO_UPDATE with
 * its reason, leaving the active version in force. A repeated clientToken returns its version.
 */
export const updateContact: Handler<'UpdateContact'> = (input, context) => {
  const { id, doc } = getContactRecord(context, input.contactId);
  const repeated = input.clientToken && doc.versions.find((version) => version.clientToken === input.clientToken);
  if (repeated) return { contactId: id, versionId: repeated.versionId };
  const nowMs = context.clock.nowMs();
  const status = statusAt(doc, nowMs);
  if (TERMINAL_STATUSES.has(status)) throw new InvalidParameterException(`Contact ${id} is ${status} and can no longer be updated`, 'contactId');

  const previous = activeVersion(doc);
  // What the request leaves out, the new version carries over; it is judged on the whole.
  const tracked = {
    satelliteArn: input.satelliteArn === undefined ? previous.satelliteArn : canonicalSatelliteArn(input.satelliteArn),
    trackingOverrides: input.trackingOverrides ?? previous.trackingOverrides,
  };
  const failure = updateFailure(context, tracked, doc);
  const version: ContactVersionRecord = {
    versionId: doc.versions.length + 1,
    status: failure ? 'FAILED_TO_UPDATE' : 'ACTIVE',
    createdMs: nowMs,
    lastUpdatedMs: nowMs,
    ...tracked,
    ...(failure ? { failureCodes: [failure.code], failureMessage: failure.message } : { activatedMs: nowMs }),
    ...(input.clientToken ? { clientToken: input.clientToken } : {}),
  };
  const versions = doc.versions.map((existing) =>
    !failure && existing === previous ? { ...existing, status: 'SUPERSEDED' as const, supersededMs: nowMs, lastUpdatedMs: nowMs } : existing,
  );
  const updated = { ...doc, versions: [...versions, version] };
  context.store.replace(context.scope, CONTACT_KIND, id, updated);
  if (!failure && holdsResources(updated)) holdResources(context, context.scope, id, updated);
  return { contactId: id, versionId: version.versionId };
};

/** Why a version tracking this satellite with these overrides cannot be used, if it cannot. */
function updateFailure(
  context: OperationContext,
  { satelliteArn, trackingOverrides }: Pick<ContactVersionRecord, 'satelliteArn' | 'trackingOverrides'>,
  contact: ContactRecord,
): TrackingProblem | undefined {
  const satellite = satelliteArn === undefined ? undefined : findSatelliteByArn(context, satelliteArn);
  const pointsWithAzEl = overrideEphemerisRef(trackingOverrides)?.ephemerisType === 'AZ_EL';
  if (!satellite && !(satelliteArn === undefined && pointsWithAzEl)) {
    return { code: 'INVALID_SATELLITE_ARN', message: `Satellite ${satelliteArn ?? '(none)'} was not found` };
  }
  return overrideTracking(context, trackingOverrides, satellite?.satelliteId, contact.groundStation, contact.startMs, contact.endMs).problem;
}
