import type { Db } from '../store/database.js';
import { toEnvelope } from './envelope.js';
import { JsonlFileSink } from './file-sink.js';
import { Outbox } from './outbox.js';
import { SinkPump } from './sink-pump.js';
import type { DurableSink, EventPublisher, GroundStationEvent, OutboxEntry } from './types.js';
import { WebhookSink } from './webhook-sink.js';

export interface EventBusOptions {
  newId(): string;
  /** Append every event to this JSONL file. */
  eventsFile?: string;
  /** POST every event to each of these URLs. */
  webhooks?: readonly string[];
  /** Events kept after every durable sink has them, so live streams can replay (Last-Event-ID). */
  retainedForReplay?: number;
  log(message: string, error?: unknown): void;
}

export interface StreamSubscriber {
  /** Sends entries, in order; false once the client's buffer is full: nothing more until `resume`. */
  send(entries: readonly OutboxEntry[]): boolean;
  end(): void;
}

export interface StreamSubscription {
  /** The client took what was buffered: carry on from where the stream stopped. */
  resume(): void;
  unsubscribe(): void;
}

interface StreamPosition {
  after: number;
  /** Waiting for the client to read: nothing is read from the outbox for it meanwhile. */
  blocked: boolean;
}

// Small enough that the page a stalled client is handed costs little; one write per page.
const STREAM_PAGE = 100;
const PAGES_CACHED = 8;
const DEFAULT_RETAINED = 1000;
const PRUNE_BATCH = 100;

/**
 * Publishing writes the event into the outbox inside the caller's transaction, so a rolled-back
 * request publishes nothing and a committed one is never lost. After the transaction, durable
 * sinks (file, webhooks) are fed from their stored cursors and live streams from memory.
 */
export class EventBus implements EventPublisher {
  private readonly outbox: Outbox;
  private readonly pumps: SinkPump[];
  private readonly streams = new Map<StreamSubscriber, StreamPosition>();
  private readonly retained: number;
  private wakeScheduled = false;
  private prunedThrough = 0;
  private closed = false;

  constructor(db: Db, private readonly options: EventBusOptions) {
    this.outbox = new Outbox(db);
    this.retained = options.retainedForReplay ?? DEFAULT_RETAINED;
    const sinks: DurableSink[] = [
      ...(options.eventsFile ? [new JsonlFileSink(options.eventsFile)] : []),
      ...(options.webhooks ?? []).map((url) => new WebhookSink(url, options.log)),
    ];
    this.pumps = sinks.map((sink) => new SinkPump(sink, this.outbox, this.startingCursor(sink), options.log));
    for (const pump of this.pumps) pump.kick();
  }

  publish(event: GroundStationEvent): void {
    this.outbox.append(toEnvelope(event, this.options.newId()));
    this.scheduleWake();
  }

  /**
   * Streams events after `afterSeq` (or from now) until unsubscribed or the bus closes, page by
   * page from the outbox and only as fast as the client reads: a replay or a stalled client costs
   * one page, not the backlog.
   */
  subscribe(subscriber: StreamSubscriber, afterSeq?: number): StreamSubscription {
    const position: StreamPosition = { after: afterSeq ?? this.outbox.lastSeq(), blocked: false };
    this.streams.set(subscriber, position);
    this.scheduleWake();
    return {
      resume: () => {
        if (!position.blocked || this.closed || !this.streams.has(subscriber)) return;
        position.blocked = false;
        this.feedSafely(subscriber, position);
      },
      unsubscribe: () => this.streams.delete(subscriber),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const subscriber of this.streams.keys()) subscriber.end();
    this.streams.clear();
    await Promise.all(this.pumps.map((pump) => pump.stop()));
  }

  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => this.wake());
  }

  // Runs on a turn of its own: units of work commit within one synchronous call, so the outbox
  // read here holds only committed events.
  private wake(): void {
    this.wakeScheduled = false;
    if (this.closed) return;
    try {
      // Streams at the same place (most are: at the newest event) share the pages read for them.
      const pages = new PageCache(this.outbox);
      for (const [subscriber, position] of this.streams) if (!position.blocked) this.feed(subscriber, position, pages);
      this.prune();
    } catch (error) {
      this.options.log('event delivery failed', error);
    }
    for (const pump of this.pumps) pump.kick();
  }

  // A client's read comes on a turn of its own, outside any unit of work, like a wake.
  private feedSafely(subscriber: StreamSubscriber, position: StreamPosition): void {
    try {
      this.feed(subscriber, position, new PageCache(this.outbox));
    } catch (error) {
      this.options.log('event delivery failed', error);
    }
  }

  private feed(subscriber: StreamSubscriber, position: StreamPosition, pages: PageCache): void {
    for (let page = pages.after(position.after); page.length > 0; page = pages.after(position.after)) {
      position.after = page[page.length - 1]!.seq;
      if (!subscriber.send(page)) {
        position.blocked = true;
        return;
      }
    }
  }

  /**
   * A new sink starts with the events published from now on. A known sink resumes at its stored
   * cursor, or further on if the sink itself shows it received more before a crash.
   */
  private startingCursor(sink: DurableSink): number {
    const stored = this.outbox.cursor(sink.name);
    const held = sink.recover?.((id) => this.outbox.seqOfEventId(id));
    const cursor = Math.max(stored ?? this.outbox.lastSeq(), held ?? 0);
    this.outbox.setCursor(sink.name, cursor);
    return cursor;
  }

  /**
   * Drops what every durable sink and open stream has, keeping the newest few for replay; in
   * batches, as it costs a sync. A stalled stream holds events back only until it is cut off.
   */
  private prune(): void {
    const last = this.outbox.lastSeq();
    const streamed = [...this.streams.values()].map((position) => position.after);
    const through = Math.min(last - this.retained, ...this.pumps.map((pump) => pump.delivered), ...streamed);
    if (through < this.prunedThrough + PRUNE_BATCH) return;
    this.outbox.prune(through);
    this.prunedThrough = through;
  }
}

/** The outbox pages read during one delivery round, by the sequence they follow; only the last few are kept. */
class PageCache {
  private readonly pages = new Map<number, OutboxEntry[]>();

  constructor(private readonly outbox: Outbox) {}

  after(seq: number): OutboxEntry[] {
    let page = this.pages.get(seq);
    if (!page) {
      page = this.outbox.after(seq, STREAM_PAGE);
      if (this.pages.size >= PAGES_CACHED) this.pages.delete(this.pages.keys().next().value!);
      this.pages.set(seq, page);
    }
    return page;
  }
}
