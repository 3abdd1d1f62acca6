import autocannon, { type AutocannonRequest } from 'autocannon';
import type { SignedRequest } from './sign.js';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  ok: number;
  failed: number;
  /** Successful answers per second. */
  rps: number;
  /** Latency of successful answers, ms, from our own sub-millisecond record (autocannon's is whole ms). */
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  /** Successful answers to pool entries that carry a `kind`, by kind (e.g. how many writes were acknowledged). */
  okByKind: Record<string, number>;
}

/** A pool entry; `kind` marks the requests whose successful answers are counted apart. */
export interface PoolRequest extends SignedRequest {
  kind?: string;
}

export interface LoadOptions {
  url: string;
  /** Each connection cycles through this pool in order; every request is signed ahead of time. */
  pool: PoolRequest[];
  connections: number;
  durationSeconds?: number;
  /** A fixed number of requests instead of a duration. */
  amount?: number;
  /** Seconds of unmeasured load before the measured run. */
  warmupSeconds?: number;
}

// autocannon writes Content-Length itself; a second copy would be a malformed request.
// A per-response callback costs the generator CPU that the server shares (autocannon rebuilds the
// headers for it), so only a pool that mixes kinds gets one; a one-kind pool is counted by status.
const toAutocannon = (request: PoolRequest, okByKind: Record<string, number>, kindsMixed: boolean): AutocannonRequest => ({
  method: request.method,
  path: request.path,
  headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'content-length')),
  ...(request.body !== undefined ? { body: request.body } : {}),
  ...(kindsMixed && request.kind !== undefined ? { onResponse: (status: number) => countKind(okByKind, request.kind!, status) } : {}),
});

function countKind(okByKind: Record<string, number>, kind: string, status: number): void {
  if (status >= 200 && status < 300) okByKind[kind] = (okByKind[kind] ?? 0) + 1;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Drives `url` over keep-alive connections with autocannon; returns throughput and latency. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds) {
    await drive({ ...options, durationSeconds: options.warmupSeconds, amount: undefined, warmupSeconds: 0 });
  }
  return drive(options);
}

function drive(options: LoadOptions): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const statusCodes: Record<string, number> = {};
  const okByKind: Record<string, number> = {};
  const kinds = new Set(options.pool.map((request) => request.kind));
  const kindsMixed = kinds.size > 1;
  return new Promise((resolveResult, reject) => {
    const started = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSeconds ?? 5 }),
        timeout: 30,
        requests: options.pool.map((request) => toAutocannon(request, okByKind, kindsMixed)),
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const sorted = latencies.subarray(0, count).sort();
        const ok = Object.entries(statusCodes)
          .filter(([code]) => code.startsWith('2'))
          .reduce((sum, [, n]) => sum + n, 0);
        const total = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
        const [onlyKind] = kinds;
        if (!kindsMixed && onlyKind !== undefined && ok > 0) okByKind[onlyKind] = ok;
        resolveResult({
          connections: options.connections,
          seconds: result.duration || seconds,
          requests: total,
          ok,
          failed: total - ok + result.errors + result.timeouts,
          rps: ok / (result.duration || seconds),
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          statusCodes,
          okByKind,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode < 200 || statusCode >= 300) return;
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = responseTimeMs;
    });
  });
}
