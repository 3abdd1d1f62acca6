import {
  CreateMissionProfileCommand,
  GetMissionProfileCommand,
  ListMissionProfilesCommand,
  UpdateMissionProfileCommand,
  type CreateMissionProfileCommandInput,
} from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, assertJsError, assertRawError } from '../support/assertions.js';
import { boto3, jsClient, jsError, raw } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createProfileParts } from '../support/setup.js';

// Model constraints (API.md §3.1). boto3 checks minimums itself, so those go through JS or raw HTTP.
const invalid = (parameterName: string, message: RegExp) => ({ code: 'InvalidParameterException', status: 431, parameterName, message });

describe('mission profile validation', () => {
  const server = useServer();
  let parts: Awaited<ReturnType<typeof createProfileParts>>;
  before(async () => {
    parts = await createProfileParts(server.url);
  });

  const valid = (): CreateMissionProfileCommandInput => ({
    name: 'valid',
    minimumViableContactDurationSeconds: 60,
    dataflowEdges: [[parts.downlink, parts.s3]],
    trackingConfigArn: parts.tracking,
  });

  it('CreateMissionProfile below a minimum is refused with 431 naming the member (JS)', async () => {
    const client = jsClient(server.url);
    const create = (changes: Record<string, unknown>) => jsError(client.send(new CreateMissionProfileCommand({ ...valid(), ...changes })));
    assertJsError(
      await create({ name: '' }),
      invalid('name', /Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1/),
    );
    assertJsError(
      await create({ minimumViableContactDurationSeconds: 0 }),
      invalid('minimumViableContactDurationSeconds', /Value '0' .* greater than or equal to 1$/),
    );
    assertJsError(
      await create({ contactPrePassDurationSeconds: -1 }),
      invalid('contactPrePassDurationSeconds', /greater than or equal to 0/),
    );
    assertJsError(
      await create({ dataflowEdges: [[parts.downlink]] }),
      invalid('dataflowEdges[0]', /Member must have length greater than or equal to 2/),
    );
    assertJsError(
      await create({ trackingConfigArn: 'arn:aws:groundstation' }),
      invalid('trackingConfigArn', /length greater than or equal to 82/),
    );
    assertJsError(await create({ name: undefined }), invalid('name', /Value null at 'name' .* must not be null/));
  });

  it('GetMissionProfile and ListMissionProfiles below a minimum are refused with 431 (JS)', async () => {
    const client = jsClient(server.url);
    assertJsError(
      await jsError(client.send(new GetMissionProfileCommand({ missionProfileId: 'abc' }))),
      invalid('missionProfileId', /length greater than or equal to 36/),
    );
    assertJsError(
      await jsError(client.send(new ListMissionProfilesCommand({ maxResults: 0 }))),
      invalid('maxResults', /greater than or equal to 1/),
    );
    assertJsError(
      await jsError(client.send(new ListMissionProfilesCommand({ nextToken: 'ab' }))),
      invalid('nextToken', /length greater than or equal to 3/),
    );
    assertJsError(
      await jsError(client.send(new UpdateMissionProfileCommand({ missionProfileId: ZERO_UUID, minimumViableContactDurationSeconds: 0 }))),
      invalid('minimumViableContactDurationSeconds', /greater than or equal to 1/),
    );
  });

  it('CreateMissionProfile over a maximum or against a pattern is refused with 431 (boto3)', async () => {
    const calls = [
      { name: 'bad.name' },
      { name: 'n'.repeat(257) },
      { minimumViableContactDurationSeconds: 21601 },
      { contactPostPassDurationSeconds: 21601 },
      { dataflowEdges: [[parts.downlink, parts.s3, parts.s3]] },
      { trackingConfigArn: parts.tracking.replace(/[a-f0-9-]{36}$/, 'NOT-A-UUID-0000-0000-0000-000000000000') },
      { streamsKmsRole: 'arn:aws:iam::111122223333:role/service-role/StreamsKms' },
      { streamsKmsKey: { kmsAliasArn: 'arn:aws:kms:us-east-2:111122223333:key/not-an-alias' } },
      { streamsKmsKey: { kmsAliasName: 'groundstation-streams' } },
    ].map((changes) => ({ op: 'create_mission_profile', params: { ...valid(), ...changes } }));
    const outcomes = await boto3(server.url, [...calls, { op: 'list_mission_profiles' }]);
    assertBoto3Error(
      outcomes[0],
      invalid('name', /Value 'bad.name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern/),
    );
    assertBoto3Error(outcomes[1], invalid('name', /length less than or equal to 256/));
    assertBoto3Error(outcomes[2], invalid('minimumViableContactDurationSeconds', /less than or equal to 21600/));
    assertBoto3Error(outcomes[3], invalid('contactPostPassDurationSeconds', /less than or equal to 21600/));
    assertBoto3Error(outcomes[4], invalid('dataflowEdges[0]', /Member must have length less than or equal to 2/));
    assertBoto3Error(outcomes[5], invalid('trackingConfigArn', /regular expression pattern/));
    assertBoto3Error(outcomes[6], invalid('streamsKmsRole', /regular expression pattern/));
    assertBoto3Error(outcomes[7], invalid('streamsKmsKey.kmsAliasArn', /regular expression pattern/));
    assertBoto3Error(outcomes[8], invalid('streamsKmsKey.kmsAliasName', /regular expression pattern/));
    assert.deepEqual(outcomes[9]!.result.missionProfileList, [], 'nothing refused was stored');
  });

  it('CreateMissionProfile with two streamsKmsKey members is refused by boto3 and by the server with 431', async () => {
    const streamsKmsKey = { kmsKeyArn: 'arn:aws:kms:us-east-2:111122223333:key/abc', kmsAliasName: 'alias/streams' };
    const [viaBoto3] = await boto3(server.url, [{ op: 'create_mission_profile', params: { ...valid(), streamsKmsKey } }]);
    assert.match(viaBoto3!.clientError!, /Invalid number of parameters set for tagged union structure streamsKmsKey/);
    const response = await raw(server.url, 'POST', '/missionprofile', { body: { ...valid(), streamsKmsKey } });
    assertRawError(response, invalid('streamsKmsKey', /Member must have exactly one member set/));
    assertRawError(
      await raw(server.url, 'POST', '/missionprofile', { body: { ...valid(), streamsKmsKey: {} } }),
      invalid('streamsKmsKey', /found 0/),
    );
  });

  it('CreateMissionProfile with a member of the wrong JSON type is refused with 431 (raw HTTP)', async () => {
    assertRawError(
      await raw(server.url, 'POST', '/missionprofile', { body: { ...valid(), name: 5 } }),
      invalid('name', /Member must be a string/),
    );
    assertRawError(
      await raw(server.url, 'POST', '/missionprofile', { body: { ...valid(), minimumViableContactDurationSeconds: 1.5 } }),
      invalid('minimumViableContactDurationSeconds', /Member must be an integer/),
    );
    assertRawError(
      await raw(server.url, 'POST', '/missionprofile', { body: { ...valid(), dataflowEdges: 'x' } }),
      invalid('dataflowEdges', /Member must be a list/),
    );
  });

  it('GetMissionProfile, UpdateMissionProfile and DeleteMissionProfile of an unknown id are refused with 434 (boto3)', async () => {
    const outcomes = await boto3(server.url, [
      { op: 'get_mission_profile', params: { missionProfileId: ZERO_UUID } },
      { op: 'update_mission_profile', params: { missionProfileId: ZERO_UUID, name: 'x' } },
      { op: 'delete_mission_profile', params: { missionProfileId: ZERO_UUID } },
      { op: 'get_mission_profile', params: { missionProfileId: 'NOT-A-UU-0000-0000-0000-000000000000' } },
    ]);
    for (const outcome of outcomes.slice(0, 3)) {
      assertBoto3Error(outcome, {
        code: 'ResourceNotFoundException',
        status: 434,
        message: new RegExp(`Mission profile ${ZERO_UUID} was not found`),
      });
    }
    assertBoto3Error(outcomes[3], invalid('missionProfileId', /regular expression pattern/));
  });
});
