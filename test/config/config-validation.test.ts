import { CreateConfigCommand, GetConfigCommand, type ConfigTypeData } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, assertJsError, assertRawError, type ExpectedError } from '../support/assertions.js';
import { boto3, jsClient, jsError, raw, type Boto3Outcome } from '../support/clients.js';
import { configData, uplinkEchoData, ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';

// Refused configs are created in their own account, so ListConfigs there shows nothing was stored.
const REFUSED = { account: '666677778888' };
const invalid = (parameterName: string, message: RegExp): ExpectedError => ({
  code: 'InvalidParameterException',
  status: 431,
  parameterName,
  message,
});

const downlink = (spectrum: object) => ({
  antennaDownlinkConfig: { spectrumConfig: { ...configData['antenna-downlink'].antennaDownlinkConfig.spectrumConfig, ...spectrum } },
});
const demod = (changes: object) => ({
  antennaDownlinkDemodDecodeConfig: { ...configData['antenna-downlink-demod-decode'].antennaDownlinkDemodDecodeConfig, ...changes },
});
const uplink = (changes: object) => ({ antennaUplinkConfig: { ...configData['antenna-uplink'].antennaUplinkConfig, ...changes } });
const s3 = (changes: object) => ({ s3RecordingConfig: { ...configData['s3-recording'].s3RecordingConfig, ...changes } });
const mhz = (value: number) => ({ value, units: 'MHz' });
const DOWNLINK = 'configData.antennaDownlinkConfig.spectrumConfig';

// `data` may need the ARN of an existing tracking config in the refused account.
const refusals: { title: string; data: object | ((trackingArn: string) => object); expected: ExpectedError }[] = [
  {
    title: 'a downlink centre frequency between the bands',
    data: downlink({ centerFrequency: mhz(2300.5) }),
    expected: invalid(`${DOWNLINK}.centerFrequency`, /2300.5 MHz is outside 2200-2300 MHz or 7750-8400 MHz/),
  },
  {
    title: 'a downlink centre frequency above the X band',
    data: downlink({ centerFrequency: { value: 8.5, units: 'GHz' } }),
    expected: invalid(`${DOWNLINK}.centerFrequency`, /8.5 GHz is outside/),
  },
  {
    title: 'a downlink bandwidth over the 400 MHz wideband ceiling',
    data: downlink({ bandwidth: mhz(401) }),
    expected: invalid(`${DOWNLINK}.bandwidth`, /401 MHz is outside 0.01-400 MHz/),
  },
  {
    title: 'a downlink bandwidth under 10 kHz',
    data: downlink({ bandwidth: { value: 5, units: 'kHz' } }),
    expected: invalid(`${DOWNLINK}.bandwidth`, /5 kHz is outside/),
  },
  {
    title: 'a frequency unit outside the enum',
    data: downlink({ centerFrequency: { value: 7812, units: 'Hz' } }),
    expected: invalid(`${DOWNLINK}.centerFrequency.units`, /enum value set: \[GHz, MHz, kHz\]/),
  },
  {
    title: 'a demod-decode bandwidth over 650 MHz',
    data: demod({ spectrumConfig: { centerFrequency: mhz(8000), bandwidth: mhz(700) } }),
    expected: invalid('configData.antennaDownlinkDemodDecodeConfig.spectrumConfig.bandwidth', /outside 0.125-650 MHz/),
  },
  {
    title: 'demodulation JSON with characters outside the pattern',
    data: demod({ demodulationConfig: { unvalidatedJSON: "{'type': 'QPSK'}" } }),
    expected: invalid('configData.antennaDownlinkDemodDecodeConfig.demodulationConfig.unvalidatedJSON', /regular expression pattern/),
  },
  {
    title: 'decode JSON over 8192 characters',
    data: demod({ decodeConfig: { unvalidatedJSON: `{${' '.repeat(8192)}}` } }),
    expected: invalid('configData.antennaDownlinkDemodDecodeConfig.decodeConfig.unvalidatedJSON', /length less than or equal to 8192/),
  },
  {
    title: 'an uplink centre frequency outside 2025-2120 MHz',
    data: uplink({ spectrumConfig: { centerFrequency: { value: 2.2, units: 'GHz' } } }),
    expected: invalid('configData.antennaUplinkConfig.spectrumConfig.centerFrequency', /outside 2025-2120 MHz/),
  },
  {
    title: 'a target EIRP over 50 dBW',
    data: uplink({ targetEirp: { value: 51, units: 'dBW' } }),
    expected: invalid('configData.antennaUplinkConfig.targetEirp', /51 dBW is outside 20-50 dBW/),
  },
  {
    title: 'an S3 prefix with an unknown placeholder',
    data: s3({ prefix: '{satellite_id}/{bogus}' }),
    expected: invalid('configData.s3RecordingConfig.prefix', /Value '\{satellite_id\}\/\{bogus\}' .* regular expression pattern/),
  },
  {
    title: 'an S3 prefix with a space',
    data: s3({ prefix: 'a b' }),
    expected: invalid('configData.s3RecordingConfig.prefix', /regular expression pattern/),
  },
  {
    title: 'a bucket whose name does not start with aws-groundstation',
    data: s3({ bucketArn: 'arn:aws:s3:::my-bucket' }),
    expected: invalid('configData.s3RecordingConfig.bucketArn', /bucket name starts with aws-groundstation/),
  },
  {
    title: 'a bucket that is not an ARN',
    data: s3({ bucketArn: 'aws-groundstation-bucket' }),
    expected: invalid('configData.s3RecordingConfig.bucketArn', /must be an S3 bucket ARN/),
  },
  {
    title: 'a role ARN with an IAM path',
    data: s3({ roleArn: 'arn:aws:iam::111122223333:role/service/GroundStation' }),
    expected: invalid('configData.s3RecordingConfig.roleArn', /regular expression pattern/),
  },
  {
    title: 'a Kinesis stream ARN of another service',
    data: {
      telemetrySinkConfig: {
        telemetrySinkType: 'KINESIS_DATA_STREAM',
        telemetrySinkData: {
          kinesisDataStreamData: {
            kinesisRoleArn: 'arn:aws:iam::111122223333:role/K',
            kinesisDataStreamArn: 'arn:aws:sqs:us-east-2:111122223333:queue/telemetry',
          },
        },
      },
    },
    expected: invalid(
      'configData.telemetrySinkConfig.telemetrySinkData.kinesisDataStreamData.kinesisDataStreamArn',
      /regular expression pattern/,
    ),
  },
  {
    title: 'an uplink-echo that points at a tracking config',
    data: uplinkEchoData,
    expected: invalid('configData.uplinkEchoConfig.antennaUplinkConfigArn', /must name an antenna-uplink config, not tracking/),
  },
  {
    title: 'an uplink-echo that points at a missing config',
    data: (trackingArn) => uplinkEchoData(trackingArn.replace(/tracking\/[a-f0-9-]+$/, `antenna-uplink/${ZERO_UUID}`)),
    expected: { code: 'ResourceNotFoundException', status: 434, message: /was not found/ },
  },
];

// The edges of each documented range are inside it.
const accepted = [
  downlink({ centerFrequency: mhz(2200), bandwidth: { value: 54, units: 'MHz' } }),
  downlink({ centerFrequency: { value: 8.4, units: 'GHz' }, bandwidth: { value: 10, units: 'kHz' } }),
  demod({ spectrumConfig: { centerFrequency: mhz(7750), bandwidth: mhz(650) } }),
  uplink({ spectrumConfig: { centerFrequency: mhz(2025) }, targetEirp: { value: 20, units: 'dBW' } }),
  uplink({ spectrumConfig: { centerFrequency: mhz(2120) }, targetEirp: { value: 50, units: 'dBW' } }),
  s3({ prefix: '{satellite_id}/{config-name}/{s3-config-id}/{year}/{month}/{day}/a_b-c=d' }),
];

describe('config validation', () => {
  const server = useServer();
  let outcomes: Boto3Outcome[];
  before(async () => {
    const { tracking } = await createConfigs(server.url, ['tracking'], REFUSED);
    const bodies = refusals.map(({ data }) => (typeof data === 'function' ? data(tracking) : data));
    outcomes = await boto3(
      server.url,
      [...bodies.map((data) => ({ op: 'create_config', params: { name: 'refused', configData: data } })), { op: 'list_configs' }],
      REFUSED,
    );
  });

  refusals.forEach(({ title, expected }, index) => {
    it(`CreateConfig with ${title} is refused with ${expected.status}`, () => assertBoto3Error(outcomes[index], expected));
  });

  it('CreateConfig refused for any reason stores nothing', () => {
    assert.deepEqual(
      outcomes.at(-1)!.result.configList.map((item: { name: string }) => item.name),
      ['tracking-config'],
    );
  });

  it('CreateConfig accepts values on the edges of every documented range', async () => {
    const created = await boto3(
      server.url,
      accepted.map((data) => ({ op: 'create_config', params: { name: 'edge', configData: data } })),
    );
    for (const outcome of created) assert.ok(outcome.result?.configId, JSON.stringify(outcome));
  });

  it('CreateConfig and GetConfig below a minimum are refused with 431 (JS)', async () => {
    const client = jsClient(server.url);
    const create = (name: string, data: object) =>
      jsError(client.send(new CreateConfigCommand({ name, configData: data as ConfigTypeData })));
    assertJsError(await create('', configData.tracking), invalid('name', /length greater than or equal to 1/));
    assertJsError(
      await create('x', demod({ decodeConfig: { unvalidatedJSON: '{' } })),
      invalid('configData.antennaDownlinkDemodDecodeConfig.decodeConfig.unvalidatedJSON', /length greater than or equal to 2/),
    );
    assertJsError(
      await jsError(client.send(new GetConfigCommand({ configId: 'abc', configType: 'tracking' }))),
      invalid('configId', /length greater than or equal to 36/),
    );
  });

  it('CreateConfig whose configData does not hold exactly one type is refused with 431 (raw HTTP)', async () => {
    const both = { ...configData.tracking, ...configData['antenna-downlink'] };
    assertRawError(
      await raw(server.url, 'POST', '/config', { body: { name: 'x', configData: both } }),
      invalid('configData', /exactly one member set .* found 2/),
    );
    assertRawError(await raw(server.url, 'POST', '/config', { body: { name: 'x', configData: {} } }), invalid('configData', /found 0/));
    assertRawError(
      await raw(server.url, 'POST', '/config', { body: { name: 'x' } }),
      invalid('configData', /Value null at 'configData' .* must not be null/),
    );
  });
});
