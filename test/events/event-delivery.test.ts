import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAgentGroups, registerAgentRequest } from '../agent/agent-fixtures.js';
import { ACCOUNT, boto3, boto3Ok, OTHER_ACCOUNT, REGION } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { startServer, temporaryDataDir, type RunningServer } from '../support/server.js';
import { eventually, openEventStream, readJsonl, signedAs, WebhookReceiver, type Envelope } from './event-sinks.js';

const HEALTH_CHANGE = 'Ground Station Dataflow Endpoint Group Health Status Change';
const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const OURS = `?account=${ACCOUNT}`;
const groupIdsOf = (events: readonly Envelope[]) => events.map((event) => event.detail.dataflowEndpointGroupId);

describe('event delivery to the stream, the JSONL file and webhooks', () => {
  const receiver = new WebhookReceiver();
  const dataDir = temporaryDataDir();
  const eventsFile = join(dataDir, 'events', 'events.jsonl');
  let args: string[];
  let server: RunningServer;

  before(async () => {
    args = ['--events-file', eventsFile, '--webhook', await receiver.start()];
    server = await startServer({ dataDir, args });
  });
  after(async () => {
    await server.stop();
    await receiver.close();
  });

  it('RegisterAgent health changes reach every sink once, in order, as EventBridge envelopes; a webhook answering 500 gets them on retry', async () => {
    receiver.failNext = 3;
    const stream = await openEventStream(server.url, undefined, OURS);
    assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const groups = await createAgentGroups(server.url, 3);
    await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest(groups.map((group) => group.arn)) });

    const expected = groups.map((group) => group.id);
    const streamed = await eventually('the stream', () => stream.events, (events) => events.length >= 3);
    const filed = await eventually('the file', () => readJsonl(eventsFile), (lines) => lines.length >= 3);
    const posted = await eventually('the webhook', () => receiver.accepted, (events) => events.length >= 3);
    await stream.close();

    assert.deepEqual(groupIdsOf(streamed.map((event) => event.envelope)), expected);
    assert.deepEqual(filed, streamed.map((event) => event.envelope));
    assert.deepEqual(posted, filed);
    assert.ok(receiver.refused >= 3);
    assert.ok(streamed[0]!.id < streamed[1]!.id && streamed[1]!.id < streamed[2]!.id);

    const [first] = filed;
    assert.equal(first!.version, '0');
    assert.match(first!.id, UUID);
    assert.equal(first!['detail-type'], HEALTH_CHANGE);
    assert.equal(first!.source, 'aws.groundstation');
    assert.equal(first!.account, ACCOUNT);
    assert.equal(first!.region, REGION);
    assert.match(first!.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.deepEqual(first!.resources, [groups[0]!.arn]);
    assert.deepEqual(first!.detail, {
      dataflowEndpointGroupId: groups[0]!.id,
      dataflowEndpointGroupArn: groups[0]!.arn,
      healthStatus: 'HEALTHY',
      healthReasons: ['HEALTHY'],
    });

    // Reconnecting with the id of the first event replays the ones after it.
    const replay = await openEventStream(server.url, streamed[0]!.id, OURS);
    const replayed = await eventually('the replay', () => replay.events, (events) => events.length >= 2);
    await replay.close();
    assert.deepEqual(replayed, streamed.slice(1));
  });

  it('a refused request publishes nothing: its health change is undone with it', async () => {
    const [undone, marker] = await createAgentGroups(server.url, 2);
    const missingGroup = undone!.arn.replace(undone!.id, ZERO_UUID);
    const stream = await openEventStream(server.url, undefined, OURS);
    const [refused, accepted] = await boto3(server.url, [
      { op: 'register_agent', params: registerAgentRequest([undone!.arn, missingGroup]) },
      { op: 'register_agent', params: registerAgentRequest([marker!.arn]) },
    ]);
    assert.equal(refused!.error?.code, 'ResourceNotFoundException');
    assert.ok(accepted!.result.agentId);
    // Events arrive in order, so once the marker's is here, any from the refused request would be too.
    await eventually('the marker event', () => stream.events, (events) => events.length >= 1);
    await eventually('the marker in the file', () => readJsonl(eventsFile), (lines) => lines.at(-1)?.detail.dataflowEndpointGroupId === marker!.id);
    await stream.close();
    assert.deepEqual(groupIdsOf(stream.events.map((event) => event.envelope)), [marker!.id]);
    assert.ok(!groupIdsOf(readJsonl(eventsFile)).includes(undone!.id));
  });

  it('each caller sees its own account\'s events: a signed caller the account it signs for, an unsigned one the account it names; every account only with ?account=*', async () => {
    const other = { account: OTHER_ACCOUNT };
    const [all, mine, theirs, signedTheirs, elsewhere, unsignedDefault] = await Promise.all([
      openEventStream(server.url, undefined, '?account=*'),
      openEventStream(server.url, undefined, `?account=${ACCOUNT}&region=${REGION}`),
      openEventStream(server.url, undefined, `?account=${OTHER_ACCOUNT}`),
      openEventStream(server.url, undefined, '', signedAs(OTHER_ACCOUNT)),
      openEventStream(server.url, undefined, '?region=eu-north-1&account=*'),
      openEventStream(server.url),
    ]);
    const [ours] = await createAgentGroups(server.url, 1);
    const [their] = await createAgentGroups(server.url, 1, other);
    await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([ours!.arn]) });
    await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([their!.arn]) }, other);
    await eventually('both events', () => all.events, (events) => events.length >= 2);
    await eventually('their event', () => theirs.events, (events) => events.length >= 1);
    await eventually('their signed event', () => signedTheirs.events, (events) => events.length >= 1);
    await eventually('our event', () => mine.events, (events) => events.length >= 1);
    for (const stream of [all, mine, theirs, signedTheirs, elsewhere, unsignedDefault]) await stream.close();
    assert.deepEqual(groupIdsOf(all.events.map((event) => event.envelope)), [ours!.id, their!.id]);
    assert.deepEqual(groupIdsOf(mine.events.map((event) => event.envelope)), [ours!.id]);
    assert.deepEqual(groupIdsOf(theirs.events.map((event) => event.envelope)), [their!.id]);
    assert.deepEqual(groupIdsOf(signedTheirs.events.map((event) => event.envelope)), [their!.id], 'a caller signed as another account never sees ours');
    assert.deepEqual(elsewhere.events, []);
    assert.deepEqual(unsignedDefault.events, [], 'an unsigned caller sees the default account, which published nothing');
  });

  it('a signed caller naming another account, or every account, is refused (403); a malformed filter is refused (400)', async () => {
    for (const [query, headers, status, message] of [
      [`?account=${ACCOUNT}`, signedAs(OTHER_ACCOUNT), 403, `The request is signed for account ${OTHER_ACCOUNT}; it cannot act as or see account ${ACCOUNT}`],
      ['?account=*', signedAs(OTHER_ACCOUNT), 403, `The request is signed for account ${OTHER_ACCOUNT}; it cannot act as or see account *`],
      ['?account=12', {}, 400, 'account must be a 12-digit AWS account id or *, not 12'],
      ['?region=Mars', {}, 400, 'region must be an AWS region name such as us-east-2, not Mars'],
    ] as const) {
      const response = await fetch(`${server.url}/_local/events${query}`, { headers });
      assert.equal(response.status, status);
      assert.deepEqual(await response.json(), { message });
    }
  });

  it('a crash (SIGKILL) neither loses nor repeats file and webhook deliveries', async () => {
    await eventually('earlier webhook deliveries', () => receiver.accepted.length, (count) => count === readJsonl(eventsFile).length);
    receiver.failing = true;
    const groups = await createAgentGroups(server.url, 2);
    await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest(groups.map((group) => group.arn)) });
    await eventually('the file', () => groupIdsOf(readJsonl(eventsFile)), (ids) => ids.includes(groups[1]!.id));
    await server.stop('SIGKILL');

    receiver.failing = false;
    server = await startServer({ dataDir, args });
    const [later] = await createAgentGroups(server.url, 1);
    await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([later!.arn]) });

    const filed = await eventually('the file', () => readJsonl(eventsFile), (lines) => lines.at(-1)?.detail.dataflowEndpointGroupId === later!.id);
    const posted = await eventually('the webhook', () => receiver.accepted, (events) => events.length >= filed.length);
    const ids = filed.map((event) => event.id);
    assert.equal(new Set(ids).size, ids.length, 'the file repeats no event');
    assert.deepEqual(groupIdsOf(filed.slice(-3)), [groups[0]!.id, groups[1]!.id, later!.id]);
    assert.deepEqual(posted.map((event) => event.id), ids, 'the webhook got every event once, in order');
  });
});
