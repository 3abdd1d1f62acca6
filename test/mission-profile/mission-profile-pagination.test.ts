import {
  CreateMissionProfileCommand,
  DeleteMissionProfileCommand,
  ListMissionProfilesCommand,
  paginateListMissionProfiles,
} from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, assertJsError } from '../support/assertions.js';
import { boto3, jsClient, jsError } from '../support/clients.js';
import { useServer } from '../support/server.js';
import { createProfileParts } from '../support/setup.js';

// Each test pages its own account, so the counts are exact.
const PAGED = { account: '222233334444' };
const GROWING = { account: '333344445555' };
const TOKEN = /^[A-Za-z0-9\-/+_.=]{3,1000}$/;
const invalid = (parameterName: string, message: RegExp) => ({ code: 'InvalidParameterException', status: 431, parameterName, message });

describe('mission profile pagination', () => {
  const server = useServer();
  let pagedIds: string[];
  before(async () => {
    const parts = await createProfileParts(server.url, PAGED);
    const profile = (index: number) => ({
      name: `paged-${index}`,
      minimumViableContactDurationSeconds: 60,
      dataflowEdges: [[parts.downlink, parts.s3]],
      trackingConfigArn: parts.tracking,
    });
    const created = await boto3(
      server.url,
      [0, 1, 2, 3, 4, 5, 6].map((index) => ({ op: 'create_mission_profile', params: profile(index) })),
      PAGED,
    );
    pagedIds = created.map((outcome) => outcome.result.missionProfileId);
  });

  it("ListMissionProfiles pages 7 profiles through boto3's paginator in pages of 3, each once, in creation order", async () => {
    const [paged, limited] = await boto3(
      server.url,
      [
        { paginate: 'list_mission_profiles', params: { PaginationConfig: { PageSize: 3 } } },
        { op: 'list_mission_profiles', params: { maxResults: 3 } },
      ],
      PAGED,
    );
    const pages = paged!.result as { missionProfileList: { missionProfileId: string }[]; nextToken?: string }[];
    assert.deepEqual(
      pages.map((page) => page.missionProfileList.length),
      [3, 3, 1],
    );
    assert.deepEqual(
      pages.flatMap((page) => page.missionProfileList.map((item) => item.missionProfileId)),
      pagedIds,
    );
    for (const page of pages.slice(0, 2)) assert.match(page.nextToken!, TOKEN);
    assert.equal(pages[2]!.nextToken, undefined, 'the last page carries no nextToken');
    assert.match(limited!.result.nextToken, TOKEN);
  });

  it('ListMissionProfiles pages stay stable while profiles are inserted and deleted between pages (JS)', async () => {
    const client = jsClient(server.url, GROWING);
    const parts = await createProfileParts(server.url, GROWING);
    const create = async (name: string) =>
      (
        await client.send(
          new CreateMissionProfileCommand({
            name,
            minimumViableContactDurationSeconds: 60,
            dataflowEdges: [[parts.downlink, parts.s3]],
            trackingConfigArn: parts.tracking,
          }),
        )
      ).missionProfileId!;
    const original: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) original.push(await create(name));

    const first = await client.send(new ListMissionProfilesCommand({ maxResults: 2 }));
    const late = await create('inserted between pages');
    await client.send(new DeleteMissionProfileCommand({ missionProfileId: first.missionProfileList![1]!.missionProfileId }));
    const seen = first.missionProfileList!.map((item) => item.missionProfileId!);
    let nextToken = first.nextToken;
    while (nextToken) {
      const page = await client.send(new ListMissionProfilesCommand({ maxResults: 2, nextToken }));
      seen.push(...page.missionProfileList!.map((item) => item.missionProfileId!));
      nextToken = page.nextToken;
    }
    assert.deepEqual(seen, [...original, late], 'every profile once, the late one at the end');
  });

  it('ListMissionProfiles through the JS paginator returns every profile', async () => {
    const ids: string[] = [];
    for await (const page of paginateListMissionProfiles({ client: jsClient(server.url, PAGED), pageSize: 4 }, {})) {
      ids.push(...page.missionProfileList!.map((item) => item.missionProfileId!));
    }
    assert.deepEqual(ids, pagedIds);
  });

  it('ListMissionProfiles with a nextToken it never issued is refused with 431 nextToken', async () => {
    const [unknown, badAlphabet, tooBig] = await boto3(
      server.url,
      [
        { op: 'list_mission_profiles', params: { nextToken: 'abcdef' } },
        { op: 'list_mission_profiles', params: { nextToken: 'abc!' } },
        { op: 'list_mission_profiles', params: { maxResults: 101 } },
      ],
      PAGED,
    );
    assertBoto3Error(unknown, invalid('nextToken', /Invalid nextToken: abcdef/));
    assertBoto3Error(badAlphabet, invalid('nextToken', /regular expression pattern/));
    assertBoto3Error(tooBig, invalid('maxResults', /Value '101' at 'maxResults' .* less than or equal to 100/));
    const zero = await jsError(jsClient(server.url, PAGED).send(new ListMissionProfilesCommand({ maxResults: 0 })));
    assertJsError(zero, invalid('maxResults', /greater than or equal to 1/));
  });
});
