import type { Handler } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import { ephemerisStatusEvent } from './ephemeris-events.js';
import { EPHEMERIS_KIND, ephemerisStatus, getEphemerisRecord, type EphemerisRecord } from './ephemeris-record.js';

// Toggles ENABLED ↔ DISABLED without revalidation and may rename or reprioritise (SEMANTICS §5.3);
// an ephemeris in any other status cannot be updated. Priority 0 belongs to the default TLE.
export const updateEphemeris: Handler<'UpdateEphemeris'> = (input, context) => {
  const { id, doc } = getEphemerisRecord(context, input.ephemerisId);
  const nowMs = context.clock.nowMs();
  const status = ephemerisStatus(doc, nowMs);
  if (status !== 'ENABLED' && status !== 'DISABLED') {
    throw new InvalidParameterException(`Ephemeris ${id} is ${status}; only an ENABLED or DISABLED ephemeris can be updated`, 'ephemerisId');
  }
  if (input.priority === 0) {
    throw new InvalidParameterException('priority must be from 1 to 99999: 0 is reserved for the default ephemeris', 'priority');
  }
  const updated: EphemerisRecord = {
    ...doc,
    enabled: input.enabled,
    name: input.name ?? doc.name,
    priority: input.priority ?? doc.priority,
    changedMs: nowMs,
  };
  context.store.replace(context.scope, EPHEMERIS_KIND, id, updated);
  const newStatus = ephemerisStatus(updated, nowMs);
  if (newStatus !== status) context.events.publish(ephemerisStatusEvent(context.scope, id, updated, newStatus, nowMs));
  return { ephemerisId: id };
};
