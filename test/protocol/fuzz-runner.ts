import fc from 'fast-check';
import { model } from '../../src/api/model.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile } from '../contact/contact-support.js';
import { ACCOUNT, OTHER_ACCOUNT } from '../support/clients.js';
import { startServer } from '../support/server.js';
import { bodyText, encode, FUZZED, hostile, NEIGHBOURS, requestsFor, seed, send, snapshot, withoutRawMark, type FuzzRequest, type Pools } from './fuzz-requests.js';

export interface FuzzOptions {
  requests: number;
  /** fast-check's seed: the same seed sends the same requests. */
  seed: number;
  /** Called now and then with the requests sent so far. */
  progress?: (sent: number) => void;
}

export interface FuzzReport {
  requests: number;
  seed: number;
  seconds: number;
  /** Answers by status class (2xx, 4xx, 5xx), and by status and error type. */
  byClass: Record<string, number>;
  byStatus: Record<string, number>;
  /** How many of the model's operations, and of the admin routes, the run reached. */
  operations: number;
  adminRoutes: number;
  /** The operations that took the most time in all, with their count and total milliseconds. */
  costliest: { operation: string; count: number; totalMs: number }[];
  slowestMs: number;
  slowest: string;
  /** What broke a rule, at most a few of each kind; empty when the run passed. */
  failures: string[];
}

/** An answer may take at most this long; a request that blocks the server longer is a failure. */
export const SLOW_MS = 1000;
const FAILURES_KEPT = 20;

/** The one 5xx the server may give: a dependency (the database) failed. Every operation is implemented. */
function allowedServerError(status: number, errorType: string | null, message: unknown): boolean {
  return status === 531 && errorType === 'DependencyException' && typeof message === 'string' && message.startsWith('The database could not complete');
}

/** Requests to the admin API under /_local: reads, and changes with hostile bodies. Never a stream. */
function adminRequests(pools: Pools): fc.Arbitrary<FuzzRequest> {
  const anything = fc.oneof(hostile.number, hostile.timestamp, hostile.text, hostile.wrongType, fc.integer({ min: 0, max: 3600 }));
  const request = (method: string, path: string, body?: fc.Arbitrary<unknown>, route = path.split('?')[0]) =>
    (body ?? fc.constant(undefined)).map((value): FuzzRequest => ({
      operation: `admin ${method} ${route}`,
      method,
      path,
      ...(value !== undefined ? { body: typeof value === 'string' ? value : bodyText(value) } : {}),
    }));
  const contactId = fc.oneof(fc.constantFrom(...(pools.contactId as string[])), hostile.text.map(encode));
  const faultQuery = fc.constantFrom('', `?account=${FUZZED.account}`, '?account=12', '?region=mars-1', `?region=${FUZZED.region}`);
  return fc.oneof(
    request('GET', '/_local/health'),
    request('GET', '/_local/clock'),
    request('GET', '/_local/ground-stations'),
    request('GET', '/_local/satellites'),
    // The clock only moves forward by small steps, and stays frozen, so the seeded state stays in reach.
    request('POST', '/_local/clock', fc.oneof(
      fc.record({ set: fc.oneof(hostile.timestamp, hostile.number, hostile.wrongType) }),
      fc.record({ advanceSeconds: anything }),
      fc.record({ rate: fc.oneof(fc.constant(0), hostile.number, hostile.wrongType) }),
      fc.oneof(hostile.wrongType, hostile.text, fc.constant('{"set":')),
    )),
    request('POST', '/_local/satellites', fc.oneof(
      fc.record({ name: fc.oneof(hostile.text, hostile.wrongType), noradSatelliteID: anything, tle: fc.record({ line1: hostile.text, line2: hostile.text }) }, { requiredKeys: [] }),
      fc.record({ name: fc.constant('fuzz'), oem: fc.oneof(hostile.text, hostile.wrongType) }),
      fc.oneof(hostile.wrongType, hostile.text, hostile.nesting),
    )),
    fc.tuple(contactId, faultQuery).chain(([id, query]) =>
      request(
        'POST',
        `/_local/contacts/${id}/fault${query}`,
        fc.record({ status: fc.oneof(fc.constantFrom('FAILED', 'AWS_FAILED', 'AWS_CANCELLED'), hostile.text, hostile.wrongType), errorMessage: fc.oneof(hostile.text, hostile.wrongType) }, { requiredKeys: [] }),
        '/_local/contacts/{contactId}/fault',
      ),
    ),
    // A valid query would open an endless event stream: only refused ones are sent.
    fc.constantFrom('?account=12345', '?region=Mars', '?account=abc&region=us-east-2').chain((query) => request('GET', `/_local/events${query}`)),
    ...['track', 'sky', 'footprint'].map((kind) =>
      geometryQuery(pools).chain((query) => request('GET', `/_local/geometry/${kind}${query}`, undefined, `/_local/geometry/${kind}`)),
    ),
    // Resetting the fuzzed account would empty the pools: only refused resets are sent.
    fc.oneof(
      fc.constantFrom(`?account=${OTHER_ACCOUNT}`, '?region=us-east-2', '?account=12'),
      hostile.text.filter((text) => text !== ACCOUNT).map((text) => `?account=${encode(text)}`),
    ).chain((query) => request('POST', `/_local/reset${query}`, undefined, '/_local/reset')),
  );
}

/** Geometry queries: the seeded satellite and real stations over nearby days, or hostile values in any field. */
function geometryQuery(pools: Pools): fc.Arbitrary<string> {
  const seconds = fc.oneof(fc.integer({ min: CLOCK_START_SECONDS - 86_400, max: CLOCK_START_SECONDS + 3 * 86_400 }), hostile.timestamp, hostile.number);
  const fields = {
    satelliteId: fc.oneof(fc.constantFrom(...(pools.satelliteId as string[])), hostile.text),
    groundStation: fc.oneof(fc.constantFrom('Ohio 1', 'Oregon 1'), hostile.text),
    start: seconds,
    end: seconds,
    stepSeconds: fc.oneof(fc.integer({ min: 0, max: 600 }), hostile.number, hostile.text),
    altitudeKm: fc.oneof(fc.integer({ min: -10, max: 500_000 }), hostile.number, hostile.text),
  };
  return fc.record(fields, { requiredKeys: [] }).map((query) => {
    const pairs = Object.entries(query).map(([name, value]) => `${name}=${encode(typeof value === 'string' ? withoutRawMark(value) : JSON.stringify(value) ?? '')}`);
    return pairs.length > 0 ? `?${pairs.join('&')}` : '';
  });
}

/**
 * Starts a server on a frozen clock, seeds an account, and sends it `requests` requests built from
 * the model (all operations, clean and dirty) and the admin API, one at a time. Fails a request on
 * a 5xx that is not a database failure, an API refusal without an error
 * type, a JSON message missing, or an answer slower than SLOW_MS; fails the run if another account
 * or region changed, or the server logged an error.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const server = await startServer({ args: ['--clock-start', CLOCK_START, '--clock-rate', '0'] });
  const failures: string[] = [];
  const fail = (text: string) => {
    if (failures.length < FAILURES_KEPT) failures.push(text.length > 600 ? `${text.slice(0, 600)}…` : text);
  };
  const byClass: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const operations = new Map<string, { count: number; totalMs: number }>();
  let slowestMs = 0;
  let slowest = '';
  try {
    const pools = await seed(server.url);
    for (const neighbour of NEIGHBOURS) await createDownlinkProfile(server.url, 60, neighbour);
    const neighboursBefore = await Promise.all(NEIGHBOURS.map((neighbour) => snapshot(server.url, neighbour)));
    const requests = fc.oneof(
      ...Object.entries(model.operations).flatMap(([name, operation]) =>
        [true, false].map((clean) => ({ weight: name.startsWith('Delete') ? 1 : 4, arbitrary: requestsFor(name, operation, pools, clean) })),
      ),
      // About one request in twelve: enough that a slice reaches every admin route.
      { weight: 24, arbitrary: adminRequests(pools) },
    );
    const BATCH = 1000;
    for (let sent = 0, batch = 0; sent < options.requests; batch++) {
      const count = Math.min(BATCH, options.requests - sent);
      for (const request of fc.sample(requests, { numRuns: count, seed: options.seed + batch })) {
        const begun = performance.now();
        const response = await send(server.url, request);
        const ms = performance.now() - begun;
        const errorType = response.headers.get('x-amzn-errortype');
        const where = `${request.operation}: ${request.method} ${request.path.slice(0, 200)} ${(request.body ?? '').slice(0, 200)} -> ${response.status} ${errorType ?? ''} ${response.text.slice(0, 200)}`;
        const cost = operations.get(request.operation) ?? { count: 0, totalMs: 0 };
        operations.set(request.operation, { count: cost.count + 1, totalMs: cost.totalMs + ms });
        const statusClass = `${Math.floor(response.status / 100)}xx`;
        byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
        const statusKey = `${response.status} ${errorType ?? ''}`.trim();
        byStatus[statusKey] = (byStatus[statusKey] ?? 0) + 1;
        if (ms > slowestMs) [slowestMs, slowest] = [ms, where];
        if (ms > SLOW_MS) fail(`answered in ${Math.round(ms)} ms: ${where}`);
        if (response.status >= 500 && !allowedServerError(response.status, errorType, response.json?.message)) fail(`server error: ${where}`);
        if (response.status >= 400) {
          if (typeof response.json?.message !== 'string') fail(`refusal without a JSON message: ${where}`);
          if (!request.operation.startsWith('admin') && !errorType) fail(`refusal without X-Amzn-ErrorType: ${where}`);
        }
        if (++sent % 5000 === 0) options.progress?.(sent);
      }
    }
    const neighboursAfter = await Promise.all(NEIGHBOURS.map((neighbour) => snapshot(server.url, neighbour)));
    NEIGHBOURS.forEach((neighbour, index) => {
      if (neighboursAfter[index] !== neighboursBefore[index]) fail(`account ${neighbour.account} in ${neighbour.region} changed: ${neighboursBefore[index]} -> ${neighboursAfter[index]}`);
    });
    const logged = server.output().split('\n').filter((line) => /"level":(50|60)/.test(line));
    for (const line of logged) fail(`the server logged an error: ${line}`);
  } finally {
    await server.stop();
  }
  return {
    requests: options.requests,
    seed: options.seed,
    seconds: Math.round((Date.now() - started) / 1000),
    byClass,
    byStatus,
    operations: [...operations.keys()].filter((name) => name in model.operations).length,
    adminRoutes: [...operations.keys()].filter((name) => name.startsWith('admin ')).length,
    costliest: [...operations]
      .map(([operation, cost]) => ({ operation, count: cost.count, totalMs: Math.round(cost.totalMs) }))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, 5),
    slowestMs: Math.round(slowestMs),
    slowest,
    failures,
  };
}
