import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Envelope {
  version: string;
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** Polls until `ready` holds; fails after a generous deadline rather than asserting any timing. */
export async function eventually<T>(what: string, probe: () => T, ready: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = probe();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function readJsonl(path: string): Envelope[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Envelope);
}

/** A local HTTP server for webhooks to post to, on a free port; `start` gives its URL. */
export abstract class HookServer {
  private readonly server: Server = createServer((request, response) => this.answer(request, response));

  protected abstract answer(request: IncomingMessage, response: ServerResponse): void;

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A webhook receiver: answers 500 while `failing` (or for the next `failNext` requests), else records the event. */
export class WebhookReceiver extends HookServer {
  readonly accepted: Envelope[] = [];
  refused = 0;
  failNext = 0;
  failing = false;

  protected answer(request: IncomingMessage, response: ServerResponse): void {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (this.failing || this.failNext > 0) {
        this.failNext = Math.max(0, this.failNext - 1);
        this.refused++;
        response.writeHead(500).end();
        return;
      }
      this.accepted.push(JSON.parse(body) as Envelope);
      response.writeHead(204).end();
    });
  }
}

/** An Authorization header naming `account`'s key, as SDKs send it; open mode reads it, never checks it. */
export const signedAs = (account: string, region = 'us-east-2') => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260721/${region}/groundstation/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`,
});

export interface StreamedEvent {
  id: number;
  envelope: Envelope;
}

/** Reads GET /_local/events; resolves once the stream is open, so later events are all seen. */
export async function openEventStream(url: string, lastEventId?: number, query = '', headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${url}/_local/events${query}`, {
    headers: { ...headers, ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }) },
    signal: abort.signal,
  });
  const events: StreamedEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reading = (async () => {
    try {
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            frame.split('\n').filter((line) => !line.startsWith(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
          );
          if (fields.data !== undefined) events.push({ id: Number(fields.id), envelope: JSON.parse(fields.data) as Envelope });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    response,
    events,
    async close() {
      abort.abort();
      await reading;
    },
  };
}
