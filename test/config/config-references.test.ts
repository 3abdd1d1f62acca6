import { ListConfigsCommand, paginateListConfigs } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, assertJsError } from '../support/assertions.js';
import { boto3, jsClient, jsError } from '../support/clients.js';
import { configData, uplinkEchoData, ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';

const invalid = (parameterName: string, message: RegExp) => ({ code: 'InvalidParameterException', status: 431, parameterName, message });
const idOf = (arn: string) => arn.split('/').pop()!;

describe('config paths and references', () => {
  const server = useServer();
  let arns: Record<'tracking' | 'antenna-downlink' | 'antenna-uplink' | 'dataflow-endpoint' | 's3-recording', string>;
  let uplink2: string;
  let echo: string;
  let profiles: { id: string; arn: string; name: string }[];
  before(async () => {
    arns = await createConfigs(server.url, ['tracking', 'antenna-downlink', 'antenna-uplink', 'dataflow-endpoint', 's3-recording']);
    const [second, echoed] = await boto3(server.url, [
      { op: 'create_config', params: { name: 'uplink 2', configData: configData['antenna-uplink'] } },
      { op: 'create_config', params: { name: 'echo', configData: uplinkEchoData(arns['antenna-uplink']) } },
    ]);
    uplink2 = second!.result.configArn;
    echo = echoed!.result.configArn;
    const profile = (name: string) => ({
      name,
      minimumViableContactDurationSeconds: 60,
      trackingConfigArn: arns.tracking,
      dataflowEdges: [
        [arns['dataflow-endpoint'], arns['antenna-uplink']],
        [echo, arns['dataflow-endpoint']],
        [arns['antenna-downlink'], arns['s3-recording']],
      ],
    });
    const created = await boto3(
      server.url,
      ['Uplink one', 'Uplink two'].map((name) => ({ op: 'create_mission_profile', params: profile(name) })),
    );
    profiles = created.map((outcome, index) => ({
      id: outcome.result.missionProfileId,
      name: ['Uplink one', 'Uplink two'][index]!,
      arn: `arn:aws:groundstation:us-east-2:111122223333:mission-profile/${outcome.result.missionProfileId}`,
    }));
  });

  it('GetConfig, UpdateConfig and DeleteConfig with a path configType other than the config’s are refused with 434', async () => {
    const configId = idOf(arns.tracking);
    const outcomes = await boto3(server.url, [
      { op: 'get_config', params: { configId, configType: 'antenna-downlink' } },
      { op: 'update_config', params: { configId, configType: 'antenna-downlink', name: 'x', configData: configData['antenna-downlink'] } },
      { op: 'delete_config', params: { configId, configType: 's3-recording' } },
      { op: 'get_config', params: { configId, configType: 'bogus-type' } },
    ]);
    for (const outcome of outcomes.slice(0, 3))
      assertBoto3Error(outcome, { code: 'ResourceNotFoundException', status: 434, message: /was not found/ });
    assertBoto3Error(outcomes[3], invalid('configType', /Value 'bogus-type' at 'configType' .* enum value set/));
  });

  it('UpdateConfig whose configData is of another type than the path is refused with 431 configData', async () => {
    const configId = idOf(arns.tracking);
    const [update, got] = await boto3(server.url, [
      { op: 'update_config', params: { configId, configType: 'tracking', name: 'x', configData: configData['antenna-downlink'] } },
      { op: 'get_config', params: { configId, configType: 'tracking' } },
    ]);
    assertBoto3Error(update, invalid('configData', /configData holds a antenna-downlink config but the path names configType tracking/));
    assert.deepEqual(got!.result.configData, configData.tracking);
  });

  it('UpdateConfig whose configData disagrees with the path is refused with 431 before the config is looked up', async () => {
    const outcomes = await boto3(server.url, [
      { op: 'update_config', params: { configId: idOf(arns.tracking), configType: 'antenna-downlink', name: 'x', configData: configData.tracking } },
      { op: 'update_config', params: { configId: ZERO_UUID, configType: 'dataflow-endpoint', name: 'x', configData: configData.tracking } },
    ]);
    assertBoto3Error(outcomes[0], invalid('configData', /holds a tracking config but the path names configType antenna-downlink/));
    assertBoto3Error(outcomes[1], invalid('configData', /holds a tracking config but the path names configType dataflow-endpoint/));
  });

  it('CreateConfig of an uplink-echo whose uplink ARN carries an output-node suffix is refused with 431 naming the suffix', async () => {
    const [created] = await boto3(server.url, [
      { op: 'create_config', params: { name: 'suffixed echo', configData: uplinkEchoData(`${arns['antenna-uplink']}/node-1`) } },
    ]);
    assertBoto3Error(
      created,
      invalid('configData.uplinkEchoConfig.antennaUplinkConfigArn', /must name an antenna-uplink config with no output-node suffix: \/node-1$/),
    );
  });

  it('DeleteConfig of a config that profiles use is refused with 431 naming each profile', async () => {
    const [deleteTracking, deleteUplink] = await boto3(server.url, [
      { op: 'delete_config', params: { configId: idOf(arns.tracking), configType: 'tracking' } },
      { op: 'delete_config', params: { configId: idOf(arns['antenna-uplink']), configType: 'antenna-uplink' } },
    ]);
    assertBoto3Error(deleteTracking, invalid('configId', /in use by/));
    for (const profile of profiles) {
      assert.ok(deleteTracking!.error!.message.includes(`'${profile.name}' (${profile.arn})`), deleteTracking!.error!.message);
    }
    assertBoto3Error(deleteUplink, invalid('configId', /in use by/));
    assert.ok(deleteUplink!.error!.message.includes(`config 'echo' (${echo})`), deleteUplink!.error!.message);
  });

  it('UpdateConfig that re-points an uplink-echo away from its profiles’ uplink is refused with 431 and changes nothing', async () => {
    const configId = idOf(echo);
    const [update, got] = await boto3(server.url, [
      { op: 'update_config', params: { configId, configType: 'uplink-echo', name: 'echo moved', configData: uplinkEchoData(uplink2) } },
      { op: 'get_config', params: { configId, configType: 'uplink-echo' } },
    ]);
    assertBoto3Error(
      update,
      invalid('configData', /would break mission profile 'Uplink one' .*which is not a destination in this profile/),
    );
    assert.deepEqual(
      { name: got!.result.name, configData: got!.result.configData },
      { name: 'echo', configData: uplinkEchoData(arns['antenna-uplink']) },
    );
  });

  it('DeleteConfig succeeds once no profile uses the config any more', async () => {
    const [, , deleted] = await boto3(server.url, [
      { op: 'delete_mission_profile', params: { missionProfileId: profiles[0]!.id } },
      {
        op: 'update_mission_profile',
        params: { missionProfileId: profiles[1]!.id, dataflowEdges: [[arns['antenna-downlink'], arns['s3-recording']]] },
      },
      { op: 'delete_config', params: { configId: idOf(echo), configType: 'uplink-echo' } },
    ]);
    assert.deepEqual(deleted!.result, { configId: idOf(echo), configType: 'uplink-echo', configArn: echo });
  });

  it('ListConfigs pages through boto3 and JS paginators; a bad token or size is refused with 431', async () => {
    const [paged, badToken, tooBig] = await boto3(server.url, [
      { paginate: 'list_configs', params: { PaginationConfig: { PageSize: 2 } } },
      { op: 'list_configs', params: { nextToken: 'gsl.not-ours' } },
      { op: 'list_configs', params: { maxResults: 101 } },
    ]);
    const pages = paged!.result as { configList: { configArn: string }[]; nextToken?: string }[];
    assert.ok(pages.length >= 3);
    assert.ok(pages.slice(0, -1).every((page) => page.configList.length === 2 && /^[A-Za-z0-9\-/+_.=]{3,}$/.test(page.nextToken!)));
    const viaBoto3 = pages.flatMap((page) => page.configList.map((item) => item.configArn));
    const viaJs: string[] = [];
    for await (const page of paginateListConfigs({ client: jsClient(server.url), pageSize: 3 }, {})) {
      viaJs.push(...page.configList!.map((item) => item.configArn!));
    }
    assert.deepEqual(viaJs, viaBoto3);
    assert.equal(new Set(viaBoto3).size, viaBoto3.length);
    assertBoto3Error(badToken, invalid('nextToken', /Invalid nextToken/));
    assertBoto3Error(tooBig, invalid('maxResults', /less than or equal to 100/));
    assertJsError(
      await jsError(jsClient(server.url).send(new ListConfigsCommand({ maxResults: 0 }))),
      invalid('maxResults', /greater than or equal to 1/),
    );
  });
});
