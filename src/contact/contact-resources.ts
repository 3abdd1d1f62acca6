import type { Services } from '../api/context.js';
import type { TrackingOverrides } from '../api/shapes.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND } from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import { EPHEMERIS_KIND } from '../ephemeris/ephemeris-record.js';
import type { ResourceKey, Scope } from '../store/resources.js';
import { CONTACT_KIND, activeVersion, type ContactRecord } from './contact-record.js';

/** The ephemeris tracking overrides name, if any. */
export function overrideEphemerisId(overrides: TrackingOverrides | undefined): string | undefined {
  const settings = overrides?.programTrackSettings;
  return settings?.tle?.ephemerisId ?? settings?.oem?.ephemerisId ?? settings?.azEl?.ephemerisId;
}

/**
 * While it is not terminal, a contact holds references to its endpoint groups (each in its own
 * region, where DeleteDataflowEndpointGroup looks) and to an ephemeris its overrides name, so
 * neither can be deleted under it.
 */
export function holdResources(services: Services, scope: Scope, contactId: string, contact: ContactRecord): void {
  const from = { kind: CONTACT_KIND, id: contactId };
  const byRegion = new Map<string, ResourceKey[]>([[scope.region, []]]);
  for (const group of contact.heldGroups) {
    byRegion.set(group.region, [...(byRegion.get(group.region) ?? []), { kind: DATAFLOW_ENDPOINT_GROUP_KIND, id: group.id }]);
  }
  const ephemerisId = overrideEphemerisId(activeVersion(contact).trackingOverrides);
  if (ephemerisId) byRegion.get(scope.region)!.push({ kind: EPHEMERIS_KIND, id: ephemerisId });
  for (const [region, targets] of byRegion) services.store.setReferences({ ...scope, region }, from, targets);
}

export function releaseResources(services: Services, scope: Scope, contactId: string, contact: ContactRecord): void {
  const from = { kind: CONTACT_KIND, id: contactId };
  const regions = new Set([scope.region, ...contact.heldGroups.map((group) => group.region)]);
  for (const region of regions) services.store.setReferences({ ...scope, region }, from, []);
}
