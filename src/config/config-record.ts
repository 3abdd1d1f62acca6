import type { OperationContext } from '../api/context.js';
import type { ConfigCapabilityType, ConfigTypeData } from '../api/shapes.js';
import { arnFor, inScope, parseConfigArn } from '../api/arn.js';
import { InvalidParameterException, ResourceNotFoundException } from '../api/errors.js';
import type { Scope, StoredResource } from '../store/resources.js';

export const CONFIG_KIND = 'config';

export interface ConfigRecord {
  arn: string;
  name: string;
  configType: ConfigCapabilityType;
  configData: ConfigTypeData;
}

/** The configData union key that each config type carries. */
export const UNION_KEY_OF: Record<ConfigCapabilityType, keyof ConfigTypeData> = {
  'antenna-downlink': 'antennaDownlinkConfig',
  'antenna-downlink-demod-decode': 'antennaDownlinkDemodDecodeConfig',
  'antenna-uplink': 'antennaUplinkConfig',
  'dataflow-endpoint': 'dataflowEndpointConfig',
  tracking: 'trackingConfig',
  'uplink-echo': 'uplinkEchoConfig',
  's3-recording': 's3RecordingConfig',
  'telemetry-sink': 'telemetrySinkConfig',
};

export function typeOfConfigData(configData: ConfigTypeData): ConfigCapabilityType {
  const key = Object.keys(configData)[0];
  return (Object.keys(UNION_KEY_OF) as ConfigCapabilityType[]).find((type) => UNION_KEY_OF[type] === key)!;
}

export const configArn = (scope: Scope, type: ConfigCapabilityType, id: string) => arnFor(scope, `config/${type}/${id}`);

export interface ResolvedConfig {
  id: string;
  config: StoredResource<ConfigRecord>;
  /** The `/<outputNode>` suffix a demod-decode ARN may carry in a dataflow edge. */
  outputNode?: string;
}

/**
 * Finds the config an ARN names in the caller's account and region. An ARN of another account or
 * region, an unknown id, or a type segment that does not match the config is "not found".
 */
export function resolveConfigArn(context: OperationContext, arn: string, parameterName: string): ResolvedConfig {
  const parsed = parseConfigArn(arn);
  if (!parsed) throw new InvalidParameterException(`${parameterName} is not a config ARN: ${arn}`, parameterName);
  const { type, id, outputNode } = parsed;
  const config = inScope(parsed, context.scope) ? context.store.get<ConfigRecord>(context.scope, CONFIG_KIND, id) : undefined;
  if (!config || config.doc.configType !== type) {
    throw new ResourceNotFoundException(`Config ${arn} was not found in account ${context.scope.account}, region ${context.scope.region}`);
  }
  return outputNode === undefined ? { id, config } : { id, config, outputNode };
}

export function getConfigRecord(context: OperationContext, configType: string, configId: string): StoredResource<ConfigRecord> {
  const config = context.store.get<ConfigRecord>(context.scope, CONFIG_KIND, configId);
  if (!config || config.doc.configType !== configType) {
    throw new ResourceNotFoundException(`Config ${configType}/${configId} was not found`);
  }
  return config;
}
