import type { Handler, OperationContext } from '../api/context.js';
import type { ContactData, ContactStatus, ListContactsRequest } from '../api/shapes.js';
import { InvalidParameterException, ResourceLimitExceededException } from '../api/errors.js';
import { pageArray } from '../api/pagination.js';
import { canonicalSatelliteArn } from '../satellite/satellites.js';
import { availableContacts } from './available-contacts.js';
import { availableAzElContacts, azElFilterEphemeris } from './az-el-contacts.js';
import { CONTACT_KIND, type ContactRecord } from './contact-record.js';
import { contactData } from './contact-view.js';

const AVAILABLE_REQUIRES = ['groundStation', 'missionProfileArn', 'satelliteArn'] as const;

/** Bookable windows and reserved contacts in one list, by startTime then contactId (SEMANTICS §2.4). */
export const listContacts: Handler<'ListContacts'> = (input, context) => {
  if (input.startTime.getTime() >= input.endTime.getTime()) {
    throw new InvalidParameterException('startTime must be before endTime', 'startTime');
  }
  const azEl = input.ephemeris?.azEl && azElFilterEphemeris(context, input.ephemeris.azEl.id);
  const statuses = new Set(input.statusList);
  if (statuses.size === 0) return { contactList: [] };
  const nowMs = context.clock.nowMs();
  const rows: ContactData[] = [];
  if (statuses.has('AVAILABLE')) {
    // An az-el ephemeris filter stands in for the satellite (newer model: `ephemeris`).
    const missing = AVAILABLE_REQUIRES.find((name) => input[name] === undefined && !(azEl && name === 'satelliteArn'));
    if (missing) {
      const message = `${missing} is required when statusList includes AVAILABLE${missing === 'satelliteArn' ? ', unless an ephemeris filter names an az-el ephemeris' : ''}`;
      throw new InvalidParameterException(message, missing);
    }
    refuseBeyondHorizon(input.endTime.getTime(), nowMs, context.settings.contacts.horizonMs);
    const request = { ...input, groundStation: input.groundStation!, missionProfileArn: input.missionProfileArn! };
    rows.push(...(azEl ? availableAzElContacts(context, request, azEl, nowMs) : availableContacts(context, { ...request, satelliteArn: input.satelliteArn! }, nowMs)));
  }
  rows.push(...reservedContacts(context, input, statuses, nowMs).filter((row) => !azEl || row.ephemeris?.ephemerisId === azEl.id));
  rows.sort((a, b) => a.startTime!.getTime() - b.startTime!.getTime() || (a.contactId ?? '').localeCompare(b.contactId ?? ''));
  const page = pageArray(rows, input);
  return { contactList: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

/**
 * AVAILABLE windows are offered up to the horizon (7 days) from now; AWS answers a later endTime
 * with ResourceLimitExceededException (429), as users report from the service, rather than a cut list.
 * Exactly now + 7 days is accepted.
 */
function refuseBeyondHorizon(endMs: number, nowMs: number, horizonSpanMs: number): void {
  const horizonMs = nowMs + horizonSpanMs;
  if (endMs <= horizonMs) return;
  throw new ResourceLimitExceededException(
    `endTime ${new Date(endMs).toISOString()} is more than ${horizonSpanMs / 86_400_000} days after now (${new Date(nowMs).toISOString()}): available contacts can be listed up to ${new Date(horizonMs).toISOString()}`,
    'endTime',
  );
}

function reservedContacts(context: OperationContext, input: ListContactsRequest, statuses: Set<ContactStatus>, nowMs: number): ContactData[] {
  const rows: ContactData[] = [];
  const satelliteFilter = input.satelliteArn === undefined ? undefined : canonicalSatelliteArn(input.satelliteArn);
  for (const { contactId } of context.contactIndex.overlapping(context.scope, input.startTime.getTime(), input.endTime.getTime())) {
    const resource = context.store.get<ContactRecord>(context.scope, CONTACT_KIND, contactId);
    if (!resource) continue;
    const row = contactData(context, resource, nowMs);
    if (!statuses.has(row.contactStatus!)) continue;
    if (input.groundStation !== undefined && row.groundStation !== input.groundStation) continue;
    if (satelliteFilter !== undefined && row.satelliteArn !== satelliteFilter) continue;
    if (input.missionProfileArn !== undefined && row.missionProfileArn !== input.missionProfileArn) continue;
    rows.push(row);
  }
  return rows;
}
