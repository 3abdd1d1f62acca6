import type { WorkServices } from '../api/context.js';
import type { Scope } from '../store/resources.js';
import { interruptContact } from './contact-events.js';
import { CONTACT_KIND, type ContactRecord, type FaultStatus } from './contact-record.js';
import { statusAt, TERMINAL_STATUSES } from './contact-timeline.js';

/** Why a fault cannot be injected: the HTTP status and message the admin API answers with. */
export class FaultRefused extends Error {
  constructor(readonly statusCode: 404 | 409, message: string) {
    super(message);
  }
}

const DEFAULT_MESSAGES: Record<FaultStatus, string> = {
  FAILED: 'The contact failed because of its configuration (injected fault)',
  AWS_FAILED: 'The contact failed because of a service fault (injected fault)',
  AWS_CANCELLED: 'The contact was cancelled by the service (injected fault)',
};

/**
 * Ends a contact now in a status only faults reach (SEMANTICS §2.1), the way a cancellation cuts it
 * short: its later changes never come, what it held is released, and the change is its event.
 */
export function injectFault(services: WorkServices, scope: Scope, contactId: string, status: FaultStatus, errorMessage = DEFAULT_MESSAGES[status]) {
  const contact = services.store.get<ContactRecord>(scope, CONTACT_KIND, contactId)?.doc;
  if (!contact) throw new FaultRefused(404, `Contact ${contactId} was not found in account ${scope.account}, region ${scope.region}`);
  const nowMs = services.clock.nowMs();
  const current = statusAt(contact, nowMs);
  if (TERMINAL_STATUSES.has(current)) throw new FaultRefused(409, `Contact ${contactId} is ${current}: a terminal status is never left`);
  interruptContact(services, scope, contactId, contact, nowMs, { fault: { status, atMs: nowMs, errorMessage } });
  return { contactId, contactStatus: status, errorMessage };
}
