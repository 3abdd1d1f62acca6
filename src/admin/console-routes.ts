import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { packageFile } from '../package-files.js';

// The console's files, built by scripts/bundle.mjs into dist/console/ and shipped in the package.
const FILES: Record<string, { file: string; type: string }> = {
  '': { file: 'index.html', type: 'text/html; charset=utf-8' },
  'console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  'console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
};

/** GET /_local/console: the web console, a client of this server's API; its URL is logged at start. */
export function registerConsoleRoutes(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  const read = (file: string) => {
    let content = cache.get(file);
    if (!content) cache.set(file, (content = readFileSync(packageFile(`dist/console/${file}`))));
    return content;
  };
  for (const [path, { file, type }] of Object.entries(FILES)) {
    app.get(path === '' ? '/_local/console' : `/_local/console/${path}`, async (_request, reply) =>
      reply.header('content-type', type).header('cache-control', 'no-cache').send(read(file)),
    );
  }
  app.addHook('onListen', (done) => {
    const address = app.addresses()[0];
    if (address && typeof address === 'object') {
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      app.log.info(`console at http://${host}:${address.port}/_local/console`);
    }
    done();
  });
}
