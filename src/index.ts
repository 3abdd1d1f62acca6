// Ground Station Local as a library: start the emulator inside a test process and drive it directly.
import type { AddressInfo } from 'node:net';
import { buildApp, type App } from './app.js';
import type { EventEnvelope } from './events/types.js';
import { readCredentialsFile } from './protocol/credentials-file.js';

export type { EventEnvelope } from './events/types.js';

/** An instant: a Date, an ISO-8601 string, or epoch milliseconds. */
export type Instant = Date | string | number;

export interface GroundStationLocalOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Port to listen on (default 0: a free one; `endpoint` says which). */
  port?: number;
  /** Where the SQLite database lives; without it state is kept in memory only. */
  dataDir?: string;
  /** Keep state in memory only, even when a data directory is named. */
  inMemory?: boolean;
  /** A simulated clock from `start` (default: now) at `rate` simulated seconds per second; 0 freezes it. */
  clock?: { start?: Instant; rate?: number };
  /** Seconds a contact stays SCHEDULING (and CANCELLING); default 1. */
  schedulingDelaySeconds?: number;
  /** Onboard the satellites of this TLE file (name line + 2 lines each) at start. */
  satellitesFile?: string;
  /** List Aqua (NORAD 27424) too. */
  includeAqua?: boolean;
  /** Append every event as one JSON line to this file. */
  eventsFile?: string;
  /** POST every event to each of these URLs. */
  webhooks?: string[];
  /** fatal, error, warn, info, debug, trace or silent (default warn). */
  logLevel?: string;
  /** Where log lines go (default standard output). */
  logStream?: { write(line: string): void };
  /** Caps the database at this many pages, so writes fail as on a full disk. */
  maxDatabasePages?: number;
  /** Largest request body accepted, in bytes (default 8 MiB). */
  maxBodyBytes?: number;
  /** Resources of all kinds together that one account may keep in one region (default 1,000,000). */
  maxResourcesPerAccountRegion?: number;
  /**
   * Strict mode: verify every request's SigV4 signature against the keys of this AWS
   * shared-credentials file (the default is open: no signature is checked).
   */
  credentialsFile?: string;
}

export interface GroundStationLocal {
  /** The URL to point clients at, e.g. http://127.0.0.1:40123. */
  readonly endpoint: string;
  readonly port: number;
  readonly clock: {
    now(): Date;
    /** Moves the clock forward to `time`; it never runs backwards. */
    set(time: Instant): Promise<void>;
    advance(seconds: number): Promise<void>;
    setRate(rate: number): Promise<void>;
  };
  /** Every event published from the moment iteration starts, until the server stops. */
  readonly events: AsyncIterable<EventEnvelope>;
  /** Forgets every resource of one account, or of all; the clock and the satellite catalog stay. */
  reset(options?: { account?: string }): Promise<void>;
  stop(): Promise<void>;
}

function instantMs(time: Instant): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(time)}`);
  return ms;
}

/** Starts the emulator and resolves once it listens. */
export async function startGroundStationLocal(options: GroundStationLocalOptions = {}): Promise<GroundStationLocal> {
  const { clock: clockOptions } = options;
  const strictAuth = options.credentialsFile === undefined ? undefined : { keys: await readCredentialsFile(options.credentialsFile) };
  const app = buildApp({
    strictAuth,
    dataDir: options.dataDir,
    inMemory: options.inMemory ?? options.dataDir === undefined,
    logLevel: options.logLevel ?? 'warn',
    logStream: options.logStream,
    simulatedClock: clockOptions && {
      startMs: clockOptions.start === undefined ? undefined : instantMs(clockOptions.start),
      rate: clockOptions.rate,
    },
    contacts: options.schedulingDelaySeconds === undefined ? {} : { transitionDelayMs: options.schedulingDelaySeconds * 1000 },
    eventsFile: options.eventsFile,
    webhooks: options.webhooks,
    catalog: { satellitesFile: options.satellitesFile, includeAqua: options.includeAqua },
    maxDatabasePages: options.maxDatabasePages,
    bodyLimit: options.maxBodyBytes,
    maxResourcesPerAccountRegion: options.maxResourcesPerAccountRegion,
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.server.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.server.server.address() as AddressInfo;
  const clock = app.services.clock;
  const changed = async (change: () => void) => {
    change();
    await app.clockSaved();
  };
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    clock: {
      now: () => clock.now(),
      set: (time) => changed(() => clock.set(instantMs(time))),
      advance: (seconds) => changed(() => clock.advance(seconds)),
      setRate: (rate) => changed(() => clock.setRate(rate)),
    },
    events: { [Symbol.asyncIterator]: () => subscription(app) },
    reset: ({ account } = {}) => app.reset(account),
    stop: () => app.close(),
  };
}

/**
 * The bus's stream as an async iterator: events queue until asked for, up to a page's worth, and
 * the stream waits while they do (the bus reads on as the iterator is read); return() unsubscribes.
 */
function subscription(app: App): AsyncIterator<EventEnvelope> {
  const QUEUE_LIMIT = 100;
  const queued: EventEnvelope[] = [];
  const waiting: ((result: IteratorResult<EventEnvelope>) => void)[] = [];
  let ended = false;
  let paused = false;
  const settle = () => {
    while (waiting.length > 0 && queued.length > 0) waiting.shift()!({ value: queued.shift()!, done: false });
    while (ended && waiting.length > 0) waiting.shift()!({ value: undefined, done: true });
    if (paused && queued.length === 0) {
      paused = false;
      stream.resume();
    }
  };
  const stream = app.events.subscribe({
    send: (entries) => {
      for (const entry of entries) queued.push(entry.envelope);
      paused = queued.length >= QUEUE_LIMIT;
      queueMicrotask(settle);
      return !paused;
    },
    end: () => {
      ended = true;
      settle();
    },
  });
  return {
    next: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        settle();
      }),
    return: async () => {
      stream.unsubscribe();
      ended = true;
      queued.length = 0;
      settle();
      return { value: undefined, done: true };
    },
  };
}
