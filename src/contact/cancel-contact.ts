import type { Handler } from '../api/context.js';
import type { ContactStatus } from '../api/shapes.js';
import { InvalidParameterException } from '../api/errors.js';
import { interruptContact } from './contact-events.js';
import { activeVersion, getContactRecord } from './contact-record.js';
import { statusAt } from './contact-timeline.js';

// SEMANTICS §2.1: these can be cancelled (PASS: stopped); these were already, so it is a no-op.
const CANCELLABLE: ReadonlySet<ContactStatus> = new Set(['SCHEDULING', 'SCHEDULED', 'PREPASS', 'PASS']);
const ALREADY_CANCELLED: ReadonlySet<ContactStatus> = new Set(['CANCELLING', 'CANCELLED', 'AWS_CANCELLED']);

export const cancelContact: Handler<'CancelContact'> = (input, context) => {
  const { id, doc } = getContactRecord(context, input.contactId);
  const nowMs = context.clock.nowMs();
  const versionId = activeVersion(doc).versionId;
  const status = statusAt(doc, nowMs);
  if (ALREADY_CANCELLED.has(status)) return { contactId: id, versionId };
  if (!CANCELLABLE.has(status)) {
    throw new InvalidParameterException(`Contact ${id} is ${status} and can no longer be cancelled`, 'contactId');
  }
  interruptContact(context, context.scope, id, doc, nowMs, { cancelledMs: nowMs });
  return { contactId: id, versionId };
};
