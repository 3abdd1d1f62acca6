import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Services } from './api/context.js';
import type { EventPublisher } from './events/types.js';
import { checkErrorsAgainstModel, DependencyException, ServiceQuotaExceededException } from './api/errors.js';
import { model } from './api/model.js';
import { registerCatalogRoutes } from './admin/catalog-routes.js';
import { registerConsoleRoutes } from './admin/console-routes.js';
import { registerEventRoutes } from './admin/event-routes.js';
import { registerFaultRoutes } from './admin/fault-routes.js';
import { registerGeometryRoutes } from './admin/geometry-routes.js';
import { HEALTH_ROUTE, registerAdminRoutes } from './admin/routes.js';
import { Clock } from './clock/clock.js';
import { openPersistedClock, type SimulatedClockOptions } from './persisted-clock.js';
import { registerClockRoutes } from './admin/clock-routes.js';
import { agentHeartbeatChanges } from './agent/agent-heartbeats.js';
import { SatelliteTags } from './satellite/satellite-tags.js';
import { startChangeScheduler } from './schedule/change-scheduler.js';
import { PublishedChanges } from './schedule/published-changes.js';
import { contactChanges } from './contact/contact-events.js';
import { ContactIndex } from './contact/contact-index.js';
import { DEFAULT_CONTACT_SETTINGS, type ContactSettings } from './contact/contact-settings.js';
import { PassCache } from './contact/pass-cache.js';
import { ephemerisChanges } from './ephemeris/ephemeris-schedule.js';
import { TrajectoryCache } from './ephemeris/trajectory-cache.js';
import { EventBus } from './events/bus.js';
import { handlers } from './operations.js';
import { registerResetRoutes, resetAccounts } from './admin/reset-routes.js';
import { applyCatalogOptions, type CatalogOptions } from './satellite/onboarding.js';
import { SatelliteStore } from './satellite/satellite-store.js';
import { migrateSchema } from './schema.js';
import { ShutdownRefusals } from './protocol/shutdown.js';
import { clientErrorHandler, refuseExpectation, registerApi, sendFrameworkError } from './protocol/api.js';
import type { AccessKey } from './protocol/credentials-file.js';
import { keyIdAsAccount } from './protocol/identity.js';
import { SignatureVerifier } from './protocol/signature-auth.js';
import { isDatabaseFailure, limitDatabaseSize, openDatabase, type Db } from './store/database.js';
import { GroupCommit } from './store/group-commit.js';
import { ResourceQuotaExceeded, ResourceStore, type Scope } from './store/resources.js';

export interface AppOptions {
  dataDir?: string;
  inMemory?: boolean;
  logLevel?: string;
  /** Where log lines go (default standard output). */
  logStream?: { write(line: string): void };
  defaultScope?: Partial<Scope>;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Resources of all kinds together that one account may keep in one region (default 1,000,000). */
  maxResourcesPerAccountRegion?: number;
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
  /**
   * Strict mode: every request but GET /_local/health must carry a valid SigV4 signature by one of
   * these keys. Without it, signatures are not checked (open mode).
   */
  strictAuth?: { keys: AccessKey[] };
}

export const DEFAULT_SCOPE: Scope = { account: '000000000000', region: 'us-east-2' };
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

export interface App {
  server: FastifyInstance;
  services: Services;
  events: EventBus;
  /** Settles once the clock's latest change is on disk. */
  clockSaved(): Promise<void>;
  /** Forgets every resource of one account, or of all (POST /_local/reset). */
  reset(account?: string): Promise<void>;
  close(): Promise<void>;
}

/** Every component a handler may use, over one migrated database. */
export function buildServices(
  db: Db,
  clock: Clock,
  events: EventPublisher,
  options: Pick<AppOptions, 'contacts' | 'maxResourcesPerAccountRegion'> = {},
): Services {
  return {
    store: new ResourceStore(db, options.maxResourcesPerAccountRegion),
    clock,
    events,
    settings: { contacts: Object.freeze({ ...DEFAULT_CONTACT_SETTINGS, ...options.contacts }) },
    caches: { trajectories: new TrajectoryCache(), passes: new PassCache() },
    satellites: new SatelliteStore(db),
    satelliteTags: new SatelliteTags(db),
    contactIndex: new ContactIndex(db),
    publishedChanges: new PublishedChanges(db),
  };
}

/** The one place that wires clock, store, events, resources and protocol together. */
export function buildApp(options: AppOptions = {}): App {
  checkErrorsAgainstModel();
  const db = openDatabase({ dataDir: options.dataDir, inMemory: options.inMemory });
  // Every table is in place before any component prepares a statement.
  migrateSchema(db);
  const commits = new GroupCommit(db);
  const { clock, saved: clockSaved, replacedBrokenAnchor } = options.clock
    ? { clock: options.clock, saved: () => Promise.resolve(), replacedBrokenAnchor: false }
    : openPersistedClock(db, options.simulatedClock ?? {}, (work) => commits.run(work));
  // Events are written into the database with the unit of work that makes them, so whether that
  // unit is committed or rolled back decides whether they happened: no separate bookkeeping.
  const events = new EventBus(db, {
    newId: () => clock.newId(),
    eventsFile: options.eventsFile,
    webhooks: options.webhooks,
    log: (message, error) => server.log.warn({ err: error }, message),
  });
  const services = buildServices(db, clock, events, options);
  commits.onRollback(() => services.store.forgetCached());
  db.transaction(() => applyCatalogOptions(services.satellites, options.catalog ?? {}))();

  const server = Fastify({
    logger: { level: options.logLevel ?? 'info', ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: () => clock.newRequestId(),
    // One line per request would dominate the cost of a request; failures are logged by the API.
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (a measurable cost on the hot path); failures log their request id.
    childLoggerFactory: (logger) => logger,
    frameworkErrors: sendFrameworkError,
    // Requests that arrive while closing get our own refusal (ShutdownRefusals), not fastify's bare 503.
    return503OnClosing: false,
    clientErrorHandler: clientErrorHandler(() => clock.newRequestId()),
  });
  server.server.on('checkExpectation', refuseExpectation(() => clock.newRequestId()));
  if (replacedBrokenAnchor) server.log.warn('the stored simulated clock was not a usable time (past year 9999 or not a number); it starts anew');
  // Shutting down, requests in flight finish and those that arrive after are refused (ShutdownRefusals).
  let closing = false;
  const shutdownRefusals = new ShutdownRefusals();
  // A callback hook, not an async one: it runs on every request, and a promise per request shows.
  server.addHook('onRequest', (request, reply, done) => {
    reply.header('x-amzn-RequestId', request.id);
    if (closing) shutdownRefusals.refuse(request, reply);
    else done();
  });
  // Bodies arrive raw; the protocol layer decides what a body may be. JSON, which every client
  // sends, is also named: fastify caches the parser it finds for a named type, but parses the
  // Content-Type header and searches again on every request that only the catch-all matches.
  server.removeAllContentTypeParsers();
  for (const type of ['application/json', '*']) {
    server.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  }

  const verifier = options.strictAuth ? new SignatureVerifier(options.strictAuth.keys, () => clock.realNowMs()) : undefined;
  const accountOf = verifier?.accountOf ?? keyIdAsAccount;
  if (verifier) {
    // After the body is read, as its hash is signed; the health check stays open for launchers.
    server.addHook('preHandler', async (request) => {
      if (request.routeOptions.url === HEALTH_ROUTE) return;
      await verifier.verify({ method: request.method, url: request.raw.url ?? '/', headers: request.headers, body: request.body as Buffer | undefined });
    });
  }

  registerAdminRoutes(server, { storage: options.inMemory ? 'memory' : 'sqlite' });
  // Asked only once a request arrives, when the scheduler below exists.
  registerClockRoutes(server, clock, clockSaved, () => scheduler.nextChangeMs());
  const defaultScope = { ...DEFAULT_SCOPE, ...options.defaultScope };
  registerEventRoutes(server, events, { defaultScope, accountOf });
  const transaction = <T>(work: () => T) => commits.run(work);
  registerCatalogRoutes(server, { services, defaultScope, transaction });
  registerFaultRoutes(server, { services, defaultScope, accountOf, transaction });
  registerResetRoutes(server, { services, defaultScope, accountOf, transaction });
  registerGeometryRoutes(server, { services, defaultScope, accountOf });
  registerConsoleRoutes(server);
  registerApi(server, {
    accountOf,
    model,
    handlers,
    services,
    defaultScope,
    transaction,
    classifyFailure: (error) => {
      if (error instanceof ResourceQuotaExceeded) return new ServiceQuotaExceededException(error.message);
      return isDatabaseFailure(error)
        ? new DependencyException(`The database could not complete the request (${error.code}: ${error.message}); nothing was changed`)
        : undefined;
    },
  });

  const changeSources = [contactChanges(services), ephemerisChanges(services), agentHeartbeatChanges(services)];
  const scheduler = startChangeScheduler(services, changeSources, (work) => commits.run(work), server.log);
  // A request may reserve or cancel a contact, create an ephemeris or hear from an agent: the
  // scheduler's next wakeup moves. Asked once per shared transaction, not per request.
  commits.onSettled(() => scheduler.rearm());

  // Last, so the start's own writes always fit.
  if (options.maxDatabasePages !== undefined) limitDatabaseSize(db, options.maxDatabasePages);

  return {
    server,
    services,
    events,
    clockSaved,
    reset: (account) => transaction(() => resetAccounts(services, account)),
    async close() {
      closing = true;
      // A connection busy when the server began closing is closed as soon as its last answer is out,
      // not after the keep-alive timeout.
      const idleReaper = setInterval(() => server.server.closeIdleConnections(), 50);
      scheduler.stop();
      await events.close();
      await server.close();
      clearInterval(idleReaper);
      commits.flush();
      db.close();
    },
  };
}
