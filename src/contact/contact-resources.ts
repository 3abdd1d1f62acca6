import type { WorkServices } from '../api/context.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND } from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import { EPHEMERIS_KIND } from '../ephemeris/ephemeris-record.js';
import type { ResourceKey, Scope } from '../store/resources.js';
import { CONTACT_KIND, activeVersion, type ContactRecord } from './contact-record.js';
import { overrideEphemerisRef } from './contact-tracking.js';

/**
 * While it is not terminal, a contact holds references to its endpoint groups (each in its own
 * region, where DeleteDataflowEndpointGroup looks) and to an ephemeris its overrides name, so
 * neither can be deleted under it.
 */
export function holdResources(services: WorkServices, scope: Scope, contactId: string, contact: ContactRecord): void {
  const targets: ResourceKey[] = contact.heldGroups.map((group) => ({ kind: DATAFLOW_ENDPOINT_GROUP_KIND, id: group.id, region: group.region }));
  const ephemerisId = overrideEphemerisRef(activeVersion(contact).trackingOverrides)?.ephemerisId;
  if (ephemerisId) targets.push({ kind: EPHEMERIS_KIND, id: ephemerisId });
  services.store.setReferences(scope, { kind: CONTACT_KIND, id: contactId }, targets);
}

export function releaseResources(services: WorkServices, scope: Scope, contactId: string): void {
  services.store.setReferences(scope, { kind: CONTACT_KIND, id: contactId }, []);
}
