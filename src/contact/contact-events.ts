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

/** A contact's timeline entries that are due by `nowMs` and not yet published. */
export const dueChanges = (contact: ContactRecord, nowMs: number): TimelineEntry[] =>
  dueEntries(contactTimeline(contact), contact.publishedKeys, nowMs);

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
    // The guide's example, field for field: no satelliteArn here, unlike the contact's event.
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
 * Records that `published` entries (already turned into events by the caller) happened: adds their
 * keys to the contact's, lets go of what a terminal contact held, freezes the visibility of one
 * that has prepared and reached startTime or ended, and re-indexes it.
 */
export function recordPublished(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, published: TimelineEntry[]): ContactRecord {
  let updated = withPublished(contact, published);
  const keys = new Set(updated.publishedKeys);
  const reached = contactTimeline(updated).flatMap((entry) => (entry.subject === 'contact' && keys.has(entry.key) ? [entry] : []));
  const ended = reached.some((entry) => TERMINAL_STATUSES.has(entry.status));
  if (ended) releaseResources(services, scope, contactId);
  const prepared = reached.some((entry) => entry.status === 'PREPASS');
  if (prepared && !updated.visibilityFrozen && (ended || reached.some((entry) => entry.atMs >= contact.startMs))) {
    const visibility = currentVisibility({ ...services, scope }, updated, activeVersion(updated));
    updated = { ...updated, visibility, visibilityFrozen: true };
  }
  services.store.replace(scope, CONTACT_KIND, contactId, updated);
  services.contactIndex.save(scope, contactId, updated);
  return updated;
}

const withPublished = (contact: ContactRecord, published: TimelineEntry[]): ContactRecord =>
  ({ ...contact, publishedKeys: [...contact.publishedKeys, ...published.map((entry) => entry.key)] });

/** Publishes, in order, `changes` of one contact (all of them due), and records them. */
function publishChanges(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, changes: TimelineEntry[]): ContactRecord {
  for (const entry of changes) services.events.publish(changeEvent(scope, contactId, contact, entry));
  return changes.length > 0 ? recordPublished(services, scope, contactId, contact, changes) : contact;
}

/** Publishes, in order, every change of one contact that is due by `nowMs`. */
export const publishDueChanges = (services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, nowMs: number): ContactRecord =>
  publishChanges(services, scope, contactId, contact, dueChanges(contact, nowMs));

/**
 * Cuts the contact's timeline at `nowMs` with `change` (a cancellation or a fault): what was due is
 * published first, so the cut falls after it, then what the change adds that is due at once.
 */
export function interruptContact(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, nowMs: number, change: Partial<ContactRecord>): void {
  const before = publishDueChanges(services, scope, contactId, contact, nowMs);
  const interrupted = { ...before, ...change };
  const added = addedEntries(contactTimeline(before), contactTimeline(interrupted), nowMs);
  services.store.replace(scope, CONTACT_KIND, contactId, interrupted);
  services.contactIndex.save(scope, contactId, interrupted);
  publishChanges(services, scope, contactId, interrupted, added);
}

/** Contacts as the change scheduler sees them: their timelines, found by the index. */
export function contactChanges(services: Services): ChangeSource {
  const index = services.contactIndex;
  return timelineChanges({
    nextChangeMs: () => index.nextChangeMs(),
    dueBy: (nowMs) =>
      index.dueBy(nowMs).flatMap(({ account, region, contactId }) => {
        const scope = { account, region };
        const contact = services.store.get<ContactRecord>(scope, CONTACT_KIND, contactId)?.doc;
        if (!contact) return [];
        return [{
          timeline: contactTimeline(contact),
          publishedKeys: contact.publishedKeys,
          event: (entry: TimelineEntry) => changeEvent(scope, contactId, contact, entry),
          recordPublished: (entries: TimelineEntry[]) => {
            if (entries.length > 0) recordPublished(services, scope, contactId, contact, entries);
          },
        }];
      }),
  });
}
