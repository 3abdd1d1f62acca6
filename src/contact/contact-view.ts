import type { ContactData, ContactVersion, DescribeContactResponse } from '../api/shapes.js';
import type { EphemerisContext } from '../ephemeris/active-ephemeris.js';
import type { StoredResource } from '../store/resources.js';
import { activeVersion, type ContactRecord, type ContactVersionRecord } from './contact-record.js';
import { contactTimeline, statusAt } from './contact-timeline.js';
import { overrideEphemerisRef } from './contact-tracking.js';
import { shownVisibility } from './contact-visibility.js';

const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));
const ERROR_STATUSES = new Set(['FAILED_TO_SCHEDULE', 'FAILED', 'AWS_FAILED', 'AWS_CANCELLED']);

export function versionView(version: ContactVersionRecord): ContactVersion {
  return {
    versionId: version.versionId,
    created: new Date(version.createdMs),
    activated: date(version.activatedMs),
    superseded: date(version.supersededMs),
    lastUpdated: new Date(version.lastUpdatedMs),
    status: version.status,
    failureCodes: version.failureCodes,
    failureMessage: version.failureMessage,
  };
}

/** A reserved contact as ListContacts shows it, at `nowMs` (SEMANTICS §2.5). */
export function contactData(context: EphemerisContext, resource: StoredResource<ContactRecord>, nowMs: number, version = activeVersion(resource.doc)): ContactData {
  const contact = resource.doc;
  const timeline = contactTimeline(contact);
  const status = statusAt(contact, nowMs, timeline);
  // Visibility is shown once the contact has reached PREPASS (absent while SCHEDULING/SCHEDULED).
  const prepared = timeline.some((entry) => entry.subject === 'contact' && entry.status === 'PREPASS' && entry.atMs <= nowMs);
  const visibility = prepared ? shownVisibility(context, contact, version) : undefined;
  return {
    contactId: resource.id,
    missionProfileArn: contact.missionProfileArn,
    satelliteArn: version.satelliteArn,
    startTime: new Date(contact.startMs),
    endTime: new Date(contact.endMs),
    prePassStartTime: new Date(contact.prePassStartMs),
    postPassEndTime: new Date(contact.postPassEndMs),
    groundStation: contact.groundStation,
    contactStatus: status,
    errorMessage: ERROR_STATUSES.has(status) ? (contact.fault?.errorMessage ?? contact.schedulingFailure) : undefined,
    maximumElevation: { value: contact.maximumElevationDeg, unit: 'DEGREE_ANGLE' },
    region: context.scope.region,
    tags: Object.keys(resource.tags).length > 0 ? resource.tags : undefined,
    ...(visibility ? { visibilityStartTime: new Date(visibility.startMs), visibilityEndTime: new Date(visibility.endMs) } : {}),
    ephemeris: overrideEphemerisRef(version.trackingOverrides) ?? contact.ephemeris,
    version: versionView(version),
  };
}

/** DescribeContact (and DescribeContactVersion): the list row plus the frozen dataflows. */
export function describeContactData(context: EphemerisContext, resource: StoredResource<ContactRecord>, nowMs: number, version = activeVersion(resource.doc)): DescribeContactResponse {
  return {
    ...contactData(context, resource, nowMs, version),
    dataflowList: resource.doc.dataflowList,
    trackingOverrides: version.trackingOverrides,
  };
}
