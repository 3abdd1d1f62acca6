import type { Services, WorkServices } from '../api/context.js';
import type { GroundStationEvent } from '../events/types.js';
import type { Scope } from '../store/resources.js';
import type { ChangeSource } from './change-scheduler.js';
import { activeVersion, CONTACT_KIND, type ContactRecord } from './contact-record.js';
import { contactTimeline, TERMINAL_STATUSES, type TimelineEntry } from './contact-timeline.js';
import { releaseResources } from './contact-resources.js';
import { currentVisibility } from './contact-visibility.js';
import { s3KeyFormat } from './s3-key-format.js';

/** A contact's timeline entries that are due by `nowMs` and not yet published. */
export function dueChanges(contact: ContactRecord, nowMs: number): TimelineEntry[] {
  const timeline = contactTimeline(contact);
  let end = contact.eventsPublished;
  while (end < timeline.length && timeline[end]!.atMs <= nowMs) end++;
  return timeline.slice(contact.eventsPublished, end);
}

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
    detail: {
      dataflowEndpointGroupId: group.id,
      dataflowEndpointGroupState: entry.state,
      dataflowEndpointGroupArn: group.arn,
      ...common,
    },
    time: new Date(entry.atMs),
  };
}

/**
 * Records that `published` entries (already turned into events by the caller) happened: advances
 * the contact's progress, lets go of what a terminal contact held, freezes the visibility of one
 * that has prepared and reached startTime or ended, and re-indexes it.
 */
export function recordPublished(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, published: number): void {
  let updated = { ...contact, eventsPublished: contact.eventsPublished + published };
  const reached = contactTimeline(updated)
    .slice(0, updated.eventsPublished)
    .flatMap((entry) => (entry.subject === 'contact' ? [entry] : []));
  const ended = reached.some((entry) => TERMINAL_STATUSES.has(entry.status));
  if (ended) releaseResources(services, scope, contactId);
  const prepared = reached.some((entry) => entry.status === 'PREPASS');
  if (prepared && !updated.visibilityFrozen && (ended || reached.some((entry) => entry.atMs >= contact.startMs))) {
    const visibility = currentVisibility({ ...services, scope }, updated, activeVersion(updated));
    updated = { ...updated, visibility, visibilityFrozen: true };
  }
  services.store.replace(scope, CONTACT_KIND, contactId, updated);
  services.contactIndex.save(scope, contactId, updated);
}

/** Publishes, in order, every change of one contact that is due by `nowMs`. */
export function publishDueChanges(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, nowMs: number): ContactRecord {
  const changes = dueChanges(contact, nowMs);
  for (const entry of changes) services.events.publish(changeEvent(scope, contactId, contact, entry));
  if (changes.length > 0) recordPublished(services, scope, contactId, contact, changes.length);
  return { ...contact, eventsPublished: contact.eventsPublished + changes.length };
}

/**
 * Cuts the contact's timeline at `nowMs` with `change` (a cancellation or a fault): what was due is
 * published first, so the cut falls after it, then what the change makes due at once.
 */
export function interruptContact(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord, nowMs: number, change: Partial<ContactRecord>): void {
  const interrupted = { ...publishDueChanges(services, scope, contactId, contact, nowMs), ...change };
  services.store.replace(scope, CONTACT_KIND, contactId, interrupted);
  services.contactIndex.save(scope, contactId, interrupted);
  publishDueChanges(services, scope, contactId, interrupted, nowMs);
}

/** Contacts as the change scheduler sees them: their due timeline entries, found by the index. */
export function contactChanges(services: Services): ChangeSource {
  const index = services.contactIndex;
  return {
    nextChangeMs: () => index.nextChangeMs(),
    dueBy: (nowMs) =>
      index.dueBy(nowMs).flatMap(({ account, region, contactId }) => {
        const scope = { account, region };
        const contact = services.store.get<ContactRecord>(scope, CONTACT_KIND, contactId)?.doc;
        const entries = contact ? dueChanges(contact, nowMs) : [];
        if (!contact || entries.length === 0) return [];
        return [{
          events: entries.map((entry) => changeEvent(scope, contactId, contact, entry)),
          recordPublished: () => recordPublished(services, scope, contactId, contact, entries.length),
        }];
      }),
  };
}
