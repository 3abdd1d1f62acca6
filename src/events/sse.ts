import type { ServerResponse } from 'node:http';
import type { EventBus } from './bus.js';
import type { EventEnvelope } from './types.js';

const HEARTBEAT_MS = 15_000;

/**
 * Serves events as text/event-stream: `id:` is the outbox sequence, so a client reconnecting with
 * Last-Event-ID gets what it missed (as far as the outbox still holds it). Comments keep proxies
 * from closing an idle stream. Only events `wanted` accepts are sent.
 */
export function streamEvents(
  bus: EventBus,
  response: ServerResponse,
  afterSeq: number | undefined,
  wanted: (envelope: EventEnvelope) => boolean,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.write(': connected\n\n');
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const unsubscribe = bus.subscribe(
    {
      send: (entry) => {
        if (wanted(entry.envelope)) response.write(`id: ${entry.seq}\ndata: ${entry.json}\n\n`);
      },
      end: () => response.end(),
    },
    afterSeq,
  );
  response.once('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/** The sequence a Last-Event-ID names; undefined if absent, NaN if not a sequence. */
export function parseLastEventId(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,15}$/.test(value) ? Number(value) : NaN;
}
