import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResourceCache } from '../../src/store/resource-cache.js';

const ohio = { account: '111111111111', region: 'us-east-2' };
const oregon = { account: '111111111111', region: 'us-west-2' };
const otherAccount = { account: '222222222222', region: 'us-east-2' };

test('the resource cache keeps accounts, regions and kinds apart', () => {
  const cache = new ResourceCache<string>(10);
  cache.set(ohio, 'config', 'x', 'ohio config');
  assert.equal(cache.get(ohio, 'config', 'x'), 'ohio config');
  assert.equal(cache.get(oregon, 'config', 'x'), undefined);
  assert.equal(cache.get(otherAccount, 'config', 'x'), undefined);
  assert.equal(cache.get(ohio, 'mission-profile', 'x'), undefined);
});

test('a full resource cache starts over; a deleted entry no longer counts toward it', () => {
  const cache = new ResourceCache<number>(3);
  cache.set(ohio, 'config', 'a', 1);
  cache.set(ohio, 'config', 'b', 2);
  cache.delete(ohio, 'config', 'b');
  cache.set(ohio, 'config', 'a', 10); // replaces, does not add
  cache.set(ohio, 'config', 'c', 3);
  assert.equal(cache.get(ohio, 'config', 'a'), 10, 'two entries held: not full yet');
  cache.set(oregon, 'config', 'd', 4);
  cache.set(oregon, 'config', 'e', 5);
  assert.equal(cache.get(ohio, 'config', 'a'), undefined, 'full at the fourth entry: started over');
  assert.equal(cache.get(oregon, 'config', 'e'), 5);
});
