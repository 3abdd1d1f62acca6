// An event as a resource module publishes it; the envelope (id, version, source) is added on publish.
export interface GroundStationEvent {
  detailType: string;
  account: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
  /** The nominal moment of the change, on the emulator's clock. */
  time: Date;
}

export interface EventPublisher {
  /** Called inside a request's transaction; delivered only once that transaction commits. */
  publish(event: GroundStationEvent): void;
}

/** The EventBridge envelope every sink receives. */
export interface EventEnvelope {
  version: '0';
  id: string;
  'detail-type': string;
  source: 'aws.groundstation';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** An envelope with its place in the outbox: the order every sink delivers in. */
export interface OutboxEntry {
  seq: number;
  envelope: EventEnvelope;
  /** The envelope as stored, so sinks send exactly the bytes that were committed. */
  json: string;
}

/** A sink that must receive every event exactly once, surviving restarts: it keeps a cursor. */
export interface DurableSink {
  /** Stable across restarts: the key of its cursor. */
  readonly name: string;
  /** Most entries handed over at once; the cursor is stored after each batch. */
  readonly batchSize: number;
  /** Called once at start: the last sequence the sink itself knows it holds, if it can tell. */
  recover?(seqOfEventId: (id: string) => number | undefined): number | undefined;
  /** Delivers entries in order; resolves with how many were delivered (a prefix of them). */
  deliver(entries: readonly OutboxEntry[]): Promise<number>;
  /** Gives up waiting to retry: the pending delivery resolves at once, with what was done. */
  interrupt?(): void;
  /** Called after the last delivery. */
  close?(): Promise<void>;
}

/** A sink that cannot be set up (an events file that cannot be opened): the server cannot start. */
export class EventSinkError extends Error {}
