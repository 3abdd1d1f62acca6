import type { OperationContext } from '../api/context.js';
import type { ConfigTypeData, Eirp, Frequency, FrequencyBandwidth } from '../api/shapes.js';
import { InvalidParameterException } from '../api/errors.js';
import type { ResourceKey } from '../store/resources.js';
import { CONFIG_KIND, resolveConfigArn, type ConfigRecord } from './config-record.js';

const MHZ_PER_UNIT = { GHz: 1000, MHz: 1, kHz: 0.001 } as const;

type Band = readonly [minMhz: number, maxMhz: number];

// Physical ranges the service documents for each kind of antenna config (SEMANTICS §1.3).
const DOWNLINK_CENTER: readonly Band[] = [
  [2200, 2300],
  [7750, 8400],
];
const UPLINK_CENTER: readonly Band[] = [[2025, 2120]];
// Up to 54 MHz a downlink goes anywhere (VITA-49 to EC2 or S3); wider, up to the 400 MHz of the
// guide's Site Capabilities table, only as wideband DigIF through the Ground Station Agent.
const NARROWBAND_MAX_MHZ = 54;
const DOWNLINK_BANDWIDTH: Band = [0.01, 400];
const DEMOD_DECODE_BANDWIDTH: Band = [0.125, 650];
const EIRP_DBW: Band = [20, 50];
const BUCKET_PREFIX = 'aws-groundstation';

/**
 * Cross-field rules of a config's data, beyond the model. Returns the configs it refers to.
 */
export function checkConfigData(context: OperationContext, configData: ConfigTypeData): ResourceKey[] {
  const base = 'configData';
  if (configData.antennaDownlinkConfig) {
    const spectrum = configData.antennaDownlinkConfig.spectrumConfig;
    const path = `${base}.antennaDownlinkConfig.spectrumConfig`;
    checkFrequency(spectrum.centerFrequency, DOWNLINK_CENTER, `${path}.centerFrequency`);
    checkFrequency(spectrum.bandwidth, [DOWNLINK_BANDWIDTH], `${path}.bandwidth`);
  }
  if (configData.antennaDownlinkDemodDecodeConfig) {
    const spectrum = configData.antennaDownlinkDemodDecodeConfig.spectrumConfig;
    const path = `${base}.antennaDownlinkDemodDecodeConfig.spectrumConfig`;
    checkFrequency(spectrum.centerFrequency, DOWNLINK_CENTER, `${path}.centerFrequency`);
    checkFrequency(spectrum.bandwidth, [DEMOD_DECODE_BANDWIDTH], `${path}.bandwidth`);
  }
  if (configData.antennaUplinkConfig) {
    const path = `${base}.antennaUplinkConfig`;
    checkFrequency(configData.antennaUplinkConfig.spectrumConfig.centerFrequency, UPLINK_CENTER, `${path}.spectrumConfig.centerFrequency`);
    checkEirp(configData.antennaUplinkConfig.targetEirp, `${path}.targetEirp`);
  }
  if (configData.s3RecordingConfig) {
    const bucketArn = configData.s3RecordingConfig.bucketArn;
    const bucket = /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(bucketArn)?.[1];
    if (!bucket?.startsWith(BUCKET_PREFIX)) {
      throw new InvalidParameterException(
        `bucketArn must be an S3 bucket ARN whose bucket name starts with ${BUCKET_PREFIX}: ${bucketArn}`,
        `${base}.s3RecordingConfig.bucketArn`,
      );
    }
  }
  if (configData.uplinkEchoConfig) {
    const parameterName = `${base}.uplinkEchoConfig.antennaUplinkConfigArn`;
    const target = resolveConfigArn(context, configData.uplinkEchoConfig.antennaUplinkConfigArn, parameterName);
    if (target.config.doc.configType !== 'antenna-uplink') {
      throw new InvalidParameterException(
        `antennaUplinkConfigArn must name an antenna-uplink config, not ${target.config.doc.configType}`,
        parameterName,
      );
    }
    if (target.outputNode !== undefined) {
      throw new InvalidParameterException(
        `antennaUplinkConfigArn must name an antenna-uplink config with no output-node suffix: /${target.outputNode}`,
        parameterName,
      );
    }
    return [{ kind: CONFIG_KIND, id: target.id }];
  }
  return [];
}

/** An antenna-downlink wider than narrowband delivery carries: only an agent endpoint can take it. */
export function isWidebandDownlink(config: ConfigRecord): boolean {
  const spectrum = config.configData.antennaDownlinkConfig?.spectrumConfig;
  return spectrum !== undefined && toMhz(spectrum.bandwidth) > NARROWBAND_MAX_MHZ;
}

function toMhz(value: Frequency | FrequencyBandwidth): number {
  return value.value * MHZ_PER_UNIT[value.units];
}

function checkFrequency(value: Frequency | FrequencyBandwidth, bands: readonly Band[], path: string): void {
  const mhz = toMhz(value);
  if (!bands.some(([min, max]) => mhz >= min && mhz <= max)) {
    const allowed = bands.map(([min, max]) => `${min}-${max} MHz`).join(' or ');
    throw new InvalidParameterException(`${path} ${value.value} ${value.units} is outside ${allowed}`, path);
  }
}

function checkEirp(eirp: Eirp, path: string): void {
  const [min, max] = EIRP_DBW;
  if (eirp.value < min || eirp.value > max) {
    throw new InvalidParameterException(`${path} ${eirp.value} ${eirp.units} is outside ${min}-${max} dBW`, path);
  }
}
