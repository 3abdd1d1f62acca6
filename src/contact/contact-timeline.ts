import type { ContactStatus } from '../api/shapes.js';
import type { TimedEntry } from '../schedule/timeline.js';
import type { ContactRecord } from './contact-record.js';
import { s3RecordingDestinations } from './contact-snapshot.js';

/** One change a contact goes through: its own status, the state of one group it holds, or an S3 upload finishing. */
export type TimelineEntry = TimedEntry &
  (
    | { subject: 'contact'; status: ContactStatus }
    | { subject: 'group'; groupIndex: number; state: ContactStatus }
    | { subject: 'upload'; s3RecordingConfigArn: string; bucketArn: string }
  );

const contactEntry = (status: ContactStatus, atMs: number): TimelineEntry => ({ key: `contact:${status}`, atMs, subject: 'contact', status });

const groupEntry = (contact: ContactRecord, groupIndex: number, state: ContactStatus, atMs: number): TimelineEntry =>
  ({ key: `group:${contact.heldGroups[groupIndex]!.id}:${state}`, atMs, subject: 'group', groupIndex, state });

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
 * fixed at reservation, with the scheduling delay the contact was reserved with; a cancellation or
 * an injected fault truncates it. A pure function of the record: statuses, events and restarts all
 * read this.
 */
export function contactTimeline(contact: ContactRecord): TimelineEntry[] {
  const delay = contact.schedulingDelayMs;
  const decidedMs = contact.reservedMs + delay;
  const entries: TimelineEntry[] = [contactEntry('SCHEDULING', contact.reservedMs)];
  if (contact.schedulingFailure !== undefined) {
    entries.push(contactEntry('FAILED_TO_SCHEDULE', decidedMs));
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
      ).map(([state, atMs]) => groupEntry(contact, groupIndex, state, Math.max(atMs, decidedMs))),
    );
    let previousMs = contact.reservedMs;
    for (const [status, nominalMs] of steps) {
      previousMs = Math.max(previousMs, nominalMs);
      entries.push(contactEntry(status, previousMs));
    }
    // Each s3-recording destination's upload completes with the contact (SEMANTICS §3).
    for (const config of s3RecordingDestinations(contact.snapshot)) {
      const bucketArn = config.configData.s3RecordingConfig!.bucketArn;
      entries.push({ key: `upload:${config.arn}`, atMs: previousMs, subject: 'upload', s3RecordingConfigArn: config.arn, bucketArn });
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
    return begun && !ended ? [groupEntry(contact, groupIndex, state, endedAtMs)] : [];
  });
  return [...kept, ...endings.map(([status, endingAtMs]) => contactEntry(status, endingAtMs)), ...groupsEnded];
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
