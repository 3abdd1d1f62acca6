import type { OperationContext } from '../api/context.js';
import type { ConfigDetails, DataflowDetail } from '../api/shapes.js';
import { resolveConfigArn, type ConfigRecord } from '../config/config-record.js';
import { endpointName, type DataflowEndpointGroupRecord } from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import type { MissionProfileRecord } from '../mission-profile/mission-profile-record.js';
import type { ContactRecord } from './contact-record.js';

/** Copies of the profile and of every config it names, keyed by config ARN (suffix stripped). */
export function snapshotProfile(context: OperationContext, profile: MissionProfileRecord): ContactRecord['snapshot'] {
  const arns = [profile.trackingConfigArn, ...(profile.telemetrySinkConfigArn ? [profile.telemetrySinkConfigArn] : []), ...profile.dataflowEdges.flat()];
  const configs: Record<string, ConfigRecord> = {};
  for (const arn of arns) {
    const resolved = resolveConfigArn(context, arn, 'missionProfileArn');
    configs[resolved.config.doc.arn] = structuredClone(resolved.config.doc);
  }
  return { profile: structuredClone(profile), configs };
}

/** The configs a snapshot's dataflow edges use. */
export const edgeConfigs = (snapshot: ContactRecord['snapshot']): ConfigRecord[] =>
  snapshot.profile.dataflowEdges.flat().map((arn) => snapshot.configs[configArnWithoutSuffix(arn)]!);

/** The distinct s3-recording configs the snapshot's edges deliver to, in edge order. */
export const s3RecordingDestinations = (snapshot: ContactRecord['snapshot']): ConfigRecord[] => [
  ...new Set(snapshot.profile.dataflowEdges.map(([, to]) => snapshot.configs[configArnWithoutSuffix(to!)]!).filter((config) => config.configType === 's3-recording')),
];

const configArnWithoutSuffix = (arn: string) => arn.split('/').slice(0, 3).join('/');

/** The snapshot's copy of the config a dataflow edge ARN names. */
export const configOfEdgeArn = (snapshot: ContactRecord['snapshot'], arn: string): ConfigRecord => snapshot.configs[configArnWithoutSuffix(arn)]!;

/**
 * One {source, destination} per edge, described from the snapshot and the held groups (SEMANTICS
 * §2.5). Antenna sides are at the station, so they carry its own region; an endpoint carries the
 * region it is delivered to (the station's unless its config names one); S3 the contact's.
 */
export function dataflowList(context: OperationContext, snapshot: ContactRecord['snapshot'], groups: DataflowEndpointGroupRecord[], stationRegion: string): DataflowDetail[] {
  const side = (arn: string) => {
    const outputNode = arn.split('/').slice(3).join('/') || undefined;
    const config = snapshot.configs[configArnWithoutSuffix(arn)]!;
    return {
      configType: config.configType,
      configId: config.arn.split('/')[2]!,
      region: sideRegion(context, config, stationRegion),
      configDetails: configDetails(config, outputNode, groups),
    };
  };
  return snapshot.profile.dataflowEdges.map(([from, to]) => {
    const source = side(from!);
    const destination = side(to!);
    return {
      source: { configType: source.configType, configId: source.configId, dataflowSourceRegion: source.region, ...details(source.configDetails) },
      destination: {
        configType: destination.configType,
        configId: destination.configId,
        dataflowDestinationRegion: destination.region,
        ...details(destination.configDetails),
      },
    };
  });
}

function sideRegion(context: OperationContext, config: ConfigRecord, stationRegion: string): string {
  if (config.configType === 's3-recording') return context.scope.region;
  return config.configData.dataflowEndpointConfig?.dataflowEndpointRegion ?? stationRegion;
}

const details = (configDetails: ConfigDetails | undefined) => (configDetails ? { configDetails } : {});

function configDetails(config: ConfigRecord, outputNode: string | undefined, groups: DataflowEndpointGroupRecord[]): ConfigDetails | undefined {
  const { dataflowEndpointConfig, s3RecordingConfig } = config.configData;
  if (dataflowEndpointConfig) {
    const name = dataflowEndpointConfig.dataflowEndpointName;
    const endpoint = groups.flatMap((group) => group.endpointsDetails).find((entry) => endpointName(entry) === name);
    return endpoint && { endpointDetails: endpoint };
  }
  if (s3RecordingConfig) {
    return { s3RecordingDetails: { bucketArn: s3RecordingConfig.bucketArn, ...(s3RecordingConfig.prefix ? { keyTemplate: s3RecordingConfig.prefix } : {}) } };
  }
  if (outputNode && config.configType === 'antenna-downlink-demod-decode') return { antennaDemodDecodeDetails: { outputNode } };
  return undefined;
}
