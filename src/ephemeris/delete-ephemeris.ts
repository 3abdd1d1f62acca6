import type { Handler } from '../api/context.js';
import { ResourceInUseException } from '../api/errors.js';
import { EPHEMERIS_KIND, getEphemerisRecord } from './ephemeris-record.js';

// In use while anything refers to it: contacts record a reference from a non-terminal contact whose
// trackingOverrides name the ephemeris, and drop it when the contact ends (SEMANTICS §5.3).
export const deleteEphemeris: Handler<'DeleteEphemeris'> = (input, context) => {
  const { id } = getEphemerisRecord(context, input.ephemerisId);
  const users = context.store.referrers(context.scope, { kind: EPHEMERIS_KIND, id });
  if (users.length > 0) {
    throw new ResourceInUseException(`Ephemeris ${id} is in use by ${users.map((u) => `${u.kind} ${u.id}`).join(', ')}`);
  }
  context.store.delete(context.scope, EPHEMERIS_KIND, id);
  context.publishedChanges.forget(context.scope, EPHEMERIS_KIND, id);
  return { ephemerisId: id };
};
