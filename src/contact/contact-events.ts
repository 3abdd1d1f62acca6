import type { Services } from '../api/context.js';
import type { GroundStationEvent } from '../events/types.js';
import type { Scope } from '../store/resources.js';
import { contactIndex } from './contact-index.js';
import { CONTACT_KIND, type ContactRecord } from './contact-record.js';
import { contactTimeline, TERMINAL_STATUSES, type TimelineEntry } from './contact-timeline.js';
import { releaseResources } from './contact-resources.js';

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
  if (entry.subject === 'contact') {
    return {
      detailType: 'Ground Station Contact State Change',
      ...scope,
      resources: [contact.arn],
      detail: { ...common, contactStatus: entry.status },
      time: new Date(entry.atMs),
    };
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
 * the contact's progress, lets go of what a terminal contact held, and re-indexes it.
 */
export function recordPublished(services: Services, scope: Scope, contactId: string, contact: ContactRecord, published: number): void {
  const updated = { ...contact, eventsPublished: contact.eventsPublished + published };
  const ended = contactTimeline(updated)
    .slice(0, updated.eventsPublished)
    .some((entry) => entry.subject === 'contact' && TERMINAL_STATUSES.has(entry.status));
  if (ended) releaseResources(services, scope, contactId, updated);
  services.store.replace(scope, CONTACT_KIND, contactId, updated);
  contactIndex(services.store).save(scope, contactId, updated);
}

/** Publishes, in order, every change of one contact that is due by `nowMs`. */
export function publishDueChanges(services: Services, scope: Scope, contactId: string, contact: ContactRecord, nowMs: number): ContactRecord {
  const changes = dueChanges(contact, nowMs);
  for (const entry of changes) services.events.publish(changeEvent(scope, contactId, contact, entry));
  if (changes.length > 0) recordPublished(services, scope, contactId, contact, changes.length);
  return { ...contact, eventsPublished: contact.eventsPublished + changes.length };
}
