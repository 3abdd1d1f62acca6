import type { ContactStatus } from '../api/shapes.js';
import type { ContactRecord } from './contact-record.js';
import { contactSettings } from './contact-settings.js';
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
 * fixed at reservation; a cancellation truncates it. Statuses, events and restarts all read this.
 */
export function contactTimeline(contact: ContactRecord): TimelineEntry[] {
  const delay = contactSettings.transitionDelayMs;
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
    for (const config of s3RecordingDestinations(contact.snapshot)) {
      entries.push({ atMs: previousMs, subject: 'upload', s3RecordingConfigArn: config.arn, bucketArn: config.configData.s3RecordingConfig!.bucketArn });
    }
    // Stable: at equal moments the contact's own change comes first.
    entries.push(...groupSteps);
    entries.sort((a, b) => a.atMs - b.atMs);
  }
  return contact.cancelledMs === undefined ? entries : cancelledTimeline(contact, entries, contact.cancelledMs);
}

/** What had happened by the cancellation, then CANCELLING and, a tick later, CANCELLED. */
function cancelledTimeline(contact: ContactRecord, entries: TimelineEntry[], cancelledMs: number): TimelineEntry[] {
  const kept = entries.filter((entry) => entry.atMs <= cancelledMs);
  const cancelledAtMs = cancelledMs + contactSettings.transitionDelayMs;
  const groupsCancelled = contact.heldGroups.flatMap((_group, groupIndex) => {
    const states = kept.filter((entry) => entry.subject === 'group' && entry.groupIndex === groupIndex);
    const begun = states.length > 0;
    const ended = states.some((entry) => entry.subject === 'group' && entry.state === 'COMPLETED');
    return begun && !ended ? [{ atMs: cancelledAtMs, subject: 'group' as const, groupIndex, state: 'CANCELLED' as const }] : [];
  });
  return [
    ...kept,
    { atMs: cancelledMs, subject: 'contact', status: 'CANCELLING' },
    { atMs: cancelledAtMs, subject: 'contact', status: 'CANCELLED' },
    ...groupsCancelled,
  ];
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

/** Whether the contact occupies its antenna and endpoint groups: scheduled and not cancelled. */
export const holdsResources = (contact: ContactRecord): boolean =>
  contact.schedulingFailure === undefined && contact.cancelledMs === undefined;
