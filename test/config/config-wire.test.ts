import {
  CreateConfigCommand,
  DeleteConfigCommand,
  GetConfigCommand,
  ListConfigsCommand,
  UpdateConfigCommand,
  type ConfigTypeData,
} from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertJsError } from '../support/assertions.js';
import { jsClient, jsError } from '../support/clients.js';
import { configData } from '../support/fixtures.js';
import { useServer } from '../support/server.js';

// Configs through @aws-sdk/client-groundstation 3.523 (which predates telemetry-sink).
describe('configs through the JS SDK', () => {
  const server = useServer();

  it('CreateConfig, UpdateConfig, ListConfigs and DeleteConfig work end to end', async () => {
    const client = jsClient(server.url);
    const created = await client.send(
      new CreateConfigCommand({ name: 'downlink', configData: configData['antenna-downlink'] as ConfigTypeData }),
    );
    const { configId, configArn } = created;
    assert.deepEqual(
      { configType: created.configType, configArn },
      { configType: 'antenna-downlink', configArn: `arn:aws:groundstation:us-east-2:111122223333:config/antenna-downlink/${configId}` },
    );

    const changed = {
      antennaDownlinkConfig: { spectrumConfig: { centerFrequency: { value: 8.2, units: 'GHz' }, bandwidth: { value: 15, units: 'MHz' } } },
    } as ConfigTypeData;
    const updated = await client.send(
      new UpdateConfigCommand({ configId, configType: 'antenna-downlink', name: 'downlink v2', configData: changed }),
    );
    assert.deepEqual(
      { configId: updated.configId, configType: updated.configType, configArn: updated.configArn },
      { configId, configType: 'antenna-downlink', configArn },
    );
    const got = await client.send(new GetConfigCommand({ configId, configType: 'antenna-downlink' }));
    assert.deepEqual(
      { name: got.name, configData: got.configData, tags: got.tags },
      { name: 'downlink v2', configData: changed, tags: {} },
    );

    const listed = await client.send(new ListConfigsCommand({}));
    assert.deepEqual(listed.configList, [{ configId, configType: 'antenna-downlink', configArn, name: 'downlink v2' }]);

    const deleted = await client.send(new DeleteConfigCommand({ configId, configType: 'antenna-downlink' }));
    assert.deepEqual(
      { configId: deleted.configId, configType: deleted.configType, configArn: deleted.configArn },
      { configId, configType: 'antenna-downlink', configArn },
    );
    assert.deepEqual((await client.send(new ListConfigsCommand({}))).configList, []);
  });

  it('GetConfig with the wrong configType is refused with 434, UpdateConfig with another union with 431 (JS)', async () => {
    const client = jsClient(server.url);
    const { configId } = await client.send(
      new CreateConfigCommand({ name: 'tracking', configData: configData.tracking as ConfigTypeData }),
    );
    assertJsError(await jsError(client.send(new GetConfigCommand({ configId, configType: 'antenna-uplink' }))), {
      code: 'ResourceNotFoundException',
      status: 434,
      message: new RegExp(`Config antenna-uplink/${configId} was not found`),
    });
    const mismatch = await jsError(
      client.send(
        new UpdateConfigCommand({
          configId,
          configType: 'tracking',
          name: 'x',
          configData: configData['dataflow-endpoint'] as ConfigTypeData,
        }),
      ),
    );
    assertJsError(mismatch, {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'configData',
      message: /holds a dataflow-endpoint config but the path names configType tracking/,
    });
    assertJsError(await jsError(client.send(new DeleteConfigCommand({ configId, configType: 'bogus' as 'tracking' }))), {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'configType',
      message: /enum value set/,
    });
  });
});
