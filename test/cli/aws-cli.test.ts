import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UUID } from '../support/assertions.js';
import { awsCli } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';

// The AWS CLI v1 finds the server through AWS_ENDPOINT_URL_GROUNDSTATION, as a user would set it.
describe('the AWS CLI', () => {
  const server = useServer();

  it('create-config, create-mission-profile, get-mission-profile and list-mission-profiles work; a refusal names the exception', async () => {
    const [tracking, parts, refused] = await Promise.all([
      awsCli(server.url, ['create-config', '--name', 'cli tracking', '--config-data', '{"trackingConfig":{"autotrack":"PREFERRED"}}']),
      createConfigs(server.url, ['antenna-downlink', 's3-recording']),
      awsCli(server.url, ['get-mission-profile', '--mission-profile-id', ZERO_UUID]),
    ]);
    assert.equal(tracking.code, 0, tracking.stderr);
    assert.equal(tracking.json.configType, 'tracking');

    const created = await awsCli(server.url, [
      'create-mission-profile',
      '--name',
      'cli profile',
      '--minimum-viable-contact-duration-seconds',
      '60',
      '--tracking-config-arn',
      tracking.json.configArn,
      '--dataflow-edges',
      JSON.stringify([[parts['antenna-downlink'], parts['s3-recording']]]),
      '--tags',
      'team=ops',
    ]);
    assert.equal(created.code, 0, created.stderr);
    const { missionProfileId } = created.json;
    assert.match(missionProfileId, UUID);

    const [got, listed] = await Promise.all([
      awsCli(server.url, ['get-mission-profile', '--mission-profile-id', missionProfileId]),
      awsCli(server.url, ['list-mission-profiles']),
    ]);
    assert.equal(got.code, 0, got.stderr);
    assert.deepEqual(
      { name: got.json.name, trackingConfigArn: got.json.trackingConfigArn, tags: got.json.tags, region: got.json.region },
      { name: 'cli profile', trackingConfigArn: tracking.json.configArn, tags: { team: 'ops' }, region: 'us-east-2' },
    );
    assert.deepEqual(
      listed.json.missionProfileList.map((item: { missionProfileId: string }) => item.missionProfileId),
      [missionProfileId],
    );

    assert.notEqual(refused.code, 0);
    assert.match(
      refused.stderr,
      /An error occurred \(ResourceNotFoundException\) when calling the GetMissionProfile operation.*: Mission profile .* was not found/,
    );
  });
});
