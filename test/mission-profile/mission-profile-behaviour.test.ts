import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { boto3, boto3Ok } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';
import { createProfileParts } from '../support/setup.js';

describe('mission profiles through boto3', () => {
  let server: RunningServer;
  let parts: Awaited<ReturnType<typeof createProfileParts>>;
  before(async () => {
    server = await startServer();
    parts = await createProfileParts(server.url);
  });
  after(() => server.stop());

  const fullRequest = () => ({
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
  });

  it('CreateMissionProfile with all ten seed parameters round-trips through GetMissionProfile', async () => {
    const request = fullRequest();
    const { missionProfileId } = await boto3Ok(server.url, { op: 'create_mission_profile', params: request });
    assert.match(missionProfileId, /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
    const profile = await boto3Ok(server.url, { op: 'get_mission_profile', params: { missionProfileId } });
    assert.deepEqual(profile, {
      ...request,
      missionProfileId,
      missionProfileArn: `arn:aws:groundstation:us-east-2:111122223333:mission-profile/${missionProfileId}`,
      region: 'us-east-2',
    });
  });

  it('UpdateMissionProfile changes only the fields supplied', async () => {
    const request = fullRequest();
    const { missionProfileId } = await boto3Ok(server.url, { op: 'create_mission_profile', params: request });
    const [updated, profile] = await boto3(server.url, [
      { op: 'update_mission_profile', params: { missionProfileId, minimumViableContactDurationSeconds: 300, streamsKmsKey: { kmsKeyArn: 'arn:aws:kms:us-east-2:111122223333:key/abc' } } },
      { op: 'get_mission_profile', params: { missionProfileId } },
    ]);
    assert.deepEqual(updated!.result, { missionProfileId });
    assert.deepEqual(profile!.result, {
      ...request,
      minimumViableContactDurationSeconds: 300,
      streamsKmsKey: { kmsKeyArn: 'arn:aws:kms:us-east-2:111122223333:key/abc' },
      missionProfileId,
      missionProfileArn: `arn:aws:groundstation:us-east-2:111122223333:mission-profile/${missionProfileId}`,
      region: 'us-east-2',
    });
  });
});
