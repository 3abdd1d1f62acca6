import type { Db } from '../store/database.js';
import type { EventEnvelope, OutboxEntry } from './types.js';

// Published events wait here, written in the publisher's transaction, so an event exists exactly
// when the change it describes does. Each durable sink's cursor is the last sequence it received.
export const EVENT_MIGRATIONS = [
  `CREATE TABLE event_outbox (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     event_id TEXT NOT NULL UNIQUE,
     envelope TEXT NOT NULL
   );
   CREATE TABLE event_sink_cursors (
     sink TEXT PRIMARY KEY,
     delivered_seq INTEGER NOT NULL
   );`,
];

interface Row {
  seq: number;
  envelope: string;
}

export class Outbox {
  private readonly insertOne;
  private readonly selectAfter;
  private readonly selectLast;
  private readonly selectSeqOfId;
  private readonly selectCursor;
  private readonly upsertCursor;
  private readonly deleteThrough;

  constructor(db: Db) {
    this.insertOne = db.prepare('INSERT INTO event_outbox (event_id, envelope) VALUES (?, ?)');
    this.selectAfter = db.prepare<[number, number], Row>('SELECT seq, envelope FROM event_outbox WHERE seq > ? ORDER BY seq LIMIT ?');
    this.selectLast = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'event_outbox'");
    this.selectSeqOfId = db.prepare<[string], { seq: number }>('SELECT seq FROM event_outbox WHERE event_id = ?');
    this.selectCursor = db.prepare<[string], { delivered_seq: number }>('SELECT delivered_seq FROM event_sink_cursors WHERE sink = ?');
    this.upsertCursor = db.prepare(
      'INSERT INTO event_sink_cursors (sink, delivered_seq) VALUES (?, ?) ON CONFLICT(sink) DO UPDATE SET delivered_seq = excluded.delivered_seq',
    );
    this.deleteThrough = db.prepare('DELETE FROM event_outbox WHERE seq <= ?');
  }

  append(envelope: EventEnvelope): void {
    this.insertOne.run(envelope.id, JSON.stringify(envelope));
  }

  after(seq: number, limit: number): OutboxEntry[] {
    return this.selectAfter.all(seq, limit).map((row) => ({ seq: row.seq, json: row.envelope, envelope: JSON.parse(row.envelope) }));
  }

  /** The newest sequence ever written (AUTOINCREMENT never reuses one, even after pruning). */
  lastSeq(): number {
    return this.selectLast.get()?.seq ?? 0;
  }

  seqOfEventId(id: string): number | undefined {
    return this.selectSeqOfId.get(id)?.seq;
  }

  cursor(sink: string): number | undefined {
    return this.selectCursor.get(sink)?.delivered_seq;
  }

  setCursor(sink: string, seq: number): void {
    this.upsertCursor.run(sink, seq);
  }

  prune(throughSeq: number): void {
    if (throughSeq > 0) this.deleteThrough.run(throughSeq);
  }
}
