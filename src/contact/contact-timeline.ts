import type { ContactStatus } from '../api/shapes.js';
import type { ContactRecord } from './contact-record.js';
import { DEFAULT_CONTACT_SETTINGS } from './contact-settings.js';
import { s3RecordingDestinations } from './contact-snapshot.js';

/** One change a contact goes through: its own status, the state of one group it holds, or an S3 upload finishing. */
export type TimelineEntry =
  | { atMs: number; subject: 'contact'; status: ContactStatus }
  | { atMs: number; subject: 'group'; groupIndex: number; state: ContactStatus }
  | { atMs: number; subject: 'upload'; s3RecordingConfigArn: string; bucketArn: string };

export const TERMINAL_STATUSES: ReadonlySet<ContactStatus> = new Set([
  'FAILED_TO_SCHEDULE',
  'COMPLETED',
  'FAILED',
  'AWS_FAILED',
  'CANCELLED',
  'AWS_CANCELLED',
]);

/**
 * Every change the contact goes through, in order, each at its nominal moment (never before the
 * change it follows, so a reservation made late still walks PREPASS before PASS). The schedule is
 * fixed at reservation; a cancellation or an injected fault truncates it. Statuses, events and
 * restarts all read this.
 */
export function contactTimeline(contact: ContactRecord): TimelineEntry[] {
  const delay = contact.transitionDelayMs ?? DEFAULT_CONTACT_SETTINGS.transitionDelayMs;
  const decidedMs = contact.reservedMs + delay;
  const entries: TimelineEntry[] = [{ atMs: contact.reservedMs, subject: 'contact', status: 'SCHEDULING' }];
  if (contact.schedulingFailure !== undefined) {
    entries.push({ atMs: decidedMs, subject: 'contact', status: 'FAILED_TO_SCHEDULE' });
  } else {
    const steps: [ContactStatus, number][] = [
      ['SCHEDULED', decidedMs],
      ['PREPASS', contact.prePassStartMs],
      ['PASS', contact.startMs],
      ['POSTPASS', contact.endMs],
      ['COMPLETED', contact.postPassEndMs],
    ];
    const groupSteps = contact.heldGroups.flatMap((group, groupIndex) =>
      (
        [
          ['PREPASS', contact.startMs - group.prePassMs],
          ['PASS', contact.startMs],
          ['POSTPASS', contact.endMs],
          ['COMPLETED', contact.endMs + group.postPassMs],
        ] as [ContactStatus, number][]
      ).map(([state, atMs]) => ({ atMs: Math.max(atMs, decidedMs), subject: 'group' as const, groupIndex, state })),
    );
    let previousMs = contact.reservedMs;
    for (const [status, nominalMs] of steps) {
      previousMs = Math.max(previousMs, nominalMs);
      entries.push({ atMs: previousMs, subject: 'contact', status });
    }
    // Each s3-recording destination's upload completes with the contact (SEMANTICS §3).
    for (const config of contact.publishesUploads ? s3RecordingDestinations(contact.snapshot) : []) {
      entries.push({ atMs: previousMs, subject: 'upload', s3RecordingConfigArn: config.arn, bucketArn: config.configData.s3RecordingConfig!.bucketArn });
    }
    // Stable: at equal moments the contact's own change comes first.
    entries.push(...groupSteps);
    entries.sort((a, b) => a.atMs - b.atMs);
  }
  const { cancelledMs, fault } = contact;
  // CANCELLING, then CANCELLED a tick later. A fault may follow a cancellation (while CANCELLING),
  // never precede it: it is terminal.
  const cancelled = cancelledMs === undefined ? entries : interruptedTimeline(contact, entries, cancelledMs, [
    ['CANCELLING', cancelledMs],
    ['CANCELLED', cancelledMs + delay],
  ]);
  return fault === undefined ? cancelled : interruptedTimeline(contact, cancelled, fault.atMs, [[fault.status, fault.atMs]]);
}

/**
 * What had happened by `atMs`, then the contact's `endings`; each group it holds that had begun and
 * not ended takes the last of them (CANCELLED after a cancel) at the same moment.
 */
function interruptedTimeline(contact: ContactRecord, entries: TimelineEntry[], atMs: number, endings: [ContactStatus, number][]): TimelineEntry[] {
  const kept = entries.filter((entry) => entry.atMs <= atMs);
  const [state, endedAtMs] = endings.at(-1)!;
  const groupsEnded = contact.heldGroups.flatMap((_group, groupIndex) => {
    const states = kept.flatMap((entry) => (entry.subject === 'group' && entry.groupIndex === groupIndex ? [entry.state] : []));
    const begun = states.length > 0;
    const ended = states.some((groupState) => TERMINAL_STATUSES.has(groupState));
    return begun && !ended ? [{ atMs: endedAtMs, subject: 'group' as const, groupIndex, state }] : [];
  });
  return [...kept, ...endings.map(([status, endingAtMs]) => ({ atMs: endingAtMs, subject: 'contact' as const, status })), ...groupsEnded];
}

/** The contact's status at an instant: the last of its own changes by then. */
export function statusAt(contact: ContactRecord, atMs: number, timeline = contactTimeline(contact)): ContactStatus {
  let status: ContactStatus = 'SCHEDULING';
  for (const entry of timeline) {
    if (entry.atMs > atMs) break;
    if (entry.subject === 'contact') status = entry.status;
  }
  return status;
}

/** When the contact first reached a status, if it has by `atMs`. */
export function reachedAt(contact: ContactRecord, status: ContactStatus, atMs: number): number | undefined {
  const entry = contactTimeline(contact).find((e) => e.subject === 'contact' && e.status === status && e.atMs <= atMs);
  return entry?.atMs;
}

/** Whether the contact occupies its antenna and endpoint groups: scheduled, not cancelled, not faulted. */
export const holdsResources = (contact: ContactRecord): boolean =>
  contact.schedulingFailure === undefined && contact.cancelledMs === undefined && contact.fault === undefined;
