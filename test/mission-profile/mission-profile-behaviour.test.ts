import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, UUID } from '../support/assertions.js';
import { boto3, raw } from '../support/clients.js';
import { useServer } from '../support/server.js';
import { createConfigs, createProfileParts } from '../support/setup.js';

const KMS_KEYS = [
  { kmsKeyArn: 'arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
  { kmsAliasArn: 'arn:aws:kms:us-east-2:111122223333:alias/groundstation/streams' },
  { kmsAliasName: 'alias/groundstation_streams-1' },
];

describe('mission profiles through boto3', () => {
  const server = useServer();
  let parts: Awaited<ReturnType<typeof createProfileParts>> & { endpoint: string };
  // Profiles made up front in one boto3 batch: the seed request five times, then one per KMS key form.
  let seeded: string[];
  let withKmsKeys: string[];
  before(async () => {
    const arns = await createConfigs(server.url, ['tracking', 'antenna-downlink', 's3-recording', 'telemetry-sink', 'dataflow-endpoint']);
    parts = {
      tracking: arns.tracking,
      downlink: arns['antenna-downlink'],
      s3: arns['s3-recording'],
      sink: arns['telemetry-sink'],
      endpoint: arns['dataflow-endpoint'],
    };
    const requests = [...Array(5).fill(fullRequest()), ...KMS_KEYS.map((streamsKmsKey) => ({ ...fullRequest(), streamsKmsKey }))];
    const created = await boto3(
      server.url,
      requests.map((params) => ({ op: 'create_mission_profile', params })),
    );
    const ids = created.map((outcome) => outcome.result.missionProfileId as string);
    seeded = ids.slice(0, 5);
    withKmsKeys = ids.slice(5);
  });

  function fullRequest() {
    return {
      name: 'NOAA-20 downlink',
      contactPrePassDurationSeconds: 120,
      contactPostPassDurationSeconds: 60,
      minimumViableContactDurationSeconds: 180,
      dataflowEdges: [[parts.downlink, parts.s3]],
      trackingConfigArn: parts.tracking,
      telemetrySinkConfigArn: parts.sink,
      tags: { team: 'ops', env: 'test' },
      streamsKmsKey: { kmsAliasName: 'alias/groundstation-streams' },
      streamsKmsRole: 'arn:aws:iam::111122223333:role/StreamsKms',
    };
  }
  const arnOf = (missionProfileId: string) => `arn:aws:groundstation:us-east-2:111122223333:mission-profile/${missionProfileId}`;

  it('CreateMissionProfile with all ten seed parameters round-trips through GetMissionProfile', async () => {
    const missionProfileId = seeded[0]!;
    assert.match(missionProfileId, UUID);
    const [profile] = await boto3(server.url, [{ op: 'get_mission_profile', params: { missionProfileId } }]);
    assert.deepEqual(profile!.result, {
      ...fullRequest(),
      missionProfileId,
      missionProfileArn: arnOf(missionProfileId),
      region: 'us-east-2',
    });
  });

  it('ids are version-7 UUIDs: a profile created later has an id that sorts later', () => {
    for (const id of seeded) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...seeded].sort(), seeded);
    assert.equal(new Set(seeded).size, seeded.length);
  });

  it('UpdateMissionProfile changes only the fields supplied', async () => {
    const missionProfileId = seeded[1]!;
    const streamsKmsKey = { kmsKeyArn: 'arn:aws:kms:us-east-2:111122223333:key/abc' };
    const [updated, profile] = await boto3(server.url, [
      { op: 'update_mission_profile', params: { missionProfileId, minimumViableContactDurationSeconds: 300, streamsKmsKey } },
      { op: 'get_mission_profile', params: { missionProfileId } },
    ]);
    assert.deepEqual(updated!.result, { missionProfileId });
    assert.deepEqual(profile!.result, {
      ...fullRequest(),
      minimumViableContactDurationSeconds: 300,
      streamsKmsKey,
      missionProfileId,
      missionProfileArn: arnOf(missionProfileId),
      region: 'us-east-2',
    });
  });

  it('GetMissionProfile shows every change at once, however often the profile was read before', async () => {
    const [created] = await boto3(server.url, [{ op: 'create_mission_profile', params: fullRequest() }]);
    const missionProfileId = created!.result.missionProfileId as string;
    const resourceArn = arnOf(missionProfileId);
    const get = { op: 'get_mission_profile', params: { missionProfileId } };
    const outcomes = await boto3(server.url, [
      get,
      get,
      { op: 'update_mission_profile', params: { missionProfileId, name: 'renamed' } },
      get,
      { op: 'tag_resource', params: { resourceArn, tags: { stage: 'two' } } },
      get,
      { op: 'update_mission_profile', params: { missionProfileId, name: 'refused', trackingConfigArn: parts.s3 } },
      get,
      { op: 'untag_resource', params: { resourceArn, tagKeys: ['team', 'env'] } },
      get,
    ]);
    const [first, second, , renamed, , tagged, refused, afterRefusal, , untagged] = outcomes;
    assert.deepEqual(second!.result, first!.result);
    assert.equal(renamed!.result.name, 'renamed');
    assert.deepEqual(tagged!.result.tags, { team: 'ops', env: 'test', stage: 'two' });
    assertBoto3Error(refused, { code: 'InvalidParameterException', status: 431, parameterName: 'trackingConfigArn' });
    assert.deepEqual(afterRefusal!.result, tagged!.result);
    assert.deepEqual(untagged!.result, { ...tagged!.result, tags: { stage: 'two' } });
  });

  it('UpdateMissionProfile replaces dataflowEdges as a whole; boto3 refuses tags before sending', async () => {
    const missionProfileId = seeded[2]!;
    const edges = [[parts.downlink, parts.endpoint]];
    const [, profile, withTags] = await boto3(server.url, [
      { op: 'update_mission_profile', params: { missionProfileId, dataflowEdges: edges } },
      { op: 'get_mission_profile', params: { missionProfileId } },
      { op: 'update_mission_profile', params: { missionProfileId, tags: { a: 'b' } } },
    ]);
    assert.deepEqual(profile!.result.dataflowEdges, edges);
    assert.match(withTags!.clientError!, /Unknown parameter in input: "tags"/);
  });

  it('UpdateMissionProfile sent tags over raw HTTP drops them, as any member the model does not know', async () => {
    // Unsigned requests act in the default account, so the parts are made there.
    const defaults = await createProfileParts(server.url, { account: '000000000000' });
    const created = await raw(server.url, 'POST', '/missionprofile', {
      body: {
        name: 'raw',
        minimumViableContactDurationSeconds: 60,
        dataflowEdges: [[defaults.downlink, defaults.s3]],
        trackingConfigArn: defaults.tracking,
        tags: { kept: 'yes' },
      },
    });
    assert.equal(created.status, 200, created.text);
    const path = `/missionprofile/${created.json.missionProfileId}`;
    const updated = await raw(server.url, 'PUT', path, { body: { name: 'renamed', tags: { added: 'no' }, unknownMember: 1 } });
    assert.deepEqual(
      { status: updated.status, json: updated.json },
      { status: 200, json: { missionProfileId: created.json.missionProfileId } },
    );
    const profile = await raw(server.url, 'GET', path);
    assert.deepEqual({ name: profile.json.name, tags: profile.json.tags }, { name: 'renamed', tags: { kept: 'yes' } });
  });

  it('DeleteMissionProfile removes the profile from Get and List, and a second delete is refused with 434', async () => {
    const missionProfileId = seeded[3]!;
    const [deleted, got, listed, again] = await boto3(server.url, [
      { op: 'delete_mission_profile', params: { missionProfileId } },
      { op: 'get_mission_profile', params: { missionProfileId } },
      { op: 'list_mission_profiles' },
      { op: 'delete_mission_profile', params: { missionProfileId } },
    ]);
    assert.deepEqual(deleted!.result, { missionProfileId });
    assertBoto3Error(got, { code: 'ResourceNotFoundException', status: 434, message: /was not found/ });
    assert.ok(!listed!.result.missionProfileList.some((item: { missionProfileId: string }) => item.missionProfileId === missionProfileId));
    assertBoto3Error(again, { code: 'ResourceNotFoundException', status: 434 });
  });

  it('ListMissionProfiles items carry id, ARN, region and name', async () => {
    const missionProfileId = seeded[4]!;
    const [listed] = await boto3(server.url, [{ op: 'list_mission_profiles' }]);
    const item = listed!.result.missionProfileList.find(
      (entry: { missionProfileId: string }) => entry.missionProfileId === missionProfileId,
    );
    assert.deepEqual(item, { missionProfileId, missionProfileArn: arnOf(missionProfileId), region: 'us-east-2', name: 'NOAA-20 downlink' });
  });

  it('ListMissionProfiles shows every change at once, in creation order, whether the profiles were read before or not', async () => {
    const create = (name: string) => ({ op: 'create_mission_profile', params: { ...fullRequest(), name } });
    const created = await boto3(server.url, [create('first'), create('second'), create('third')]);
    const ids = created.map((outcome) => outcome.result.missionProfileId as string);
    const list = { op: 'list_mission_profiles' };
    const rename = (index: number, name: string) => ({ op: 'update_mission_profile', params: { missionProfileId: ids[index], name } });
    const get = (index: number) => ({ op: 'get_mission_profile', params: { missionProfileId: ids[index] } });
    const outcomes = await boto3(server.url, [
      get(1),
      list,
      rename(1, 'second renamed'),
      list,
      get(1),
      get(2),
      rename(0, 'first renamed'),
      { op: 'update_mission_profile', params: { missionProfileId: ids[2], name: 'refused', trackingConfigArn: parts.s3 } },
      list,
    ]);
    const names = (outcome: (typeof outcomes)[number]) =>
      (outcome.result.missionProfileList as { missionProfileId: string; name: string }[])
        .filter((item) => ids.includes(item.missionProfileId))
        .map((item) => [item.missionProfileId, item.name]);
    assert.deepEqual(names(outcomes[1]!), [[ids[0], 'first'], [ids[1], 'second'], [ids[2], 'third']]);
    assert.deepEqual(names(outcomes[3]!), [[ids[0], 'first'], [ids[1], 'second renamed'], [ids[2], 'third']]);
    assertBoto3Error(outcomes[7], { code: 'InvalidParameterException', status: 431, parameterName: 'trackingConfigArn' });
    assert.deepEqual(names(outcomes[8]!), [[ids[0], 'first renamed'], [ids[1], 'second renamed'], [ids[2], 'third']]);
  });

  it('CreateMissionProfile accepts each streamsKmsKey member and GetMissionProfile returns it', async () => {
    const got = await boto3(
      server.url,
      withKmsKeys.map((missionProfileId) => ({ op: 'get_mission_profile', params: { missionProfileId } })),
    );
    assert.deepEqual(
      got.map((outcome) => outcome.result.streamsKmsKey),
      KMS_KEYS,
    );
  });
});
