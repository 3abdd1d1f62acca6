import {
  CreateMissionProfileCommand,
  DeleteMissionProfileCommand,
  GetMissionProfileCommand,
  ListMissionProfilesCommand,
  UpdateMissionProfileCommand,
  type CreateMissionProfileCommandInput,
} from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertJsError } from '../support/assertions.js';
import { jsClient, jsError } from '../support/clients.js';
import { useServer } from '../support/server.js';
import { createProfileParts } from '../support/setup.js';

// The same operations through @aws-sdk/client-groundstation 3.523, which knows 9 of the 10 create members.
describe('mission profiles through the JS SDK', () => {
  const server = useServer();
  let parts: Awaited<ReturnType<typeof createProfileParts>>;
  before(async () => {
    parts = await createProfileParts(server.url);
  });

  const request = (): CreateMissionProfileCommandInput => ({
    name: 'js profile',
    contactPrePassDurationSeconds: 0,
    contactPostPassDurationSeconds: 21600,
    minimumViableContactDurationSeconds: 1,
    dataflowEdges: [[parts.downlink, parts.s3]],
    trackingConfigArn: parts.tracking,
    tags: { via: 'js' },
    streamsKmsKey: { kmsAliasArn: 'arn:aws:kms:us-east-2:111122223333:alias/streams' },
    streamsKmsRole: 'arn:aws:iam::111122223333:role/Streams',
  });

  it('CreateMissionProfile, GetMissionProfile, UpdateMissionProfile, ListMissionProfiles and DeleteMissionProfile work end to end', async () => {
    const client = jsClient(server.url);
    // JS 3.523 does not know telemetrySinkConfigArn and silently leaves it out of the request.
    const { missionProfileId } = await client.send(
      new CreateMissionProfileCommand({ ...request(), telemetrySinkConfigArn: parts.sink } as CreateMissionProfileCommandInput),
    );
    const arn = `arn:aws:groundstation:us-east-2:111122223333:mission-profile/${missionProfileId}`;
    const { $metadata: _created, ...created } = await client.send(new GetMissionProfileCommand({ missionProfileId }));
    assert.deepEqual(created, { ...request(), missionProfileId, missionProfileArn: arn, region: 'us-east-2' });

    const updated = await client.send(
      new UpdateMissionProfileCommand({
        missionProfileId,
        name: 'js renamed',
        contactPrePassDurationSeconds: 30,
        streamsKmsKey: { kmsKeyArn: 'any-key' },
      }),
    );
    assert.equal(updated.missionProfileId, missionProfileId);
    const { $metadata: _updated, ...afterUpdate } = await client.send(new GetMissionProfileCommand({ missionProfileId }));
    assert.deepEqual(afterUpdate, {
      ...request(),
      name: 'js renamed',
      contactPrePassDurationSeconds: 30,
      streamsKmsKey: { kmsKeyArn: 'any-key' },
      missionProfileId,
      missionProfileArn: arn,
      region: 'us-east-2',
    });

    const listed = await client.send(new ListMissionProfilesCommand({}));
    assert.deepEqual(listed.missionProfileList, [{ missionProfileId, missionProfileArn: arn, region: 'us-east-2', name: 'js renamed' }]);
    assert.equal(listed.nextToken, undefined);

    assert.equal((await client.send(new DeleteMissionProfileCommand({ missionProfileId }))).missionProfileId, missionProfileId);
    const gone = await jsError(client.send(new GetMissionProfileCommand({ missionProfileId })));
    assertJsError(gone, {
      code: 'ResourceNotFoundException',
      status: 434,
      message: new RegExp(`Mission profile ${missionProfileId} was not found`),
    });
  });

  it('GetMissionProfile leaves out pre/post-pass durations that were never set', async () => {
    const client = jsClient(server.url);
    const { contactPrePassDurationSeconds: _pre, contactPostPassDurationSeconds: _post, ...minimal } = request();
    const { missionProfileId } = await client.send(new CreateMissionProfileCommand(minimal));
    const profile = await client.send(new GetMissionProfileCommand({ missionProfileId }));
    assert.equal('contactPrePassDurationSeconds' in profile, false);
    assert.equal('contactPostPassDurationSeconds' in profile, false);
  });

  it('A refusal reaches JS as the modelled exception class with $fault client', async () => {
    const client = jsClient(server.url);
    const error = await client
      .send(new CreateMissionProfileCommand({ ...request(), trackingConfigArn: parts.s3 }))
      .catch((thrown) => thrown);
    assert.equal(error.constructor.name, 'InvalidParameterException');
    assert.equal(error.$fault, 'client');
    assertJsError(await jsError(Promise.reject(error)), {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'trackingConfigArn',
      message: /must name a tracking config/,
    });
  });
});
