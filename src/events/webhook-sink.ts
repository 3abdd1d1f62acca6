import { setTimeout as sleep } from 'node:timers/promises';
import type { DurableSink, OutboxEntry } from './types.js';

const FIRST_RETRY_MS = 100;
const LONGEST_RETRY_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** Most of a receiver's answer read (and dropped); what matters is its status. */
const RESPONSE_BODY_LIMIT = 64 * 1024;

/**
 * POSTs each envelope to a URL, one at a time so order holds, retrying with exponential backoff
 * until a 2xx. The envelope id never changes between attempts, so a receiver can drop a repeat.
 */
export class WebhookSink implements DurableSink {
  readonly name: string;
  readonly batchSize = 1;
  private readonly stopping = new AbortController();

  constructor(
    private readonly url: string,
    private readonly log: (message: string) => void,
  ) {
    this.name = `webhook:${url}`;
  }

  async deliver([entry]: readonly OutboxEntry[]): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const failure = await this.post(entry!);
      if (failure === undefined) return 1;
      if (this.stopping.signal.aborted) return 0;
      const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
      this.log(`webhook ${this.url}: event ${entry!.seq} not delivered (${failure}); retry ${attempt + 1} in ${delay} ms`);
      try {
        await sleep(delay, undefined, { signal: this.stopping.signal });
      } catch {
        return 0;
      }
    }
  }

  interrupt(): void {
    this.stopping.abort();
  }

  /** Undefined on success, else why it failed. */
  private async post(entry: OutboxEntry): Promise<string | undefined> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gsl-event-sequence': String(entry.seq) },
        body: entry.json,
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      await discardBody(response);
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

/**
 * Reads a small answer to its end, so the connection can serve the next event; a longer (or
 * endless) one is cut off, never held in memory.
 */
async function discardBody(response: Response): Promise<void> {
  if (!response.body) return;
  let received = 0;
  for await (const chunk of response.body) {
    received += chunk.byteLength;
    if (received > RESPONSE_BODY_LIMIT) break; // leaving the loop cancels the body
  }
}
