import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { UUID } from '../support/assertions.js';
import { raw } from '../support/clients.js';
import { startServer, temporaryDataDir } from '../support/server.js';

interface Answer {
  status: number;
  headers: Record<string, string>;
  json: any;
}

/** The answers a connection received, in order, read by their Content-Length. */
function answersOf(bytes: Buffer): Answer[] {
  const answers: Answer[] = [];
  let rest = bytes;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    const [statusLine, ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    const body = rest.subarray(end + 4, end + 4 + length).toString('utf8');
    const status = Number(statusLine!.split(' ')[1]);
    if (status !== 100) answers.push({ status, headers, json: JSON.parse(body) });
    rest = rest.subarray(end + 4 + length);
  }
  return answers;
}

function openConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  const closed = new Promise<Answer[]>((resolve) => socket.on('close', () => resolve(answersOf(Buffer.concat(chunks)))));
  const continued = new Promise<void>((resolve) => socket.on('data', (chunk) => chunk.includes('100 Continue') && resolve()));
  const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
  return { socket, closed, continued, answered };
}

/** Waits until a new request is refused or not taken: the server has begun shutting down. */
async function shutdownBegun(url: string): Promise<void> {
  for (;;) {
    const status = await fetch(`${url}/_local/health`).then((response) => response.status, () => 0);
    if (status !== 200) return;
    await sleep(20);
  }
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: local\r\n\r\n`;

describe('shutting down on SIGTERM', () => {
  it('finishes the request in flight, answers the pipelined ones after it with a 503 ServiceUnavailableException, closes after the last', async () => {
    const dataDir = temporaryDataDir();
    const server = await startServer({ dataDir });
    const body = JSON.stringify({ name: 'in-flight', configData: { trackingConfig: { autotrack: 'PREFERRED' } } });
    const { socket, closed, continued } = openConnection(server.port);
    // The request is in flight: the server has read its headers (it says 100 Continue) when the signal comes.
    socket.write(`POST /config HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    await continued;
    const exited = server.stop('SIGTERM');
    await shutdownBegun(server.url);
    socket.write(body + get('/config') + get('/missionprofile'));
    const answers = await closed;
    assert.equal(await exited, 0);

    assert.deepEqual(answers.map((answer) => answer.status), [200, 503, 503]);
    const [created, ...refused] = answers as [Answer, Answer, Answer];
    assert.match(created.json.configId, UUID);
    for (const answer of refused) {
      assert.equal(answer.headers['x-amzn-errortype'], 'ServiceUnavailableException');
      assert.match(answer.headers['x-amzn-requestid'] ?? '', UUID);
      assert.match(answer.json.message, /shutting down/);
    }
    assert.notEqual(refused[0].headers.connection, 'close');
    assert.equal(refused[1].headers.connection, 'close');
    assert.doesNotMatch(server.output(), /"level":(50|60)/);

    const restarted = await startServer({ dataDir });
    try {
      const { configList } = (await raw(restarted.url, 'GET', '/config')).json;
      assert.deepEqual(configList.map((config: any) => config.name), ['in-flight']);
    } finally {
      await restarted.stop();
    }
  });

  it('closes idle keep-alive connections and exits 0 at once', async () => {
    const server = await startServer({ inMemory: true });
    const { socket, closed, answered } = openConnection(server.port);
    socket.write(get('/config'));
    await answered;
    const exited = server.stop('SIGTERM');
    assert.deepEqual((await closed).map((answer) => answer.status), [200]);
    assert.equal(await exited, 0);
  });
});
