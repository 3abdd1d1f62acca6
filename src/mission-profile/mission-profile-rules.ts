import type { OperationContext } from '../api/context.js';
import type { ConfigCapabilityType } from '../api/shapes.js';
import { InvalidParameterException, ServiceError } from '../api/errors.js';
import { CONFIG_KIND, resolveConfigArn, type ResolvedConfig } from '../config/config-record.js';
import type { ResourceKey } from '../store/resources.js';
import { MISSION_PROFILE_KIND, type MissionProfileRecord } from './mission-profile-record.js';

// Which config types may feed which (SEMANTICS §1.1). Anything not listed is refused.
const ALLOWED_EDGES: Partial<Record<ConfigCapabilityType, readonly ConfigCapabilityType[]>> = {
  'antenna-downlink': ['dataflow-endpoint', 's3-recording'],
  'antenna-downlink-demod-decode': ['dataflow-endpoint', 's3-recording'],
  'uplink-echo': ['dataflow-endpoint', 's3-recording'],
  'dataflow-endpoint': ['antenna-uplink'],
};

// The resolved config carries its seq, so storing the reference needs no second lookup.
const referenceTo = (resolved: ResolvedConfig): ResourceKey => ({ kind: CONFIG_KIND, id: resolved.id, seq: resolved.config.seq });

const edgeError = (message: string) => new InvalidParameterException(message, 'dataflowEdges');

/**
 * The cross-resource rules of a whole profile (SEMANTICS §1.2, checks 2–7), in order.
 * Returns the configs the profile refers to.
 */
export function checkMissionProfile(context: OperationContext, profile: MissionProfileRecord): ResourceKey[] {
  const tracking = resolveConfigArn(context, profile.trackingConfigArn, 'trackingConfigArn');
  requireType(tracking, 'tracking', 'trackingConfigArn');
  const references = new Map<string, ResourceKey>([[tracking.id, referenceTo(tracking)]]);

  if (profile.telemetrySinkConfigArn !== undefined) {
    const sink = resolveConfigArn(context, profile.telemetrySinkConfigArn, 'telemetrySinkConfigArn');
    requireType(sink, 'telemetry-sink', 'telemetrySinkConfigArn');
    references.set(sink.id, referenceTo(sink));
  }

  if (profile.dataflowEdges.length === 0) {
    throw edgeError('dataflowEdges must hold at least one [source, destination] edge');
  }
  const edges = profile.dataflowEdges.map(([from, to]) => ({
    from: resolveConfigArn(context, from!, 'dataflowEdges'),
    to: resolveConfigArn(context, to!, 'dataflowEdges'),
  }));

  const seen = new Set<string>();
  for (const [index, { from, to }] of edges.entries()) {
    const fromType = from.config.doc.configType;
    const toType = to.config.doc.configType;
    const label = `dataflowEdges[${index}] (${fromType} -> ${toType})`;
    if (from.outputNode !== undefined && fromType !== 'antenna-downlink-demod-decode') {
      throw edgeError(`${label}: only an antenna-downlink-demod-decode source may name an output node`);
    }
    if (to.outputNode !== undefined) throw edgeError(`${label}: a destination ARN may not carry a suffix`);
    if (!ALLOWED_EDGES[fromType]?.includes(toType)) {
      throw edgeError(`${label} is not an allowed dataflow: ${describeAllowed(fromType)}`);
    }
    const key = `${from.id}/${from.outputNode ?? ''}>${to.id}`;
    if (seen.has(key)) throw edgeError(`${label} repeats an earlier edge`);
    seen.add(key);
    references.set(from.id, referenceTo(from));
    references.set(to.id, referenceTo(to));
  }

  const destinations = new Set(edges.map(({ to }) => to.id));
  for (const { from } of edges) {
    const echo = from.config.doc.configData.uplinkEchoConfig;
    if (echo && !destinations.has(resolveConfigArn(context, echo.antennaUplinkConfigArn, 'dataflowEdges').id)) {
      throw edgeError(
        `uplink-echo config ${from.config.doc.arn} echoes ${echo.antennaUplinkConfigArn}, which is not a destination in this profile`,
      );
    }
  }
  return [...references.values()];
}

/**
 * After a config changes, every profile that uses it must still hold; otherwise the change is
 * refused with the profile named, as a fault of the new configData.
 */
export function recheckProfilesUsing(context: OperationContext, configId: string): void {
  for (const user of context.store.referrers(context.scope, { kind: CONFIG_KIND, id: configId })) {
    if (user.kind !== MISSION_PROFILE_KIND) continue;
    const profile = context.store.get<MissionProfileRecord>(context.scope, MISSION_PROFILE_KIND, user.id);
    if (!profile) continue;
    try {
      checkMissionProfile(context, profile.doc);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      throw new InvalidParameterException(
        `This change would break mission profile '${profile.doc.name}' (${profile.doc.arn}), which uses the config: ${error.message}`,
        'configData',
      );
    }
  }
}

function requireType(resolved: ResolvedConfig, type: ConfigCapabilityType, parameterName: string): void {
  const { configType, arn } = resolved.config.doc;
  if (configType !== type) {
    throw new InvalidParameterException(`${parameterName} must name a ${type} config, not ${configType} config ${arn}`, parameterName);
  }
  if (resolved.outputNode !== undefined) {
    throw new InvalidParameterException(
      `${parameterName} must be a plain config ARN, without the /${resolved.outputNode} suffix`,
      parameterName,
    );
  }
}

function describeAllowed(fromType: ConfigCapabilityType): string {
  const targets = ALLOWED_EDGES[fromType];
  return targets ? `a ${fromType} source may only feed ${targets.join(' or ')}` : `${fromType} is never a dataflow source`;
}
