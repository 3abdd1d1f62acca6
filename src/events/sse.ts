import type { ServerResponse } from 'node:http';
import type { EventBus } from './bus.js';
import type { OutboxEntry } from './types.js';

/** Which events a stream shows: one account's (or every account's), one region's (or all). */
export interface StreamFilter {
  account?: string;
  region?: string;
}

const HEARTBEAT_MS = 15_000;
/** How long a client may leave events unread before it is cut off (README: event stream lag). */
const STALLED_CLIENT_LIMIT_MS = 30_000;

/**
 * Serves events as text/event-stream: `id:` is the outbox sequence, so a client reconnecting with
 * Last-Event-ID gets what it missed (as far as the outbox still holds it). Comments keep proxies
 * from closing an idle stream. Only events `filter` keeps are sent. Events go out as fast as
 * the client reads them; one that reads nothing for STALLED_CLIENT_LIMIT_MS while events wait is
 * disconnected, so it holds neither memory nor the outbox.
 */
export function streamEvents(
  bus: EventBus,
  response: ServerResponse,
  afterSeq: number | undefined,
  filter: StreamFilter,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.write(': connected\n\n');
  let stalled: NodeJS.Timeout | undefined;
  const heartbeat = setInterval(() => {
    if (!response.writableNeedDrain) response.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  const subscription = bus.subscribe(
    {
      send: (page) => {
        const frames = framesOf(page, filter);
        if (frames.length === 0 || response.write(frames)) return true;
        stalled ??= setTimeout(() => response.destroy(), STALLED_CLIENT_LIMIT_MS);
        return false;
      },
      // A client that is not reading could not take the end either.
      end: () => (response.writableNeedDrain ? response.destroy() : response.end()),
    },
    afterSeq,
  );
  response.on('drain', () => {
    clearTimeout(stalled);
    stalled = undefined;
    subscription.resume();
  });
  response.once('close', () => {
    clearInterval(heartbeat);
    clearTimeout(stalled);
    subscription.unsubscribe();
  });
}

// The bus hands the same page to every stream at that place: its frames are made once per filter,
// and every stream writes the same bytes.
const pageFrames = new WeakMap<readonly OutboxEntry[], Map<string, Buffer>>();

function framesOf(page: readonly OutboxEntry[], { account, region }: StreamFilter): Buffer {
  const key = `${account ?? '*'} ${region ?? '*'}`;
  let byFilter = pageFrames.get(page);
  if (!byFilter) pageFrames.set(page, (byFilter = new Map()));
  let frames = byFilter.get(key);
  if (!frames) {
    const kept = page.filter(({ envelope }) => (account === undefined || envelope.account === account) && (region === undefined || envelope.region === region));
    frames = Buffer.from(kept.map((entry) => `id: ${entry.seq}\ndata: ${entry.json}\n\n`).join(''));
    byFilter.set(key, frames);
  }
  return frames;
}

/** The sequence a Last-Event-ID names; undefined if absent, NaN if not a sequence. */
export function parseLastEventId(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,15}$/.test(value) ? Number(value) : NaN;
}
