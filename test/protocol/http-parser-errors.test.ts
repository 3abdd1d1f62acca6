import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { UUID } from '../support/assertions.js';
import { raw } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  json: any;
}

/** Writes bytes no fetch would send on a fresh connection; reads the first answer until the server closes or 2 s pass. */
function sendBytes(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head!.split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]);
      if (!status) return reject(new Error(`no HTTP answer: ${JSON.stringify(text)}`));
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      let json: any;
      try {
        json = JSON.parse(rest.join('\r\n\r\n'));
      } catch {
        json = undefined;
      }
      resolve({ status, headers, json });
    });
    socket.setTimeout(2000, () => socket.destroy());
    socket.write(Buffer.from(request, 'utf8'));
  });
}

const REQUESTS: Record<string, { request: string; status: number; errorType: string; message: RegExp }> = {
  'a NUL byte in a header value': {
    request: 'GET /config HTTP/1.1\r\nHost: local\r\nX-Note: a\0b\r\n\r\n',
    status: 400,
    errorType: 'BadRequestException',
    message: /not valid HTTP\/1\.1: Invalid header value char/,
  },
  'Content-Length together with Transfer-Encoding': {
    request: 'POST /config HTTP/1.1\r\nHost: local\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    status: 400,
    errorType: 'BadRequestException',
    message: /Transfer-Encoding can't be present with Content-Length/,
  },
  'a Content-Length that is not a number': {
    request: 'POST /config HTTP/1.1\r\nHost: local\r\nContent-Length: 12abc\r\n\r\n',
    status: 400,
    errorType: 'BadRequestException',
    message: /Content-Length/,
  },
  'a URL over 16 KiB': {
    request: `GET /config?nextToken=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: local\r\n\r\n`,
    status: 400,
    errorType: 'RequestHeaderFieldsTooLargeException',
    message: /larger than the 16 KiB/,
  },
  'a header over 16 KiB': {
    request: `GET /config HTTP/1.1\r\nHost: local\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    status: 400,
    errorType: 'RequestHeaderFieldsTooLargeException',
    message: /larger than the 16 KiB/,
  },
  'an Expect other than 100-continue': {
    request: 'POST /config HTTP/1.1\r\nHost: local\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}',
    status: 417,
    errorType: 'ExpectationFailedException',
    message: /cannot meet Expect: 200-ok/,
  },
  'raw UTF-8 bytes in the path': {
    request: 'GET /config/tracking/é HTTP/1.1\r\nHost: local\r\n\r\n',
    status: 400,
    errorType: 'BadRequestException',
    message: /Invalid char in url path/,
  },
};

describe('requests that node’s HTTP parser refuses keep the error wire form', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ inMemory: true });
  });
  after(() => server.stop());

  for (const [name, expected] of Object.entries(REQUESTS)) {
    it(`${name}: ${expected.status} ${expected.errorType}, a request id, a JSON message, Connection: close`, async () => {
      const answer = await sendBytes(server.port, expected.request);
      assert.equal(answer.status, expected.status);
      assert.equal(answer.headers['x-amzn-errortype'], expected.errorType);
      assert.match(answer.headers['x-amzn-requestid'] ?? '', UUID);
      assert.match(answer.headers['content-type'] ?? '', /^application\/json/);
      assert.equal(answer.headers.connection, 'close');
      assert.match(answer.json?.message, expected.message);
    });
  }

  it('a body with an empty Content-Type is a 415 UnsupportedMediaTypeException, and no error is logged', async () => {
    const response = await raw(server.url, 'POST', '/config', { body: '{}', headers: { 'content-type': '' } });
    assert.equal(response.status, 415);
    assert.equal(response.headers.get('x-amzn-errortype'), 'UnsupportedMediaTypeException');
    assert.match(response.json.message, /no usable Content-Type/);
    assert.doesNotMatch(server.output(), /"level":50/);
  });

  it('the server still answers afterwards', async () => {
    assert.equal((await raw(server.url, 'GET', '/config')).status, 200);
  });
});
