import { closeSync, fdatasync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, write } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EventSinkError, type DurableSink, type OutboxEntry } from './types.js';

const writeAsync = promisify(write);
const syncAsync = promisify(fdatasync);
const SCAN_CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/** Appends one envelope per line; each batch is on disk before its cursor moves. */
export class JsonlFileSink implements DurableSink {
  readonly name: string;
  readonly batchSize = 100;
  private readonly fd: number;

  constructor(path: string) {
    const absolute = resolve(path);
    this.name = `file:${absolute}`;
    try {
      mkdirSync(dirname(absolute), { recursive: true });
      // a+: appends, and lets recovery read the tail back.
      this.fd = openSync(absolute, 'a+');
    } catch (error) {
      throw new EventSinkError(`cannot open the events file ${absolute}: ${(error as Error).message}`);
    }
  }

  /**
   * A crash can leave a torn last line (cut off here) or lines written before their cursor was
   * stored: the last line's event id tells how far the file really got.
   */
  recover(seqOfEventId: (id: string) => number | undefined): number | undefined {
    let size = fstatSync(this.fd).size;
    if (size > 0 && this.byteAt(size - 1) !== NEWLINE) {
      size = this.lastNewlineBefore(size - 1) + 1;
      ftruncateSync(this.fd, size);
    }
    if (size === 0) return undefined;
    const start = this.lastNewlineBefore(size - 1) + 1;
    const line = Buffer.alloc(size - 1 - start);
    readSync(this.fd, line, 0, line.length, start);
    try {
      const id = (JSON.parse(line.toString('utf8')) as { id?: unknown }).id;
      return typeof id === 'string' ? seqOfEventId(id) : undefined;
    } catch {
      return undefined;
    }
  }

  async deliver(entries: readonly OutboxEntry[]): Promise<number> {
    await writeAsync(this.fd, entries.map((entry) => `${entry.json}\n`).join(''));
    await syncAsync(this.fd);
    return entries.length;
  }

  async close(): Promise<void> {
    closeSync(this.fd);
  }

  private byteAt(position: number): number {
    const byte = Buffer.alloc(1);
    readSync(this.fd, byte, 0, 1, position);
    return byte[0]!;
  }

  /** Position of the last newline before `end`, or -1. */
  private lastNewlineBefore(end: number): number {
    const chunk = Buffer.alloc(SCAN_CHUNK);
    for (let chunkEnd = end; chunkEnd > 0; chunkEnd -= SCAN_CHUNK) {
      const chunkStart = Math.max(0, chunkEnd - SCAN_CHUNK);
      const length = readSync(this.fd, chunk, 0, chunkEnd - chunkStart, chunkStart);
      const index = chunk.subarray(0, length).lastIndexOf(NEWLINE);
      if (index >= 0) return chunkStart + index;
    }
    return -1;
  }
}
