import type { Services, WorkServices } from '../api/context.js';
import type { GroundStationEvent } from '../events/types.js';
import type { Scope } from '../store/resources.js';
import type { ChangeSource } from '../schedule/change-scheduler.js';
import { timelineChanges } from '../schedule/timeline-source.js';
import { addedEntries, dueEntries } from '../schedule/timeline.js';
import { activeVersion, CONTACT_KIND, type ContactRecord } from './contact-record.js';
import { contactTimeline, TERMINAL_STATUSES, type TimelineEntry } from './contact-timeline.js';
import { releaseResources } from './contact-resources.js';
import { currentVisibility } from './contact-visibility.js';
import { s3KeyFormat } from './s3-key-format.js';

/** The event (SEMANTICS §3) for one timeline entry, stamped with its nominal moment. */
export function changeEvent(scope: Scope, contactId: string, contact: ContactRecord, entry: TimelineEntry): GroundStationEvent {
  const common = {
    contactId,
    groundstationId: contact.groundStation,
    missionProfileArn: contact.missionProfileArn,
    satelliteArn: contact.satelliteArn,
  };
  const ofContact = (detailType: string, detail: Record<string, unknown>): GroundStationEvent =>
    ({ detailType, ...scope, resources: [contact.arn], detail: { ...common, ...detail }, time: new Date(entry.atMs) });
  if (entry.subject === 'contact') return ofContact('Ground Station Contact State Change', { contactStatus: entry.status });
  if (entry.subject === 'upload') {
    const config = contact.snapshot.configs[entry.s3RecordingConfigArn]!;
    const keyFormat = s3KeyFormat(config, { contactId, satelliteArn: contact.satelliteArn, startMs: contact.startMs });
    return ofContact('Ground Station S3 Upload Complete', { s3RecordingConfigArn: entry.s3RecordingConfigArn, bucketArn: entry.bucketArn, keyFormat });
  }
  const group = contact.heldGroups[entry.groupIndex]!;
  return {
    detailType: 'Ground Station Dataflow Endpoint Group State Change',
    account: scope.account,
    region: group.region,
    resources: [group.arn],
    // The fields and order public types generated from sample events show: no satelliteArn here,
    // unlike the contact's event.
    detail: {
      dataflowEndpointGroupId: group.id,
      groundstationId: contact.groundStation,
      contactId,
      dataflowEndpointGroupArn: group.arn,
      missionProfileArn: contact.missionProfileArn,
      dataflowEndpointGroupState: entry.state,
    },
    time: new Date(entry.atMs),
  };
}

/**
 * What publishing does to the contact beyond its keys, once `publishedKeys` are out: a terminal one
 * lets go of what it held, and one that has prepared and reached startTime or ended has its
 * visibility frozen. Returns the contact as it now is.
 */
function afterPublished(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, publishedKeys: readonly string[]): ContactRecord {
  const keys = new Set(publishedKeys);
  const reached = contactTimeline(contact).flatMap((entry) => (entry.subject === 'contact' && keys.has(entry.key) ? [entry] : []));
  const ended = reached.some((entry) => TERMINAL_STATUSES.has(entry.status));
  if (ended) releaseResources(services, scope, contactId);
  const prepared = reached.some((entry) => entry.status === 'PREPASS');
  if (!prepared || contact.visibilityFrozen || !(ended || reached.some((entry) => entry.atMs >= contact.startMs))) return contact;
  const visibility = currentVisibility({ ...services, scope }, contact, activeVersion(contact));
  const frozen: ContactRecord = { ...contact, visibility, visibilityFrozen: true };
  services.store.replace(scope, CONTACT_KIND, contactId, frozen);
  return frozen;
}

interface Published {
  contact: ContactRecord;
  publishedKeys: string[];
}

/** Publishes, in order, `entries` of one contact (all of them due) after `publishedKeys`, and records them. */
function publishEntries(
  services: WorkServices,
  scope: Scope,
  contactId: string,
  contact: ContactRecord,
  publishedKeys: readonly string[],
  entries: TimelineEntry[],
): Published {
  for (const entry of entries) services.events.publish(changeEvent(scope, contactId, contact, entry));
  const keys = [...publishedKeys, ...entries.map((entry) => entry.key)];
  const updated = entries.length > 0 ? afterPublished(services, scope, contactId, contact, keys) : contact;
  services.publishedChanges.save(scope, CONTACT_KIND, contactId, contactTimeline(updated), keys);
  return { contact: updated, publishedKeys: keys };
}

/** Publishes, in order, every change of one contact that is due by `nowMs` and not among `publishedKeys`. */
export const publishDueChanges = (
  services: WorkServices,
  scope: Scope,
  contactId: string,
  contact: ContactRecord,
  publishedKeys: readonly string[],
  nowMs: number,
): Published => publishEntries(services, scope, contactId, contact, publishedKeys, dueEntries(contactTimeline(contact), publishedKeys, nowMs));

/**
 * Cuts the contact's timeline at `nowMs` with `change` (a cancellation or a fault): what was due is
 * published first, so the cut falls after it, then what the change adds that is due at once.
 */
export function interruptContact(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, nowMs: number, change: Partial<ContactRecord>): void {
  const publishedKeys = services.publishedChanges.publishedKeys(scope, CONTACT_KIND, contactId);
  const before = publishDueChanges(services, scope, contactId, contact, publishedKeys, nowMs);
  const interrupted = { ...before.contact, ...change };
  const added = addedEntries(contactTimeline(before.contact), contactTimeline(interrupted), nowMs);
  services.store.replace(scope, CONTACT_KIND, contactId, interrupted);
  services.contactIndex.save(scope, contactId, interrupted);
  publishEntries(services, scope, contactId, interrupted, before.publishedKeys, added);
}

/** Contacts as the change scheduler sees them: their timelines, found by the schedule's table. */
export function contactChanges(services: Services): ChangeSource {
  return timelineChanges<TimelineEntry>(services.publishedChanges, CONTACT_KIND, (scope, contactId) => {
    const contact = services.store.get<ContactRecord>(scope, CONTACT_KIND, contactId)?.doc;
    return contact && {
      timeline: contactTimeline(contact),
      events: (entry) => [changeEvent(scope, contactId, contact, entry)],
      recordPublished: (publishedKeys) => void afterPublished(services, scope, contactId, contact, publishedKeys),
    };
  });
}
