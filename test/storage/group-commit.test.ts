import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { GroupCommit } from '../../src/store/group-commit.js';

// The unit-of-work mechanism under the API, driven directly: what a client can observe of it
// (durable answers, nothing half-written) is covered through the SDKs in restart/limits tests.
describe('group commit', () => {
  const setup = () => {
    const db = openDatabase({ inMemory: true });
    db.exec('CREATE TABLE t (v TEXT)');
    return { db, commits: new GroupCommit(db), count: () => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n };
  };

  it('a failing unit leaves no trace while the units beside it in the same commit stand', async () => {
    const { db, commits, count } = setup();
    const first = commits.run(() => db.prepare("INSERT INTO t VALUES ('a')").run());
    const failing = commits.run(() => {
      db.prepare("INSERT INTO t VALUES ('b')").run();
      throw new Error('refused');
    });
    const third = commits.run(() => db.prepare("INSERT INTO t VALUES ('c')").run());
    await assert.rejects(failing, /refused/);
    await Promise.all([first, third]);
    assert.equal(count(), 2);
  });

  it('the units before a failing one run again and answer with what they made the second time', async () => {
    const { db, commits, count } = setup();
    let runs = 0;
    const first = commits.run(() => {
      runs++;
      db.prepare('INSERT INTO t VALUES (?)').run(`a${runs}`);
      return runs;
    });
    const failing = commits.run(() => {
      db.prepare("INSERT INTO t VALUES ('b')").run();
      throw new Error('refused');
    });
    await assert.rejects(failing, /refused/);
    assert.equal(await first, 2);
    assert.equal(count(), 1);
    assert.deepEqual(db.prepare('SELECT v FROM t').pluck().all(), ['a2']);
  });

  it('a unit that fails when run again fails with its new cause; the others still stand', async () => {
    const { db, commits, count } = setup();
    const insert = (value: string) => () => db.prepare('INSERT INTO t VALUES (?)').run(value);
    const first = commits.run(insert('a'));
    let secondRuns = 0;
    const second = commits.run(() => {
      if (++secondRuns > 1) throw new Error('second run refused');
      return insert('b')();
    });
    const third = commits.run(insert('c'));
    const failing = commits.run(() => {
      insert('d')();
      throw new Error('refused');
    });
    const fifth = commits.run(insert('e'));
    await assert.rejects(failing, /^Error: refused$/);
    await assert.rejects(second, /second run refused/);
    await Promise.all([first, third, fifth]);
    assert.deepEqual(db.prepare('SELECT v FROM t ORDER BY v').pluck().all(), ['a', 'c', 'e']);
    assert.equal(count(), 3);
  });

  it('a failing unit that comes first in its commit runs nothing again', async () => {
    const { db, commits, count } = setup();
    const failing = commits.run(() => {
      db.prepare("INSERT INTO t VALUES ('a')").run();
      throw new Error('refused');
    });
    let runs = 0;
    const next = commits.run(() => {
      runs++;
      return db.prepare("INSERT INTO t VALUES ('b')").run();
    });
    await assert.rejects(failing, /refused/);
    await next;
    assert.equal(runs, 1);
    assert.equal(count(), 1);
  });

  it('a read that fails while writes await their commit takes nothing back and runs nothing again', async () => {
    const { db, commits, count } = setup();
    let runs = 0;
    const write = commits.run(() => {
      runs++;
      return db.prepare("INSERT INTO t VALUES ('a')").run();
    });
    const read = commits.read(() => {
      throw new Error('not found');
    });
    assert.ok(read instanceof Promise);
    await assert.rejects(read, /not found/);
    await write;
    assert.equal(runs, 1);
    assert.equal(count(), 1);
  });

  it('a read while writes await their commit answers only once they are durable; otherwise at once', async () => {
    const { db, commits, count } = setup();
    assert.equal(commits.read(count), 0);
    let committed = false;
    const write = commits.run(() => db.prepare("INSERT INTO t VALUES ('a')").run()).then(() => (committed = true));
    const read = commits.read(count);
    assert.ok(read instanceof Promise);
    assert.equal(await read, 1);
    assert.equal(committed, true);
    await write;
    assert.equal(commits.read(count), 1);
  });
});
