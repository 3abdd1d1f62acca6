import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildServices } from '../../src/app.js';
import { readOnlyServices } from '../../src/api/read-only.js';
import { Clock, FixedNow } from '../../src/clock/clock.js';
import { migrateSchema } from '../../src/schema.js';
import { openDatabase } from '../../src/store/database.js';

const SCOPE = { account: '111122223333', region: 'us-east-2' };

describe('what a unit of work is given', () => {
  it('a readonly operation reads as usual, and every write it tries throws and changes nothing', () => {
    const db = openDatabase({ inMemory: true });
    migrateSchema(db);
    const services = buildServices(db, new Clock(), { publish() {} });
    services.store.insert(SCOPE, 'config', 'a', { name: 'kept' });
    const readOnly = readOnlyServices(services);
    assert.deepEqual(readOnly.store.get(SCOPE, 'config', 'a')?.doc, { name: 'kept' });
    assert.equal(readOnly.store.count(SCOPE, 'config'), 1);
    assert.throws(() => readOnly.store.insert(SCOPE, 'config', 'b', {}), /readonly operation tried to write \(store\.insert\)/);
    assert.throws(() => readOnly.store.delete(SCOPE, 'config', 'a'), /store\.delete/);
    assert.throws(() => readOnly.store.clear(), /store\.clear/);
    assert.throws(() => readOnly.events.publish({} as never), /events\.publish/);
    assert.throws(() => readOnly.satellites.setOption('x', '1'), /satellites\.setOption/);
    assert.throws(() => readOnly.publishedChanges.forget(SCOPE, 'ephemeris', 'e'), /publishedChanges\.forget/);
    assert.throws(() => readOnly.publishedChanges.save(SCOPE, 'agent', 'a', [], []), /publishedChanges\.save/);
    assert.throws(() => readOnly.satelliteTags.set(SCOPE.account, 's', {}), /satelliteTags\.set/);
    assert.equal(services.store.count(SCOPE, 'config'), 1);
    assert.equal(services.satellites.option('x'), undefined);
    db.close();
  });

  it('reads now once: later readings in the same unit see the same instant, a new unit a later one', async () => {
    const clock = new Clock({ startMs: Date.parse('2026-07-21T00:00:00Z'), rate: 1000 });
    const unit = new FixedNow(clock);
    const first = unit.nowMs();
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(unit.nowMs(), first);
    assert.equal(unit.now().getTime(), first);
    assert.ok(new FixedNow(clock).nowMs() > first);
    assert.notEqual(unit.newId(), unit.newId());
  });
});
