import type { Handler } from '../api/context.js';
import type { ContactStatus } from '../api/shapes.js';
import { CONTACT_KIND, type ContactRecord } from '../contact/contact-record.js';
import { statusAt } from '../contact/contact-timeline.js';

// SEMANTICS §2.6: AWS_FAILED and AWS_CANCELLED, the service's faults, are not billed.
const BILLED: ReadonlySet<ContactStatus> = new Set(['SCHEDULED', 'PREPASS', 'PASS', 'POSTPASS', 'COMPLETED', 'FAILED']);
const CANCELLED_BY_CUSTOMER: ReadonlySet<ContactStatus> = new Set(['CANCELLING', 'CANCELLED']);
// No reserved-minutes plan exists locally (SEMANTICS §2.6, our choice).
const RESERVED_MINUTE_ALLOCATION = 0;

/**
 * Minutes of the caller's contacts starting in the UTC month: each meters whole minutes of
 * [startTime, endTime], rounded up. A cancellation less than 15 minutes before the start, or a
 * stop, still counts.
 */
export const getMinuteUsage: Handler<'GetMinuteUsage'> = (input, context) => {
  const monthStartMs = Date.UTC(input.year, input.month - 1, 1);
  const monthEndMs = Date.UTC(input.year, input.month, 1);
  const nowMs = context.clock.nowMs();
  let total = 0;
  let upcoming = 0;
  for (const { contactId } of context.contactIndex.overlapping(context.scope, monthStartMs, monthEndMs)) {
    const contact = context.store.get<ContactRecord>(context.scope, CONTACT_KIND, contactId)?.doc;
    if (!contact || contact.startMs < monthStartMs || !isBilled(contact, nowMs, context.settings.contacts.lateCancellationMs)) continue;
    const minutes = Math.ceil((contact.endMs - contact.startMs) / 60_000);
    total += minutes;
    if (contact.startMs > nowMs) upcoming += minutes;
  }
  return {
    isReservedMinutesCustomer: false,
    totalReservedMinuteAllocation: RESERVED_MINUTE_ALLOCATION,
    upcomingMinutesScheduled: upcoming,
    totalScheduledMinutes: total,
    estimatedMinutesRemaining: Math.max(0, RESERVED_MINUTE_ALLOCATION - total),
  };
};

function isBilled(contact: ContactRecord, nowMs: number, lateCancellationMs: number): boolean {
  if (contact.schedulingFailure !== undefined) return false;
  // By status, not by cancelledMs: a fault injected while CANCELLING decides, as it does the status.
  const status = statusAt(contact, nowMs);
  if (CANCELLED_BY_CUSTOMER.has(status)) return contact.cancelledMs! > contact.startMs - lateCancellationMs;
  return BILLED.has(status);
}
