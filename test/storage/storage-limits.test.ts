import {
  CreateConfigCommand,
  GetConfigCommand,
  ListConfigsCommand,
  paginateListConfigs,
  type ConfigTypeData,
} from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { assertBoto3Error, assertJsError } from '../support/assertions.js';
import { boto3, jsClient, jsError } from '../support/clients.js';
import { configData } from '../support/fixtures.js';
import { freePort, mainScript, startServer, temporaryDataDir } from '../support/server.js';

/** Runs the CLI to its exit; resolves with the exit code and what it wrote. */
function runToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mainScript, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

// 2,000 characters of tags per config, within the documented limit of 256 a value.
const PADDING = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`padding${index}`, 'x'.repeat(250)]));

const tracking = (name: string) =>
  new CreateConfigCommand({ name, configData: configData.tracking as ConfigTypeData, tags: PADDING });

describe('storage limits', () => {
  it('A second server on the same data directory is refused with a clear message; the first keeps working', async () => {
    const dataDir = temporaryDataDir();
    const first = await startServer({ dataDir });
    try {
      const client = jsClient(first.url);
      const kept = await client.send(tracking('before the second server'));
      const second = await runToExit(['--port', String(await freePort()), '--data-dir', dataDir, '--log-level', 'warn']);
      assert.equal(second.code, 1);
      assert.match(second.stderr, /data directory .* is in use by another groundstation-local server/);
      const after = await client.send(tracking('after the second server'));
      const { configList } = await client.send(new ListConfigsCommand({}));
      assert.deepEqual(
        configList!.map((item) => item.configId),
        [kept.configId, after.configId],
      );
    } finally {
      await first.stop();
    }
  });

  it('CreateConfig on a full database is refused with 531 DependencyException; acknowledged data stays intact', async () => {
    const dataDir = temporaryDataDir();
    const roomy = await startServer({ dataDir });
    const stored: string[] = [];
    for (const index of [0, 1, 2, 3, 4]) stored.push((await jsClient(roomy.url).send(tracking(`earlier ${index}`))).configId!);
    await roomy.stop();
    // 1 page is below any database, so SQLite caps the file at its size at start-up: the next pages fail.
    const server = await startServer({ dataDir, env: { GSL_MAX_DATABASE_PAGES: '1' } });
    try {
      const client = jsClient(server.url);
      let full;
      for (let index = 0; index < 500 && !full; index++) {
        try {
          stored.push((await client.send(tracking(`later ${index}`))).configId!);
        } catch (error) {
          full = error;
        }
      }
      assert.ok(full, 'the database filled up');
      assertJsError(await jsError(Promise.reject(full)), { code: 'DependencyException', status: 531, message: /database or disk is full/ });
      const [viaBoto3] = await boto3(server.url, [
        { op: 'create_config', params: { name: 'boto3', configData: configData.tracking, tags: PADDING } },
      ]);
      assertBoto3Error(viaBoto3, { code: 'DependencyException', status: 531, message: /database or disk is full/ });

      // Writes that arrive together share one commit; each must be answered truthfully.
      const burst = await Promise.allSettled([1, 2, 3, 4, 5].map((index) => client.send(tracking(`burst ${index}`))));
      for (const outcome of burst) {
        if (outcome.status === 'fulfilled') stored.push(outcome.value.configId!);
        else assert.equal((outcome.reason as Error).name, 'DependencyException');
      }

      const listed: string[] = [];
      for await (const page of paginateListConfigs({ client }, {})) listed.push(...page.configList!.map((item) => item.configId!));
      assert.deepEqual([...listed].sort(), [...stored].sort(), 'exactly the acknowledged configs are stored');
      const first = await client.send(new GetConfigCommand({ configId: stored[0], configType: 'tracking' }));
      assert.equal(first.name, 'earlier 0');
    } finally {
      await server.stop();
    }
  });

  it('--max-resources caps what one account keeps in one region: a create past it is a 402 ServiceQuotaExceededException', async () => {
    const server = await startServer({ inMemory: true, args: ['--max-resources', '3'] });
    try {
      const create = (name: string) => ({ op: 'create_config', params: { name, configData: configData.tracking } });
      const outcomes = await boto3(server.url, [create('one'), create('two'), create('three'), create('four')]);
      assert.ok(outcomes.slice(0, 3).every((outcome) => outcome.result?.configId), JSON.stringify(outcomes));
      assertBoto3Error(outcomes[3], { code: 'ServiceQuotaExceededException', status: 402, message: /already keeps 3 resources in us-east-2, the most this server allows/ });
      const [listed] = await boto3(server.url, [{ op: 'list_configs' }]);
      assert.deepEqual(listed!.result.configList.map((config: any) => config.name), ['one', 'two', 'three']);
      // Other accounts and regions count on their own; a delete makes room again.
      const [elsewhere] = await boto3(server.url, [create('other region')], { region: 'us-west-2' });
      assert.ok(elsewhere!.result?.configId);
      const [deleted, again] = await boto3(server.url, [
        { op: 'delete_config', params: { configId: outcomes[0]!.result.configId, configType: 'tracking' } },
        create('after a delete'),
      ]);
      assert.ok(deleted!.result && again!.result?.configId, JSON.stringify([deleted, again]));
    } finally {
      await server.stop();
    }
  });

  it('--max-body-bytes sets the largest body taken: a larger one is a 413 RequestEntityTooLargeException', async () => {
    const server = await startServer({ inMemory: true, args: ['--max-body-bytes', '1000'] });
    try {
      const body = JSON.stringify({ name: 'x'.repeat(1000), configData: configData.tracking });
      const refused = await fetch(`${server.url}/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(refused.status, 413);
      assert.equal(refused.headers.get('x-amzn-errortype'), 'RequestEntityTooLargeException');
      const [small] = await boto3(server.url, [{ op: 'create_config', params: { name: 'small', configData: configData.tracking } }]);
      assert.ok(small!.result?.configId);
    } finally {
      await server.stop();
    }
  });
});
