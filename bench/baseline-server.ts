// The baseline: a bare node:http server answering a fixed GetMissionProfile-sized JSON body from
// memory. It runs as a child process, like the real server, and is driven by the same generator.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' }, 'body-file': { type: 'string' } } });
const body = Buffer.from(readFileSync(values['body-file']!, 'utf8'));

const answer = (response: ServerResponse): void => {
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': body.length,
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(body);
};

const server = createServer((request, response) => {
  if (request.method === 'GET') {
    request.resume();
    request.once('end', () => answer(response));
    return;
  }
  // The POST reference: read and parse the request's JSON body, as any server of the API must, and
  // answer the same fixed body. It shows what a write costs before any of its own work.
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.once('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    answer(response);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(Number(values.port), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
