// The baseline: a bare node:http server answering a fixed GetMissionProfile-sized JSON body from
// memory. It runs as a child process, like the real server, and is driven by the same generator.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' }, 'body-file': { type: 'string' } } });
const body = Buffer.from(readFileSync(values['body-file']!, 'utf8'));

const server = createServer((request, response) => {
  request.resume();
  request.once('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': body.length,
      'x-amzn-RequestId': randomUUID(),
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(Number(values.port), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
