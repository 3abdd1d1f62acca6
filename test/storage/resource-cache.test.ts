import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResourceCache } from '../../src/store/resource-cache.js';

const ohio = { account: '111111111111', region: 'us-east-2' };
const oregon = { account: '111111111111', region: 'us-west-2' };
const otherAccount = { account: '222222222222', region: 'us-east-2' };

test('the resource cache keeps accounts, regions and kinds apart', () => {
  const cache = new ResourceCache<{ seq: number }>(10);
  const ohioConfig = { seq: 1 };
  cache.set(ohio, 'config', 'x', ohioConfig);
  assert.equal(cache.get(ohio, 'config', 'x'), ohioConfig);
  assert.equal(cache.get(oregon, 'config', 'x'), undefined);
  assert.equal(cache.get(otherAccount, 'config', 'x'), undefined);
  assert.equal(cache.get(ohio, 'mission-profile', 'x'), undefined);
});

test('a full resource cache starts over; a deleted entry no longer counts toward it', () => {
  const cache = new ResourceCache<{ seq: number; version?: number }>(3);
  cache.set(ohio, 'config', 'a', { seq: 1 });
  cache.set(ohio, 'config', 'b', { seq: 2 });
  cache.delete(ohio, 'config', 'b');
  cache.set(ohio, 'config', 'a', { seq: 1, version: 2 }); // replaces, does not add
  cache.set(ohio, 'config', 'c', { seq: 3 });
  assert.deepEqual(cache.get(ohio, 'config', 'a'), { seq: 1, version: 2 }, 'two entries held: not full yet');
  cache.set(oregon, 'config', 'd', { seq: 4 });
  cache.set(oregon, 'config', 'e', { seq: 5 });
  assert.equal(cache.get(ohio, 'config', 'a'), undefined, 'full at the fourth entry: started over');
  assert.deepEqual(cache.get(oregon, 'config', 'e'), { seq: 5 });
});

test('the resource cache finds by seq exactly what it holds by id', () => {
  const cache = new ResourceCache<{ seq: number; version?: number }>(10);
  cache.set(ohio, 'config', 'a', { seq: 1 });
  cache.set(oregon, 'config', 'b', { seq: 2 });
  cache.set(ohio, 'config', 'a', { seq: 1, version: 2 });
  cache.delete(oregon, 'config', 'b');
  assert.deepEqual(cache.getBySeq(1), { seq: 1, version: 2 }, 'a replaced entry answers by seq with its new value');
  assert.equal(cache.getBySeq(2), undefined, 'a deleted entry is gone by seq too');
  cache.clear();
  assert.equal(cache.getBySeq(1), undefined);
});
