import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addedEntries, dueEntries, keysOfPositions, nextEntryMs, type TimedEntry } from '../../src/schedule/timeline.js';

const at = (key: string, atMs: number): TimedEntry => ({ key, atMs });
const keys = (entries: TimedEntry[]) => entries.map((entry) => entry.key);
const timeline = [at('contact:SCHEDULING', 0), at('contact:SCHEDULED', 10), at('contact:PASS', 20), at('upload:a', 30), at('contact:COMPLETED', 30)];

describe('timeline keys', () => {
  it('publishes what is due and unpublished, in time order, all of one moment together', () => {
    assert.deepEqual(keys(dueEntries(timeline, [], 10)), ['contact:SCHEDULING', 'contact:SCHEDULED']);
    assert.deepEqual(keys(dueEntries(timeline, ['contact:SCHEDULING', 'contact:SCHEDULED'], 30)), ['contact:PASS', 'upload:a', 'contact:COMPLETED']);
    assert.equal(nextEntryMs(timeline, ['contact:SCHEDULING']), 10);
    assert.equal(nextEntryMs(timeline, keys(timeline)), undefined);
  });

  it('skips a key that joined the timeline after its moment was published, even at that very moment', () => {
    const published = ['contact:SCHEDULING', 'contact:SCHEDULED', 'contact:PASS', 'contact:COMPLETED'];
    assert.deepEqual(dueEntries(timeline, published, 100), []);
    assert.equal(nextEntryMs(timeline, published), undefined);
    const midway = ['contact:SCHEDULING', 'contact:PASS'];
    assert.deepEqual(keys(dueEntries(timeline, midway, 100)), ['upload:a', 'contact:COMPLETED']);
  });

  it('an interruption adds its own entries by key, at the moment just published', () => {
    const cut = [at('contact:SCHEDULING', 0), at('contact:CANCELLING', 0), at('contact:CANCELLED', 1)];
    assert.deepEqual(keys(addedEntries(timeline, cut, 0)), ['contact:CANCELLING']);
    assert.deepEqual(keys(dueEntries(cut, ['contact:SCHEDULING', 'contact:CANCELLING'], 1)), ['contact:CANCELLED']);
  });

  it('positions counted by earlier builds become the keys of the entries they counted', () => {
    assert.deepEqual(keysOfPositions(timeline, 2), ['contact:SCHEDULING', 'contact:SCHEDULED']);
  });

  it('however the clock moves, each key is published at most once and never after a later moment is out', () => {
    const entries = fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), atMs: fc.integer({ min: 0, max: 50 }) }), { selector: (entry) => entry.key });
    fc.assert(
      fc.property(entries, fc.array(fc.integer({ min: 0, max: 60 })), (timelineEntries, moves) => {
        const ordered = [...timelineEntries].sort((a, b) => a.atMs - b.atMs);
        const published: TimedEntry[] = [];
        let nowMs = 0;
        for (const move of moves) {
          nowMs = Math.max(nowMs, move);
          published.push(...dueEntries(ordered, keys(published), nowMs));
        }
        assert.equal(new Set(keys(published)).size, published.length);
        for (let i = 1; i < published.length; i++) assert.ok(published[i - 1]!.atMs <= published[i]!.atMs);
        assert.deepEqual(keys(published), keys(ordered.filter((entry) => entry.atMs <= nowMs && moves.length > 0)));
      }),
    );
  });
});
