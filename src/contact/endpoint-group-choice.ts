import type { OperationContext } from '../api/context.js';
import type { ConfigRecord } from '../config/config-record.js';
import {
  DATAFLOW_ENDPOINT_GROUP_KIND,
  endpointName,
  type DataflowEndpointGroupRecord,
} from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import type { StoredResource } from '../store/resources.js';
import { CONTACT_KIND, type ContactRecord, type HeldGroup } from './contact-record.js';
import { holdsResources } from './contact-timeline.js';

export type GroupChoice = { groups: (HeldGroup & { record: DataflowEndpointGroupRecord })[] } | { failure: string };

const ALL_GROUPS = 100_000;

/**
 * Per delivery region, the oldest HEALTHY group holding every endpoint the profile's
 * dataflow-endpoint configs name and free over the group's own window around the contact
 * (SEMANTICS §6). S3-only profiles need none. A config without a region delivers to the
 * station's own region (SEMANTICS §1.3), whichever region the contact belongs to.
 */
export function chooseEndpointGroups(context: OperationContext, configs: ConfigRecord[], stationRegion: string, startMs: number, endMs: number): GroupChoice {
  const namesByRegion = new Map<string, Set<string>>();
  for (const config of configs) {
    const endpoint = config.configData.dataflowEndpointConfig;
    if (!endpoint) continue;
    const region = endpoint.dataflowEndpointRegion ?? stationRegion;
    namesByRegion.set(region, (namesByRegion.get(region) ?? new Set()).add(endpoint.dataflowEndpointName));
  }
  const groups: (HeldGroup & { record: DataflowEndpointGroupRecord })[] = [];
  for (const [region, names] of namesByRegion) {
    const scope = { account: context.scope.account, region };
    const candidates = context.store
      .page<DataflowEndpointGroupRecord>(scope, DATAFLOW_ENDPOINT_GROUP_KIND, 0, ALL_GROUPS)
      .filter((group) => [...names].every((name) => group.doc.endpointsDetails.some((entry) => endpointName(entry) === name)));
    const wanted = [...names].join(', ');
    if (candidates.length === 0) return { failure: `No dataflow endpoint group in ${region} contains all of the endpoints ${wanted}` };
    const healthy = candidates.filter((group) => group.doc.endpointsDetails.every((entry) => entry.healthStatus === 'HEALTHY'));
    if (healthy.length === 0) return { failure: `No HEALTHY dataflow endpoint group in ${region} contains the endpoints ${wanted}` };
    const free = healthy.map((group) => heldGroup(group, region, context.settings.contacts.defaultGroupPrePostMs)).find((group) => isFree(context, group, startMs, endMs));
    if (!free) return { failure: `Every dataflow endpoint group in ${region} with the endpoints ${wanted} is held by another contact` };
    groups.push(free);
  }
  return { groups };
}

function heldGroup(group: StoredResource<DataflowEndpointGroupRecord>, region: string, defaultMs: number) {
  return {
    id: group.id,
    arn: group.doc.arn,
    region,
    prePassMs: (group.doc.contactPrePassDurationSeconds ?? defaultMs / 1000) * 1000,
    postPassMs: (group.doc.contactPostPassDurationSeconds ?? defaultMs / 1000) * 1000,
    record: group.doc,
  };
}

/** A group is held whole by each scheduled contact over [start − groupPre, end + groupPost]. */
function isFree(context: OperationContext, group: HeldGroup, startMs: number, endMs: number): boolean {
  const index = context.contactIndex;
  const scope = { account: context.scope.account, region: group.region };
  return context.store.referrers(scope, { kind: DATAFLOW_ENDPOINT_GROUP_KIND, id: group.id }).every((holder) => {
    const where = holder.kind === CONTACT_KIND ? index.find(context.scope.account, holder.id) : undefined;
    const contact = where && context.store.get<ContactRecord>(where, CONTACT_KIND, holder.id)?.doc;
    if (!contact || !holdsResources(contact)) return true;
    return contact.startMs - group.prePassMs >= endMs + group.postPassMs || contact.endMs + group.postPassMs <= startMs - group.prePassMs;
  });
}
