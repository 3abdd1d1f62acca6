import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Services } from './api/context.js';
import { checkErrorsAgainstModel, DependencyException } from './api/errors.js';
import { model } from './api/model.js';
import { registerCatalogRoutes } from './admin/catalog-routes.js';
import { registerEventRoutes } from './admin/event-routes.js';
import { registerFaultRoutes } from './admin/fault-routes.js';
import { registerAdminRoutes } from './admin/routes.js';
import { Clock } from './clock/clock.js';
import { openPersistedClock, type SimulatedClockOptions } from './persisted-clock.js';
import { registerClockRoutes } from './admin/clock-routes.js';
import { agentHeartbeatChanges } from './agent/agent-heartbeats.js';
import { startChangeScheduler } from './schedule/change-scheduler.js';
import { contactChanges } from './contact/contact-events.js';
import { configureContacts, type ContactSettings } from './contact/contact-settings.js';
import { ephemerisChanges } from './ephemeris/ephemeris-schedule.js';
import { EventBus } from './events/bus.js';
import { handlers } from './operations.js';
import { configureCatalog, type CatalogOptions } from './satellite/onboarding.js';
import { registerApi, sendFrameworkError } from './protocol/api.js';
import { isDatabaseFailure, limitDatabaseSize, openDatabase } from './store/database.js';
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
  /** Start a simulated clock (kept in the database across restarts) instead of real time. */
  simulatedClock?: SimulatedClockOptions;
  /** Contact timings the service does not publish (scheduling delay, horizon, …). */
  contacts?: Partial<ContactSettings>;
  /** Append every event, one JSON envelope per line, to this file. */
  eventsFile?: string;
  /** POST every event to each of these URLs. */
  webhooks?: string[];
  /** Satellites to onboard at start, and whether Aqua is listed. */
  catalog?: CatalogOptions;
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
  const db = openDatabase({ dataDir: options.dataDir, inMemory: options.inMemory });
  const commits = new GroupCommit(db);
  const { clock, saved: clockSaved } = options.clock
    ? { clock: options.clock, saved: () => Promise.resolve() }
    : openPersistedClock(db, options.simulatedClock ?? {}, (work) => commits.run(work));
  configureContacts(options.contacts ?? {});
  // Events are written into the database with the unit of work that makes them, so whether that
  // unit is committed or rolled back decides whether they happened: no separate bookkeeping.
  const events = new EventBus(db, {
    newId: () => clock.newId(),
    eventsFile: options.eventsFile,
    webhooks: options.webhooks,
    log: (message, error) => server.log.warn({ err: error }, message),
  });
  const services: Services = { store: new ResourceStore(db), clock, events };
  commits.onRollback(() => services.store.forgetCached());
  configureCatalog(services.store, options.catalog ?? {});

  const server = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: () => clock.newRequestId(),
    // One line per request would dominate the cost of a request; failures are logged by the API.
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (a measurable cost on the hot path); failures log their request id.
    childLoggerFactory: (logger) => logger,
    frameworkErrors: sendFrameworkError,
  });
  // A callback hook, not an async one: it runs on every request, and a promise per request shows.
  server.addHook('onRequest', (request, reply, done) => {
    reply.header('x-amzn-RequestId', request.id);
    done();
  });
  // Bodies arrive raw; the protocol layer decides what a body may be. JSON, which every client
  // sends, is also named: fastify caches the parser it finds for a named type, but parses the
  // Content-Type header and searches again on every request that only the catch-all matches.
  server.removeAllContentTypeParsers();
  for (const type of ['application/json', '*']) {
    server.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  }

  registerAdminRoutes(server, { storage: options.inMemory ? 'memory' : 'sqlite' });
  registerClockRoutes(server, clock, clockSaved);
  registerEventRoutes(server, events);
  const defaultScope = { ...DEFAULT_SCOPE, ...options.defaultScope };
  const transaction = <T>(work: () => T) => commits.run(work);
  registerCatalogRoutes(server, { services, defaultScope, transaction });
  registerFaultRoutes(server, { services, defaultScope, transaction });
  registerApi(server, {
    model,
    handlers,
    services,
    defaultScope,
    transaction,
    classifyFailure: (error) =>
      isDatabaseFailure(error)
        ? new DependencyException(`The database could not complete the request (${error.code}: ${error.message}); nothing was changed`)
        : undefined,
  });

  const changeSources = [contactChanges(services), ephemerisChanges(services), agentHeartbeatChanges(services)];
  const scheduler = startChangeScheduler(services, changeSources, (work) => commits.run(work), server.log);
  // A request may reserve or cancel a contact, create an ephemeris or hear from an agent: the
  // scheduler's next wakeup moves. Asked once per shared transaction, not per request.
  commits.onSettled(() => scheduler.rearm());

  // Last, so every component's schema is already in place.
  if (options.maxDatabasePages !== undefined) limitDatabaseSize(db, options.maxDatabasePages);

  return {
    server,
    services,
    async close() {
      scheduler.stop();
      await events.close();
      await server.close();
      commits.flush();
      db.close();
    },
  };
}
