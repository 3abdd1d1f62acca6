import {
  CreateConfigCommand,
  CreateDataflowEndpointGroupCommand,
  CreateMissionProfileCommand,
  GetConfigCommand,
  GetDataflowEndpointGroupCommand,
  GetMissionProfileCommand,
  ListConfigsCommand,
  TagResourceCommand,
  type ConfigTypeData,
  type EndpointDetails,
  type GroundStationClient,
} from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsClient, raw } from '../support/clients.js';
import { configData, endpointDetails } from '../support/fixtures.js';
import { startServer, temporaryDataDir } from '../support/server.js';

const strip = <T extends { $metadata?: unknown }>({ $metadata: _metadata, ...rest }: T) => rest;

/** A profile with its three configs, a tagged config and a group: one of everything the store keeps. */
async function createEverything(client: GroundStationClient, label: string) {
  const create = async (type: 'tracking' | 'antenna-downlink' | 's3-recording') =>
    (await client.send(
      new CreateConfigCommand({ name: `${label} ${type}`, configData: configData[type] as ConfigTypeData, tags: { label } }),
    ))!;
  const [tracking, downlink, s3] = [await create('tracking'), await create('antenna-downlink'), await create('s3-recording')];
  await client.send(new TagResourceCommand({ resourceArn: tracking.configArn, tags: { tagged: 'later' } }));
  const { missionProfileId } = await client.send(
    new CreateMissionProfileCommand({
      name: label,
      minimumViableContactDurationSeconds: 60,
      trackingConfigArn: tracking.configArn,
      dataflowEdges: [[downlink.configArn!, s3.configArn!]],
      tags: { label },
    }),
  );
  const { dataflowEndpointGroupId } = await client.send(
    new CreateDataflowEndpointGroupCommand({ endpointDetails: [endpointDetails()] as EndpointDetails[], tags: { label } }),
  );
  return { tracking, downlink, s3, missionProfileId, dataflowEndpointGroupId };
}

/** Everything a restart must keep, read back through the API. */
async function readBack(client: GroundStationClient, made: Awaited<ReturnType<typeof createEverything>>) {
  return {
    configs: await Promise.all(
      [made.tracking, made.downlink, made.s3].map(async (config) =>
        strip(await client.send(new GetConfigCommand({ configId: config.configId, configType: config.configType }))),
      ),
    ),
    profile: strip(await client.send(new GetMissionProfileCommand({ missionProfileId: made.missionProfileId }))),
    group: strip(await client.send(new GetDataflowEndpointGroupCommand({ dataflowEndpointGroupId: made.dataflowEndpointGroupId }))),
  };
}

describe('storage across restarts', () => {
  it('A restart after SIGTERM keeps profiles, configs, tags and dataflow endpoint groups', async () => {
    const dataDir = temporaryDataDir();
    const first = await startServer({ dataDir });
    const made = await createEverything(jsClient(first.url), 'sigterm');
    const before = await readBack(jsClient(first.url), made);
    assert.deepEqual(before.configs[0]!.tags, { label: 'sigterm', tagged: 'later' });
    assert.equal(await first.stop('SIGTERM'), 0);

    const second = await startServer({ dataDir });
    try {
      assert.deepEqual(await readBack(jsClient(second.url), made), before);
    } finally {
      await second.stop();
    }
  });

  it('A crash (SIGKILL) right after the answers keeps everything that was acknowledged', async () => {
    const dataDir = temporaryDataDir();
    const first = await startServer({ dataDir });
    const made = await createEverything(jsClient(first.url), 'sigkill');
    const before = await readBack(jsClient(first.url), made);
    // Writes answered a moment before the crash, sent together so they share a commit.
    const lastOnes = await Promise.all(
      [1, 2, 3].map((index) =>
        jsClient(first.url).send(new CreateConfigCommand({ name: `last ${index}`, configData: configData.tracking as ConfigTypeData })),
      ),
    );
    await first.stop('SIGKILL');

    const second = await startServer({ dataDir });
    try {
      const client = jsClient(second.url);
      assert.deepEqual(await readBack(client, made), before);
      const { configList } = await client.send(new ListConfigsCommand({}));
      for (const last of lastOnes)
        assert.ok(
          configList!.some((item) => item.configId === last.configId),
          `${last.configId} survived`,
        );
    } finally {
      await second.stop();
    }
  });

  it('--in-memory serves the API and keeps nothing after a restart', async () => {
    const first = await startServer({ inMemory: true });
    const health = await raw(first.url, 'GET', '/_local/health');
    assert.equal(health.json.storage, 'memory');
    await jsClient(first.url).send(new CreateConfigCommand({ name: 'fleeting', configData: configData.tracking as ConfigTypeData }));
    assert.equal((await jsClient(first.url).send(new ListConfigsCommand({}))).configList!.length, 1);
    await first.stop();

    const second = await startServer({ inMemory: true });
    try {
      assert.deepEqual((await jsClient(second.url).send(new ListConfigsCommand({}))).configList, []);
    } finally {
      await second.stop();
    }
  });
});
