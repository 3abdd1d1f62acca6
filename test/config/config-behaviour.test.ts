import { CreateConfigCommand, GetConfigCommand, type ConfigTypeData } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, UUID } from '../support/assertions.js';
import { boto3, jsClient } from '../support/clients.js';
import { configData, PLAIN_CONFIG_TYPES, uplinkEchoData, type ConfigTypeName } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';

const PLAIN_TYPES = PLAIN_CONFIG_TYPES;
type ConfigType = ConfigTypeName;

// A second valid body per type, still inside the documented physical ranges.
const changedData = (uplinkArn: string): Record<ConfigType, object> => ({
  tracking: { trackingConfig: { autotrack: 'REQUIRED' } },
  'antenna-downlink': {
    antennaDownlinkConfig: {
      spectrumConfig: { centerFrequency: { value: 2250, units: 'MHz' }, bandwidth: { value: 10, units: 'kHz' }, polarization: 'LEFT_HAND' },
    },
  },
  'antenna-downlink-demod-decode': {
    antennaDownlinkDemodDecodeConfig: {
      spectrumConfig: { centerFrequency: { value: 8.1, units: 'GHz' }, bandwidth: { value: 100, units: 'MHz' } },
      demodulationConfig: { unvalidatedJSON: '{"type": "OQPSK"}' },
      decodeConfig: { unvalidatedJSON: '{"edges": [], "nodeConfigs": {"a-b_c": {}}}' },
    },
  },
  'antenna-uplink': {
    antennaUplinkConfig: {
      transmitDisabled: true,
      spectrumConfig: { centerFrequency: { value: 2.1, units: 'GHz' } },
      targetEirp: { value: 40.5, units: 'dBW' },
    },
  },
  'dataflow-endpoint': { dataflowEndpointConfig: { dataflowEndpointName: 'other-endpoint' } },
  's3-recording': {
    s3RecordingConfig: {
      bucketArn: 'arn:aws:s3:::aws-groundstation-other',
      roleArn: 'arn:aws:iam::111122223333:role/Other',
      prefix: 'data/{config-name}/{s3-config-id}',
    },
  },
  'telemetry-sink': {
    telemetrySinkConfig: {
      telemetrySinkType: 'KINESIS_DATA_STREAM',
      telemetrySinkData: {
        kinesisDataStreamData: {
          kinesisRoleArn: 'arn:aws:iam::111122223333:role/Other',
          kinesisDataStreamArn: 'arn:aws:kinesis:us-east-2:111122223333:stream/other.stream',
        },
      },
    },
  },
  'uplink-echo': { uplinkEchoConfig: { enabled: false, antennaUplinkConfigArn: uplinkArn } },
});

describe('configs of every type', () => {
  const server = useServer();
  const arns = {} as Record<ConfigType, string>;
  before(async () => {
    Object.assign(arns, await createConfigs(server.url, PLAIN_TYPES));
  });

  const idOf = (type: ConfigType) => arns[type].split('/').pop()!;
  const ALL: ConfigType[] = [...PLAIN_TYPES, 'uplink-echo'];

  it('CreateConfig, GetConfig, UpdateConfig and ListConfigs work for all 8 types (boto3)', async () => {
    const [echo] = await boto3(server.url, [
      { op: 'create_config', params: { name: 'echo', configData: uplinkEchoData(arns['antenna-uplink']), tags: { kind: 'echo' } } },
    ]);
    assert.deepEqual(Object.keys(echo!.result).sort(), ['configArn', 'configId', 'configType']);
    arns['uplink-echo'] = echo!.result.configArn;
    for (const type of ALL) {
      assert.match(idOf(type), UUID);
      assert.equal(arns[type], `arn:aws:groundstation:us-east-2:111122223333:config/${type}/${idOf(type)}`);
    }
    const changed = changedData(arns['antenna-uplink']);
    const get = (type: ConfigType) => ({ op: 'get_config', params: { configId: idOf(type), configType: type } });
    const outcomes = await boto3(server.url, [
      ...ALL.map(get),
      ...ALL.map((type) => ({
        op: 'update_config',
        params: { configId: idOf(type), configType: type, name: `${type} v2`, configData: changed[type] },
      })),
      ...ALL.map(get),
      { op: 'list_configs' },
    ]);
    const [before, updates, afterwards, [listed]] = [
      outcomes.slice(0, 8),
      outcomes.slice(8, 16),
      outcomes.slice(16, 24),
      outcomes.slice(24),
    ];
    ALL.forEach((type, index) => {
      const original = type === 'uplink-echo' ? uplinkEchoData(arns['antenna-uplink']) : configData[type];
      const tags = type === 'uplink-echo' ? { kind: 'echo' } : {};
      const name = type === 'uplink-echo' ? 'echo' : `${type}-config`;
      assert.deepEqual(
        before[index]!.result,
        { configId: idOf(type), configArn: arns[type], name, configType: type, configData: original, tags },
        type,
      );
      assert.deepEqual(updates[index]!.result, { configId: idOf(type), configType: type, configArn: arns[type] }, type);
      assert.deepEqual(
        afterwards[index]!.result,
        { configId: idOf(type), configArn: arns[type], name: `${type} v2`, configType: type, configData: changed[type], tags },
        type,
      );
    });
    assert.deepEqual(
      listed!.result.configList,
      ALL.map((type) => ({ configId: idOf(type), configType: type, configArn: arns[type], name: `${type} v2` })),
    );
  });

  it('CreateConfig and GetConfig round-trip every type the JS SDK knows', async () => {
    const client = jsClient(server.url, { account: '555566667777' });
    const types = PLAIN_TYPES.filter((type) => type !== 'telemetry-sink');
    for (const type of types) {
      const created = await client.send(
        new CreateConfigCommand({ name: `js ${type}`, configData: configData[type] as ConfigTypeData, tags: { via: 'js' } }),
      );
      assert.equal(created.configType, type);
      const got = await client.send(new GetConfigCommand({ configId: created.configId, configType: type }));
      assert.deepEqual(
        { configArn: got.configArn, name: got.name, configType: got.configType, configData: got.configData, tags: got.tags },
        { configArn: created.configArn, name: `js ${type}`, configType: type, configData: configData[type], tags: { via: 'js' } },
      );
    }
  });

  it('DeleteConfig returns the config and removes it; the antenna-uplink goes only after its uplink-echo', async () => {
    const order: ConfigType[] = ['uplink-echo', ...PLAIN_TYPES];
    const outcomes = await boto3(server.url, [
      ...order.map((type) => ({ op: 'delete_config', params: { configId: idOf(type), configType: type } })),
      ...order.map((type) => ({ op: 'get_config', params: { configId: idOf(type), configType: type } })),
      { op: 'list_configs' },
    ]);
    order.forEach((type, index) => {
      assert.deepEqual(outcomes[index]!.result, { configId: idOf(type), configType: type, configArn: arns[type] });
      assertBoto3Error(outcomes[order.length + index], {
        code: 'ResourceNotFoundException',
        status: 434,
        message: new RegExp(`Config ${type}/${idOf(type)} was not found`),
      });
    });
    assert.deepEqual(outcomes.at(-1)!.result.configList, []);
  });
});
