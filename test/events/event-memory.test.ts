import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../support/server.js';
import { createGroupsUnsigned, EndlessAnswerReceiver, registerAgentsFor, residentBytes, stalledStreams } from './event-load.js';
import { eventually, openEventStream, WebhookReceiver } from './event-sinks.js';

const EVENTS = 8000;
// Generous: holding a backlog per client cost 1,031 MB (stalled streams) and 214 MB (replays)
// before streams waited for their clients. 200 streams that each get every event still make
// garbage enough for the heap to grow by tens of megabytes, so that test has a wider bound.
const GROWTH_BOUND = 100 * 1024 * 1024;
const STALLED_GROWTH_BOUND = 200 * 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

describe('event delivery holds memory bounded, whatever clients and receivers do', () => {
  // A receiver that refuses everything: the outbox keeps every event, so replays have all of them.
  const refusing = new WebhookReceiver();
  let server: RunningServer;

  before(async () => {
    refusing.failing = true;
    server = await startServer({ args: ['--webhook', await refusing.start()] });
  });
  after(async () => {
    await server.stop();
    await refusing.close();
  });

  it('200 streams that never read, while 8,000 events are published, grow memory by a bounded amount; a reading stream gets every event in order', async (t) => {
    const groups = await createGroupsUnsigned(server.url, EVENTS);
    const reader = await openEventStream(server.url);
    const before = residentBytes(server.process.pid!);
    const stalled = await stalledStreams(server.port, 200);

    await registerAgentsFor(server.url, groups);
    const events = await eventually('every event', () => reader.events, (seen) => seen.length >= EVENTS);
    const growth = residentBytes(server.process.pid!) - before;
    await reader.close();
    for (const socket of stalled) socket.destroy();

    assert.equal(events.length, EVENTS);
    assert.ok(events.every((event, index) => index === 0 || event.id > events[index - 1]!.id));
    t.diagnostic(`memory grew by ${megabytes(growth)}`);
    assert.ok(growth < STALLED_GROWTH_BOUND, `memory grew by ${megabytes(growth)}`);
  });

  it('20 replays from Last-Event-ID 0 that never read grow memory by a bounded amount; a replay that reads gets the whole outbox, page by page', async (t) => {
    const before = residentBytes(server.process.pid!);
    const stalled = await stalledStreams(server.port, 20, { 'last-event-id': '0' });
    const replay = await openEventStream(server.url, 0);
    const events = await eventually('the whole replay', () => replay.events, (seen) => seen.length >= EVENTS);
    const growth = residentBytes(server.process.pid!) - before;
    await replay.close();
    for (const socket of stalled) socket.destroy();

    assert.equal(events.length, EVENTS);
    t.diagnostic(`memory grew by ${megabytes(growth)}`);
    assert.ok(growth < GROWTH_BOUND, `memory grew by ${megabytes(growth)}`);
  });
});

describe('webhook answers are read only up to a small limit', () => {
  const receiver = new EndlessAnswerReceiver();
  let server: RunningServer;

  before(async () => {
    server = await startServer({ args: ['--webhook', await receiver.start()] });
  });
  after(async () => {
    await server.stop();
    await receiver.close();
  });

  it('a webhook answering 200 with an endless body has each event once, and the server\'s memory stays bounded', async (t) => {
    const groups = await createGroupsUnsigned(server.url, 3);
    const before = residentBytes(server.process.pid!);
    await registerAgentsFor(server.url, groups);
    const received = await eventually('three deliveries', () => receiver.received, (ids) => ids.length >= 3);
    const growth = residentBytes(server.process.pid!) - before;

    assert.equal(new Set(received).size, received.length, 'no event was sent twice');
    t.diagnostic(`memory grew by ${megabytes(growth)}`);
    assert.ok(growth < GROWTH_BOUND, `memory grew by ${megabytes(growth)}`);
  });
});
