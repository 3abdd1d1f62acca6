import { boto3, boto3Ok, type Identity } from './clients.js';
import { configData, type PlainConfigType, uplinkEchoData } from './fixtures.js';

/** Creates a config of a type through boto3 and returns its ARN. */
export async function createConfig(url: string, type: PlainConfigType, identity: Identity = {}, name = `${type}-config`) {
  const result = await boto3Ok(url, { op: 'create_config', params: { name, configData: configData[type] } }, identity);
  return result.configArn as string;
}

/** Creates one config of each named type in a single boto3 batch; returns their ARNs by type. */
export async function createConfigs<T extends PlainConfigType>(url: string, types: readonly T[], identity: Identity = {}) {
  const outcomes = await boto3(
    url,
    types.map((type) => ({ op: 'create_config', params: { name: `${type}-config`, configData: configData[type] } })),
    identity,
  );
  return Object.fromEntries(
    types.map((type, index) => {
      const arn = outcomes[index]?.result?.configArn;
      if (!arn) throw new Error(`create_config ${type} failed: ${JSON.stringify(outcomes[index])}`);
      return [type, arn as string];
    }),
  ) as Record<T, string>;
}

export async function createUplinkEcho(url: string, antennaUplinkArn: string, identity: Identity = {}) {
  const result = await boto3Ok(url, { op: 'create_config', params: { name: 'echo', configData: uplinkEchoData(antennaUplinkArn) } }, identity);
  return result.configArn as string;
}

/** A tracking config, a downlink → S3 edge and a telemetry sink: what a full mission profile uses. */
export async function createProfileParts(url: string, identity: Identity = {}) {
  const arns = await createConfigs(url, ['tracking', 'antenna-downlink', 's3-recording', 'telemetry-sink'], identity);
  return { tracking: arns.tracking, downlink: arns['antenna-downlink'], s3: arns['s3-recording'], sink: arns['telemetry-sink'] };
}
