import { CreateMissionProfileCommand, GetMissionProfileCommand, paginateListMissionProfiles } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertJsError } from '../support/assertions.js';
import { groundStationArn, jsClient, jsError } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { startServer, temporaryDataDir } from '../support/server.js';
import { createProfileParts } from '../support/setup.js';

// Requests that arrive together share one commit. A refused one in the middle of them takes the
// commit's work back and the requests before it run again: what they answer must be what is stored.
describe('writes sent together', () => {
  it('refused creates among accepted ones leave no trace, and every accepted create is stored as answered, across a restart', async () => {
    const dataDir = temporaryDataDir();
    let server = await startServer({ dataDir });
    try {
      let client = jsClient(server.url);
      const parts = await createProfileParts(server.url);
      const missingTracking = groundStationArn(`config/tracking/${ZERO_UUID}`);
      const sent = Array.from({ length: 40 }, (_, index) => ({
        name: `together ${index}`,
        refused: index % 2 === 1,
      }));
      const outcomes = await Promise.allSettled(
        sent.map(({ name, refused }) =>
          client.send(
            new CreateMissionProfileCommand({
              name,
              minimumViableContactDurationSeconds: 60,
              trackingConfigArn: refused ? missingTracking : parts.tracking,
              dataflowEdges: [[parts.downlink, parts.s3]],
              tags: { name },
            }),
          ),
        ),
      );

      const accepted = new Map<string, string>();
      for (const [index, outcome] of outcomes.entries()) {
        if (sent[index]!.refused) {
          assert.equal(outcome.status, 'rejected');
          assertJsError(await jsError(Promise.reject((outcome as PromiseRejectedResult).reason)), {
            code: 'ResourceNotFoundException',
            status: 434,
            message: /was not found/,
          });
        } else {
          assert.equal(outcome.status, 'fulfilled');
          accepted.set((outcome as PromiseFulfilledResult<{ missionProfileId?: string }>).value.missionProfileId!, sent[index]!.name);
        }
      }
      assert.equal(accepted.size, 20);

      for (let run = 0; run < 2; run++) {
        const listed = new Map<string, string>();
        for await (const page of paginateListMissionProfiles({ client }, {})) {
          for (const item of page.missionProfileList!) listed.set(item.missionProfileId!, item.name!);
        }
        assert.deepEqual(listed, accepted);
        for (const [missionProfileId, name] of accepted) {
          const profile = await client.send(new GetMissionProfileCommand({ missionProfileId }));
          assert.equal(profile.name, name);
          assert.deepEqual(profile.tags, { name });
        }
        if (run === 0) {
          await server.stop();
          server = await startServer({ dataDir });
          client = jsClient(server.url);
        }
      }
    } finally {
      await server.stop();
    }
  });
});
