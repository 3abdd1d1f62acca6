import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertJsError } from '../support/assertions.js';
import { ACCOUNT, boto3, jsClient, jsError, OTHER_ACCOUNT } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { startServer, type RunningServer } from '../support/server.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { assertTagOperationsNotFound } from './tag-support.js';

const [NOAA20, SUOMI, TERRA] = BUNDLED;
const regionless = (satelliteId: string, account = ACCOUNT) => `arn:aws:groundstation::${account}:satellite/${satelliteId}`;
const regional = (satelliteId: string, region = 'us-east-2', account = ACCOUNT) => `arn:aws:groundstation:${region}:${account}:satellite/${satelliteId}`;

describe('tags on satellites', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ inMemory: true });
  });
  after(() => server.stop());

  it('TagResource, UntagResource and ListTagsForResource work on a satellite ARN, region-less or regional alike (boto3)', async () => {
    const satelliteId = NOAA20!.satelliteId;
    const [listed, tagged, viaRegional, viaOtherRegion, untagged, relisted] = await boto3(server.url, [
      { op: 'list_satellites' },
      { op: 'tag_resource', params: { resourceArn: regionless(satelliteId), tags: { Name: 'JPSS-1', team: 'ops' } } },
      { op: 'list_tags_for_resource', params: { resourceArn: regional(satelliteId) } },
      { op: 'list_tags_for_resource', params: { resourceArn: regional(satelliteId, 'eu-west-1') } },
      { op: 'untag_resource', params: { resourceArn: regional(satelliteId), tagKeys: ['team'] } },
      { op: 'list_tags_for_resource', params: { resourceArn: regionless(satelliteId) } },
    ]);
    // The ARN ListSatellites gives is the region-less one.
    const satellite = listed!.result.satellites.find((s: { satelliteId: string }) => s.satelliteId === satelliteId);
    assert.equal(satellite.satelliteArn, regionless(satelliteId));
    assert.deepEqual(tagged!.result, {});
    assert.deepEqual(viaRegional!.result, { tags: { Name: 'JPSS-1', team: 'ops' } });
    assert.deepEqual(viaOtherRegion!.result, { tags: { Name: 'JPSS-1', team: 'ops' } });
    assert.deepEqual(untagged!.result, {});
    assert.deepEqual(relisted!.result, { tags: { Name: 'JPSS-1' } });
  });

  it('a satellite has no tags until tagged, and each account sees only its own tags on a shared satellite (boto3)', async () => {
    const satelliteId = SUOMI!.satelliteId;
    const other = { account: OTHER_ACCOUNT };
    const [untouched] = await boto3(server.url, [{ op: 'list_tags_for_resource', params: { resourceArn: regionless(satelliteId) } }]);
    assert.deepEqual(untouched!.result, { tags: {} });
    await boto3(server.url, [{ op: 'tag_resource', params: { resourceArn: regionless(satelliteId), tags: { Name: 'ours' } } }]);
    const [theirs, tagged, theirsAfter] = await boto3(
      server.url,
      [
        { op: 'list_tags_for_resource', params: { resourceArn: regionless(satelliteId, OTHER_ACCOUNT) } },
        { op: 'tag_resource', params: { resourceArn: regionless(satelliteId, OTHER_ACCOUNT), tags: { Name: 'theirs' } } },
        { op: 'list_tags_for_resource', params: { resourceArn: regionless(satelliteId, OTHER_ACCOUNT) } },
      ],
      other,
    );
    assert.deepEqual(theirs!.result, { tags: {} });
    assert.deepEqual(tagged!.result, {});
    assert.deepEqual(theirsAfter!.result, { tags: { Name: 'theirs' } });
    const [ours] = await boto3(server.url, [{ op: 'list_tags_for_resource', params: { resourceArn: regionless(satelliteId) } }]);
    assert.deepEqual(ours!.result, { tags: { Name: 'ours' } });
  });

  it('a satellite ARN of another account or of an unknown satellite is refused with 434, and no tags change (boto3)', async () => {
    const satelliteId = TERRA!.satelliteId;
    const refused = [regionless(satelliteId, OTHER_ACCOUNT), regionless(ZERO_UUID), regional(ZERO_UUID)];
    await assertTagOperationsNotFound(server.url, refused);
    const [ours] = await boto3(server.url, [{ op: 'list_tags_for_resource', params: { resourceArn: regionless(satelliteId) } }]);
    const [theirs] = await boto3(server.url, [{ op: 'list_tags_for_resource', params: { resourceArn: regionless(satelliteId, OTHER_ACCOUNT) } }], {
      account: OTHER_ACCOUNT,
    });
    assert.deepEqual([ours!.result, theirs!.result], [{ tags: {} }, { tags: {} }]);
  });

  it('TagResource, UntagResource and ListTagsForResource work on a satellite ARN (JS)', async () => {
    const client = jsClient(server.url);
    const resourceArn = regional(TERRA!.satelliteId);
    await client.send(new TagResourceCommand({ resourceArn, tags: { Name: 'Terra', band: 'X' } }));
    await client.send(new UntagResourceCommand({ resourceArn, tagKeys: ['band'] }));
    const { tags } = await client.send(new ListTagsForResourceCommand({ resourceArn: regionless(TERRA!.satelliteId) }));
    assert.deepEqual(tags, { Name: 'Terra' });
    const refused = await jsError(client.send(new ListTagsForResourceCommand({ resourceArn: regionless(ZERO_UUID) })));
    assertJsError(refused, { code: 'ResourceNotFoundException', status: 434, message: /was not found/ });
  });
});
