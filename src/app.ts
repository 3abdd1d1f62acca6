import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Services } from './api/context.js';
import { checkErrorsAgainstModel, DependencyException } from './api/errors.js';
import { model } from './api/model.js';
import { registerAdminRoutes } from './admin/routes.js';
import { Clock } from './clock/clock.js';
import { EventBus } from './events/bus.js';
import { handlers } from './operations.js';
import { registerApi } from './protocol/api.js';
import { isDatabaseFailure, openDatabase } from './store/database.js';
import { GroupCommit } from './store/group-commit.js';
import { ResourceStore, type Scope } from './store/resources.js';

export interface AppOptions {
  dataDir?: string;
  inMemory?: boolean;
  logLevel?: string;
  defaultScope?: Partial<Scope>;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Caps the database size in pages: a way to exercise a full disk. */
  maxDatabasePages?: number;
  clock?: Clock;
}

export const DEFAULT_SCOPE: Scope = { account: '000000000000', region: 'us-east-2' };
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

export interface App {
  server: FastifyInstance;
  services: Services;
  close(): Promise<void>;
}

/** The one place that wires clock, store, events, resources and protocol together. */
export function buildApp(options: AppOptions = {}): App {
  checkErrorsAgainstModel();
  const clock = options.clock ?? new Clock();
  const db = openDatabase({ dataDir: options.dataDir, inMemory: options.inMemory, maxPageCount: options.maxDatabasePages });
  const events = new EventBus();
  const commits = new GroupCommit(db);
  commits.onSettled((committed) => (committed ? events.committed() : events.rolledBack()));
  const services: Services = { store: new ResourceStore(db), clock, events };

  const server = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: () => clock.newId(),
    // One line per request would dominate the cost of a request; failures are logged by the API.
    logController: new LogController({ disableRequestLogging: true }),
  });
  server.addHook('onRequest', async (request, reply) => {
    reply.header('x-amzn-RequestId', request.id);
  });
  // Bodies arrive raw; the protocol layer decides what a body may be.
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  registerAdminRoutes(server, { storage: options.inMemory ? 'memory' : 'sqlite' });
  registerApi(server, {
    model,
    handlers,
    services,
    defaultScope: { ...DEFAULT_SCOPE, ...options.defaultScope },
    transaction: (work) => inUnitOfWork(commits, events, work),
    classifyFailure: (error) =>
      isDatabaseFailure(error)
        ? new DependencyException(`The database failed (${error.code}): ${error.message}`)
        : undefined,
  });

  return {
    server,
    services,
    async close() {
      await server.close();
      commits.flush();
      db.close();
    },
  };
}

/** One request's work: its writes and its events stand or fall together. */
function inUnitOfWork<T>(commits: GroupCommit, events: EventBus, work: () => T): Promise<T> {
  return commits.run(() => {
    const mark = events.mark();
    try {
      return work();
    } catch (error) {
      events.rollbackTo(mark);
      throw error;
    }
  });
}
