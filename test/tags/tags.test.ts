import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, assertRawError } from '../support/assertions.js';
import { ACCOUNT, boto3, jsClient, OTHER_ACCOUNT, raw } from '../support/clients.js';
import { configData, endpointDetails, ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';
import { assertTagOperationsNotFound } from './tag-support.js';

describe('tags on profiles, configs and dataflow endpoint groups', () => {
  const server = useServer();
  let arns: { profile: string; config: string; group: string };
  before(async () => {
    const configs = await createConfigs(server.url, ['tracking', 'antenna-downlink', 's3-recording']);
    const [profile, group] = await boto3(server.url, [
      {
        op: 'create_mission_profile',
        params: {
          name: 'tagged',
          minimumViableContactDurationSeconds: 60,
          trackingConfigArn: configs.tracking,
          dataflowEdges: [[configs['antenna-downlink'], configs['s3-recording']]],
          tags: { created: 'yes' },
        },
      },
      { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [endpointDetails()], tags: { created: 'yes' } } },
    ]);
    const groupId = group!.result.dataflowEndpointGroupId;
    arns = {
      profile: `arn:aws:groundstation:us-east-2:${ACCOUNT}:mission-profile/${profile!.result.missionProfileId}`,
      config: configs.tracking,
      group: `arn:aws:groundstation:us-east-2:${ACCOUNT}:dataflow-endpoint-group/${groupId}`,
    };
  });

  it('TagResource, UntagResource and ListTagsForResource work on each taggable resource (boto3)', async () => {
    const calls = Object.values(arns).flatMap((resourceArn) => [
      { op: 'tag_resource', params: { resourceArn, tags: { team: 'ops', env: 'test', created: 'overwritten' } } },
      { op: 'list_tags_for_resource', params: { resourceArn } },
      { op: 'untag_resource', params: { resourceArn, tagKeys: ['env', 'not-there'] } },
      { op: 'list_tags_for_resource', params: { resourceArn } },
    ]);
    const outcomes = await boto3(server.url, calls);
    Object.keys(arns).forEach((kind, index) => {
      const [tagged, listed, untagged, relisted] = outcomes.slice(index * 4, index * 4 + 4);
      assert.deepEqual(tagged!.result, {}, kind);
      assert.deepEqual(listed!.result, { tags: { created: 'overwritten', team: 'ops', env: 'test' } }, kind);
      assert.deepEqual(untagged!.result, {}, kind);
      assert.deepEqual(relisted!.result, { tags: { created: 'overwritten', team: 'ops' } }, kind);
    });
  });

  it('GetConfig reports the tags TagResource set (JS, two tagKeys in one UntagResource)', async () => {
    const client = jsClient(server.url);
    await client.send(new TagResourceCommand({ resourceArn: arns.config, tags: { a: '1', 'b c': '2', d: '3' } }));
    await client.send(new UntagResourceCommand({ resourceArn: arns.config, tagKeys: ['a', 'b c'] }));
    const { tags } = await client.send(new ListTagsForResourceCommand({ resourceArn: arns.config }));
    assert.equal(tags!.d, '3');
    assert.ok(!('a' in tags!) && !('b c' in tags!));
    const [config] = await boto3(server.url, [
      { op: 'get_config', params: { configId: arns.config.split('/').pop(), configType: 'tracking' } },
    ]);
    assert.deepEqual(config!.result.tags, tags);
  });

  it('TagResource and UntagResource decode a percent-encoded ARN and every repeated tagKeys value (raw HTTP)', async () => {
    const created = await raw(server.url, 'POST', '/config', { body: { name: 'raw', configData: configData.tracking } });
    const path = `/tags/${encodeURIComponent(created.json.configArn)}`;
    assert.match(path, /%3A.*%2F/);
    const tagged = await raw(server.url, 'POST', path, { body: { tags: { a: '1', 'b c': '2', d: '3', 'why?': '4' } } });
    assert.deepEqual({ status: tagged.status, json: tagged.json }, { status: 200, json: {} });
    // A '?' after the first one belongs to a value.
    const untagged = await raw(server.url, 'DELETE', `${path}?tagKeys=a&tagKeys=b%20c&tagKeys=why?`);
    assert.deepEqual({ status: untagged.status, json: untagged.json }, { status: 200, json: {} });
    const listed = await raw(server.url, 'GET', path);
    assert.deepEqual(listed.json, { tags: { d: '3' } });
  });

  it('TagResource, UntagResource and ListTagsForResource of an unknown ARN are refused with 434', async () => {
    const unknown = [
      `arn:aws:groundstation:us-east-2:${ACCOUNT}:mission-profile/${ZERO_UUID}`,
      arns.config.replace('/tracking/', '/antenna-downlink/'),
      arns.profile.replace(ACCOUNT, OTHER_ACCOUNT),
      arns.group.replace('us-east-2', 'us-west-2'),
    ];
    await assertTagOperationsNotFound(server.url, unknown);
  });

  it('TagResource with an ARN outside the AnyArn pattern or without tags is refused with 431', async () => {
    const [notArn] = await boto3(server.url, [{ op: 'tag_resource', params: { resourceArn: 'not:an:arn', tags: { a: 'b' } } }]);
    assertBoto3Error(notArn, {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'resourceArn',
      message: /Value 'not:an:arn' at 'resourceArn' .* regular expression pattern/,
    });
    const path = `/tags/${encodeURIComponent(arns.profile)}`;
    assertRawError(await raw(server.url, 'POST', path, { body: {} }), {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'tags',
      message: /must not be null/,
    });
  });

  it('UntagResource with an empty tagKeys list, which SDKs send as no query parameter, removes nothing (boto3, JS)', async () => {
    const resourceArn = arns.group;
    const [, untagged, listed] = await boto3(server.url, [
      { op: 'tag_resource', params: { resourceArn, tags: { kept: 'yes' } } },
      { op: 'untag_resource', params: { resourceArn, tagKeys: [] } },
      { op: 'list_tags_for_resource', params: { resourceArn } },
    ]);
    assert.deepEqual(untagged!.result, {});
    assert.equal(listed!.result.tags.kept, 'yes');
    const client = jsClient(server.url);
    assert.equal((await client.send(new UntagResourceCommand({ resourceArn, tagKeys: [] }))).$metadata.httpStatusCode, 200);
    assert.equal((await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags?.kept, 'yes');
  });

  it('A tag whose key is __proto__ is stored and listed like any other (boto3)', async () => {
    const [created, , listed] = await boto3(server.url, [
      { op: 'create_config', params: { name: 'proto', configData: configData.tracking, tags: { ['__proto__']: 'a', team: 'b' } } },
      { op: 'tag_resource', params: { resourceArn: arns.profile, tags: { ['__proto__']: 'c' } } },
      { op: 'list_tags_for_resource', params: { resourceArn: arns.profile } },
    ]);
    const [got] = await boto3(server.url, [{ op: 'get_config', params: { configId: created!.result.configId, configType: 'tracking' } }]);
    assert.equal(Object.getOwnPropertyDescriptor(got!.result.tags, '__proto__')?.value, 'a');
    assert.equal(got!.result.tags.team, 'b');
    assert.equal(Object.getOwnPropertyDescriptor(listed!.result.tags, '__proto__')?.value, 'c');
  });

  it('The documented tag limits (50 a resource, keys 1-128, values up to 256, aws: reserved) are 431s that change nothing', async () => {
    const resourceArn = arns.group;
    const tagsOf = (count: number, prefix: string) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`${prefix}${index}`, 'v']));
    const invalid = (parameterName: string, message: RegExp) => ({ code: 'InvalidParameterException', status: 431, parameterName, message });
    const listed = async () => (await boto3(server.url, [{ op: 'list_tags_for_resource', params: { resourceArn } }]))[0]!.result.tags;
    const before = await listed();
    const existing = Object.keys(before).length;
    const outcomes = await boto3(server.url, [
      { op: 'tag_resource', params: { resourceArn, tags: tagsOf(51, 'many') } },
      { op: 'tag_resource', params: { resourceArn, tags: tagsOf(51 - existing, 'more') } },
      { op: 'tag_resource', params: { resourceArn, tags: { ['k'.repeat(129)]: 'v' } } },
      { op: 'tag_resource', params: { resourceArn, tags: { key: 'v'.repeat(257) } } },
      { op: 'tag_resource', params: { resourceArn, tags: { 'AWS:cloudformation:stack-name': 'mine' } } },
      { op: 'create_config', params: { name: 'over', configData: configData.tracking, tags: tagsOf(51, 't') } },
    ]);
    assertBoto3Error(outcomes[0], invalid('tags', /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50/));
    assertBoto3Error(outcomes[1], invalid('tags', new RegExp(`at most 50 tags; with these ${resourceArn.replace(/[/.]/g, '\\$&')} would have 51`)));
    assertBoto3Error(outcomes[2], invalid(`tags.${'k'.repeat(129)}`, /Member must have length less than or equal to 128/));
    assertBoto3Error(outcomes[3], invalid('tags.key', /Member must have length less than or equal to 256/));
    assertBoto3Error(outcomes[4], invalid('tags.AWS:cloudformation:stack-name', /Member must not begin with aws:/));
    assertBoto3Error(outcomes[5], invalid('tags', /Member must have length less than or equal to 50/));
    // An empty key gets past boto3, which checks no minimum of the model's String: JS and raw HTTP check nothing.
    const path = `/tags/${encodeURIComponent(resourceArn)}`;
    assertRawError(await raw(server.url, 'POST', path, { body: { tags: { '': 'v' } } }), invalid('tags.', /Member must have length greater than or equal to 1/));
    assert.deepEqual(await listed(), before);
    const [configs] = await boto3(server.url, [{ op: 'list_configs' }]);
    assert.ok(!configs!.result.configList.some((config: any) => config.name === 'over'));
    // Exactly at the limits is fine.
    const [atLimit] = await boto3(server.url, [{ op: 'tag_resource', params: { resourceArn, tags: { ...tagsOf(49 - existing, 'fit'), ['k'.repeat(128)]: 'v'.repeat(256) } } }]);
    assert.equal(atLimit!.error, undefined, JSON.stringify(atLimit));
  });
});
