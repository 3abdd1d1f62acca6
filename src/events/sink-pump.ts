import type { Outbox } from './outbox.js';
import type { DurableSink } from './types.js';

const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * Feeds one durable sink from the outbox, in order, off the request path. The cursor is stored
 * after every batch the sink confirms, so a restart resumes where delivery stopped.
 */
export class SinkPump {
  private running: Promise<void> | undefined;
  private wanted = false;
  private stopped = false;

  constructor(
    private readonly sink: DurableSink,
    private readonly outbox: Outbox,
    private cursor: number,
    private readonly onFailure: (message: string, error: unknown) => void,
  ) {}

  get delivered(): number {
    return this.cursor;
  }

  /** Asks for a delivery round; rounds never overlap, and one asked for mid-round runs after it. */
  kick(): void {
    this.wanted = true;
    if (!this.running && !this.stopped) this.running = this.run().finally(() => (this.running = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sink.interrupt?.();
    await this.running;
    await this.sink.close?.();
  }

  private async run(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      try {
        while (!this.stopped && (await this.deliverBatch()));
      } catch (error) {
        this.onFailure(`event delivery to ${this.sink.name} failed; retrying`, error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_FAILURE_MS));
        this.wanted = true;
      }
    }
  }

  /**
   * Delivers the next batch; true if the whole batch went and more may follow. Units of work run
   * and commit within one synchronous call (the group commit), so this never sees their
   * uncommitted rows, and its cursor write never shares their transaction.
   */
  private async deliverBatch(): Promise<boolean> {
    const entries = this.outbox.after(this.cursor, this.sink.batchSize);
    if (entries.length === 0) return false;
    const count = await this.sink.deliver(entries);
    if (count > 0) {
      this.cursor = entries[count - 1]!.seq;
      this.outbox.setCursor(this.sink.name, this.cursor);
    }
    return count === entries.length;
  }
}
