import { GetConfigCommand, ListConfigsCommand } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, assertJsError } from '../support/assertions.js';
import { ACCOUNT, boto3, jsClient, jsError, OTHER_ACCOUNT, raw } from '../support/clients.js';
import { configData } from '../support/fixtures.js';
import { useServer } from '../support/server.js';

const WEST = { region: 'us-west-2' };
const notFound = { code: 'ResourceNotFoundException', status: 434, message: /was not found/ };

// The SigV4 credential scope names the region; a 12-digit access key id is the account (README).
describe('accounts and regions', () => {
  const server = useServer();
  let east: { configId: string; configArn: string };
  before(async () => {
    const [created] = await boto3(server.url, [{ op: 'create_config', params: { name: 'east', configData: configData.tracking } }]);
    east = created!.result;
  });

  it('CreateConfig puts the signing account and region into the ARN', async () => {
    assert.equal(east.configArn, `arn:aws:groundstation:us-east-2:${ACCOUNT}:config/tracking/${east.configId}`);
    const [west] = await boto3(server.url, [{ op: 'create_config', params: { name: 'west', configData: configData.tracking } }], {
      account: OTHER_ACCOUNT,
      ...WEST,
    });
    assert.equal(west!.result.configArn, `arn:aws:groundstation:us-west-2:${OTHER_ACCOUNT}:config/tracking/${west!.result.configId}`);
  });

  it("GetConfig and ListConfigs do not see another account's or another region's configs", async () => {
    const get = { op: 'get_config', params: { configId: east.configId, configType: 'tracking' } };
    const [otherAccountGet, otherAccountList] = await boto3(server.url, [get, { op: 'list_configs' }], { account: '999988887777' });
    const [otherRegionGet, otherRegionList] = await boto3(server.url, [get, { op: 'list_configs' }], { region: 'eu-west-1' });
    assertBoto3Error(otherAccountGet, notFound);
    assertBoto3Error(otherRegionGet, notFound);
    assert.deepEqual([otherAccountList!.result.configList, otherRegionList!.result.configList], [[], []]);
    const js = await jsError(
      jsClient(server.url, { account: '999988887777' }).send(new GetConfigCommand({ configId: east.configId, configType: 'tracking' })),
    );
    assertJsError(js, notFound);
    const mine = await jsClient(server.url).send(new ListConfigsCommand({}));
    assert.ok(mine.configList!.some((item) => item.configArn === east.configArn));
  });

  it('A request signed with an access key id that is not 12 digits acts in the default account 000000000000', async () => {
    const [created] = await boto3(server.url, [{ op: 'create_config', params: { name: 'default', configData: configData.tracking } }], {
      account: 'AKIDEXAMPLE',
      ...WEST,
    });
    assert.match(created!.result.configArn, /^arn:aws:groundstation:us-west-2:000000000000:config\/tracking\//);
  });

  it('An unsigned request acts in the default account 000000000000 and region us-east-2', async () => {
    const created = await raw(server.url, 'POST', '/config', { body: { name: 'unsigned', configData: configData.tracking } });
    assert.match(created.json.configArn, /^arn:aws:groundstation:us-east-2:000000000000:config\/tracking\//);
    const [seen] = await boto3(server.url, [{ op: 'get_config', params: { configId: created.json.configId, configType: 'tracking' } }], {
      account: '000000000000',
    });
    assert.equal(seen!.result.name, 'unsigned');
    const listed = await raw(server.url, 'GET', '/config');
    assert.ok(!listed.json.configList.some((item: { configArn: string }) => item.configArn === east.configArn));
  });

  it('GetMissionProfile and ListMissionProfiles report the region the profile lives in', async () => {
    const identity = { account: OTHER_ACCOUNT, ...WEST };
    const configs = await boto3(
      server.url,
      (['tracking', 'antenna-downlink', 's3-recording'] as const).map((type) => ({
        op: 'create_config',
        params: { name: type, configData: configData[type] },
      })),
      identity,
    );
    const [tracking, downlink, s3] = configs.map((outcome) => outcome.result.configArn as string);
    const [created] = await boto3(
      server.url,
      [
        {
          op: 'create_mission_profile',
          params: { name: 'west', minimumViableContactDurationSeconds: 60, trackingConfigArn: tracking, dataflowEdges: [[downlink, s3]] },
        },
      ],
      identity,
    );
    const missionProfileId = created!.result.missionProfileId;
    const [got, listed] = await boto3(
      server.url,
      [{ op: 'get_mission_profile', params: { missionProfileId } }, { op: 'list_mission_profiles' }],
      identity,
    );
    assert.equal(got!.result.region, 'us-west-2');
    assert.equal(got!.result.missionProfileArn, `arn:aws:groundstation:us-west-2:${OTHER_ACCOUNT}:mission-profile/${missionProfileId}`);
    assert.deepEqual(
      listed!.result.missionProfileList.map((item: { region: string }) => item.region),
      ['us-west-2'],
    );
  });
});
