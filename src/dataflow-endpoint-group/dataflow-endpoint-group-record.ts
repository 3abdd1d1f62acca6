import type { OperationContext } from '../api/context.js';
import type { EndpointDetails } from '../api/shapes.js';
import { arnFor } from '../api/arn.js';
import { InvalidParameterException, ResourceNotFoundException } from '../api/errors.js';
import type { StoredResource } from '../store/resources.js';
import { NO_AGENT, withAgentHealth } from './agent-health.js';

export const DATAFLOW_ENDPOINT_GROUP_KIND = 'dataflow-endpoint-group';

export interface DataflowEndpointGroupRecord {
  arn: string;
  endpointsDetails: EndpointDetails[];
  contactPrePassDurationSeconds?: number;
  contactPostPassDurationSeconds?: number;
}

// V1 entries are a plain endpoint or an agent endpoint (SEMANTICS §6); V2 creates the uplink and
// downlink agent endpoints. Stored groups hold either.
export const V1_ENDPOINT_KINDS = ['endpoint', 'awsGroundStationAgentEndpoint'] as const;
export const V2_ENDPOINT_KINDS = ['uplinkAwsGroundStationAgentEndpoint', 'downlinkAwsGroundStationAgentEndpoint'] as const;
const ENDPOINT_KINDS = [...V1_ENDPOINT_KINDS, ...V2_ENDPOINT_KINDS];
type EndpointKind = (typeof ENDPOINT_KINDS)[number];

/** The name an entry's endpoint is known by; dataflow-endpoint configs refer to it. */
export function endpointName(details: EndpointDetails): string | undefined {
  for (const kind of ENDPOINT_KINDS) if (details[kind]) return details[kind]!.name;
  return undefined;
}

/**
 * Checks a group's entries and fills in what the service reports about them: a plain endpoint is
 * created and healthy at once; an agent endpoint is unhealthy until an agent reports for it.
 * Health and statuses sent by the caller are ignored.
 */
export function describeEndpoints(entries: EndpointDetails[], parameterName: string, allowed: readonly EndpointKind[]): EndpointDetails[] {
  if (entries.length === 0) throw new InvalidParameterException(`${parameterName} must hold at least one endpoint`, parameterName);
  const names = new Set<string>();
  return entries.map((entry, index) => {
    const path = `${parameterName}[${index}]`;
    const kinds = ENDPOINT_KINDS.filter((kind) => entry[kind] !== undefined);
    if (kinds.length !== 1 || !allowed.includes(kinds[0]!)) {
      // Only V1 can be sent a V2 kind (V2's own union holds no other): point it to V2.
      const v2Only = kinds.filter((kind) => !allowed.includes(kind) && (V2_ENDPOINT_KINDS as readonly EndpointKind[]).includes(kind));
      const hint = v2Only.length > 0 ? ` (${v2Only.join(', ')}: CreateDataflowEndpointGroupV2 creates those)` : '';
      throw new InvalidParameterException(`${path} must set exactly one of ${allowed.join(', ')}${hint}`, path);
    }
    const name = endpointName(entry);
    if (!name) throw new InvalidParameterException(`${path} must name its endpoint`, path);
    if (names.has(name)) throw new InvalidParameterException(`${path}: endpoint name ${name} is used twice in this group`, path);
    names.add(name);
    if (entry.endpoint) {
      if (!entry.endpoint.address) throw new InvalidParameterException(`${path}.endpoint must have an address`, `${path}.endpoint.address`);
      if (!entry.securityDetails) throw new InvalidParameterException(`${path}: an endpoint needs securityDetails`, `${path}.securityDetails`);
      return { ...entry, endpoint: { ...entry.endpoint, status: 'created' }, healthStatus: 'HEALTHY', healthReasons: ['HEALTHY'] };
    }
    // Shown from creation: AWS's config-control sample reads agentStatus and auditResults unconditionally.
    return withAgentHealth(entry, NO_AGENT);
  });
}

export function createDataflowEndpointGroupRecord(
  context: OperationContext,
  endpointsDetails: EndpointDetails[],
  input: { contactPrePassDurationSeconds?: number; contactPostPassDurationSeconds?: number; tags?: Record<string, string> },
): string {
  const id = context.clock.newId();
  const record: DataflowEndpointGroupRecord = {
    arn: arnFor(context.scope, `${DATAFLOW_ENDPOINT_GROUP_KIND}/${id}`),
    endpointsDetails,
    contactPrePassDurationSeconds: input.contactPrePassDurationSeconds,
    contactPostPassDurationSeconds: input.contactPostPassDurationSeconds,
  };
  context.store.insert(context.scope, DATAFLOW_ENDPOINT_GROUP_KIND, id, record, input.tags);
  return id;
}

export function getDataflowEndpointGroupRecord(context: OperationContext, id: string): StoredResource<DataflowEndpointGroupRecord> {
  const group = context.store.get<DataflowEndpointGroupRecord>(context.scope, DATAFLOW_ENDPOINT_GROUP_KIND, id);
  if (!group) throw new ResourceNotFoundException(`Dataflow endpoint group ${id} was not found`);
  return group;
}
