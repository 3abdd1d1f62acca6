import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JsonlFileSink } from '../../src/events/file-sink.js';
import { temporaryDataDir } from '../support/server.js';

const line = (id: string) => `${JSON.stringify({ version: '0', id })}\n`;
const sequences: Record<string, number> = { a: 1, b: 2, c: 3 };

describe('the JSONL events file after a crash', () => {
  it('recovery cuts off a torn last line and resumes after the last whole one', async () => {
    const path = join(temporaryDataDir(), 'events.jsonl');
    writeFileSync(path, `${line('a')}${line('b')}{"version":"0","id":"c`);
    const sink = new JsonlFileSink(path);
    assert.equal(sink.recover((id) => sequences[id]), 2);
    assert.equal(readFileSync(path, 'utf8'), `${line('a')}${line('b')}`);
    await sink.close();
  });

  it('recovery knows nothing of an empty file or a last line it cannot read', async () => {
    const empty = join(temporaryDataDir(), 'events.jsonl');
    const emptySink = new JsonlFileSink(empty);
    assert.equal(emptySink.recover((id) => sequences[id]), undefined);
    await emptySink.close();

    const foreign = join(temporaryDataDir(), 'events.jsonl');
    writeFileSync(foreign, 'not json\n');
    const foreignSink = new JsonlFileSink(foreign);
    assert.equal(foreignSink.recover((id) => sequences[id]), undefined);
    assert.equal(readFileSync(foreign, 'utf8'), 'not json\n');
    await foreignSink.close();
  });
});
