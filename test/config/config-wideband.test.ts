import { CreateConfigCommand, GetConfigCommand, ListConfigsCommand } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertBoto3Error, assertJsError, assertRawError } from '../support/assertions.js';
import { boto3, jsClient, jsError, raw } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';
import { snppWidebandDownlink } from './wideband-data.js';

const REFUSED_ACCOUNT = { account: '666677778888' };
const tooWide = {
  code: 'InvalidParameterException',
  status: 431,
  parameterName: 'configData.antennaDownlinkConfig.spectrumConfig.bandwidth',
  message: /is outside 0.01-400 MHz/,
};

describe('wideband antenna-downlink configs', () => {
  let server: RunningServer;
  before(async () => (server = await startServer()));
  after(() => server.stop());

  it('CreateConfig takes the wideband sample\'s 350 MHz downlink through boto3 and GetConfig returns it', async () => {
    const [created] = await boto3(server.url, [{ op: 'create_config', params: { name: 'SNPP 350 MHz', configData: snppWidebandDownlink() } }]);
    const [got] = await boto3(server.url, [{ op: 'get_config', params: { configId: created!.result.configId, configType: 'antenna-downlink' } }]);
    assert.deepEqual(got!.result.configData, snppWidebandDownlink());
  });

  it('CreateConfig takes 350 MHz and the 400 MHz ceiling (0.4 GHz) through the JS SDK', async () => {
    const client = jsClient(server.url);
    for (const bandwidth of [{ value: 350, units: 'MHz' }, { value: 0.4, units: 'GHz' }] as const) {
      const created = await client.send(new CreateConfigCommand({ name: 'wideband', configData: snppWidebandDownlink(bandwidth) as any }));
      const got = await client.send(new GetConfigCommand({ configId: created.configId, configType: 'antenna-downlink' }));
      assert.deepEqual(got.configData?.antennaDownlinkConfig?.spectrumConfig?.bandwidth, bandwidth);
    }
  });

  it('CreateConfig refuses a downlink above 400 MHz (431) through boto3, the JS SDK and raw HTTP, storing nothing', async () => {
    const [byBoto3] = await boto3(server.url, [{ op: 'create_config', params: { name: 'w', configData: snppWidebandDownlink({ value: 400.001, units: 'MHz' }) } }], REFUSED_ACCOUNT);
    assertBoto3Error(byBoto3, tooWide);
    const client = jsClient(server.url, REFUSED_ACCOUNT);
    const byJs = await jsError(client.send(new CreateConfigCommand({ name: 'w', configData: snppWidebandDownlink({ value: 0.5, units: 'GHz' }) as any })));
    assertJsError(byJs, { ...tooWide, message: /0.5 GHz is outside 0.01-400 MHz/ });
    const byRaw = await raw(server.url, 'POST', '/config', { body: { name: 'refused-raw', configData: snppWidebandDownlink({ value: 650, units: 'MHz' }) } });
    assertRawError(byRaw, tooWide);
    const listed = await client.send(new ListConfigsCommand({}));
    assert.deepEqual(listed.configList, []);
    const [defaultAccount] = await boto3(server.url, [{ op: 'list_configs' }]);
    assert.ok(!defaultAccount!.result.configList.some((config: any) => config.name === 'refused-raw'));
  });
});
