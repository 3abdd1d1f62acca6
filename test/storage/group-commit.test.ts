import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { GroupCommit } from '../../src/store/group-commit.js';
import { temporaryDataDir } from '../support/server.js';

// The unit-of-work mechanism under the API, driven directly: what a client can observe of it
// (durable answers, nothing half-written) is covered through the SDKs in restart/limits tests.
describe('group commit', () => {
  const setup = () => {
    const db = openDatabase({ inMemory: true });
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = (value: string) => () => db.prepare('INSERT INTO t VALUES (?)').run(value);
    return {
      db,
      commits: new GroupCommit(db),
      count: () => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n,
      values: () => db.prepare('SELECT v FROM t ORDER BY v').pluck().all(),
      insert,
      // A unit that writes and is then refused: what it wrote must not stay.
      refused: (value: string) => () => {
        insert(value)();
        throw new Error('refused');
      },
    };
  };

  /** `work`, counting how many times it has run. */
  const counted = <T>(work: () => T) => {
    const tally = {
      runs: 0,
      work: () => {
        tally.runs++;
        return work();
      },
    };
    return tally;
  };

  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('a failing unit leaves no trace while the units beside it in the same commit stand', async () => {
    const { commits, count, insert, refused } = setup();
    const first = commits.run(insert('a'));
    const failing = commits.run(refused('b'));
    const third = commits.run(insert('c'));
    await assert.rejects(failing, /refused/);
    await Promise.all([first, third]);
    assert.equal(count(), 2);
  });

  it('the units before a failing one run again and answer with what they made the second time', async () => {
    const { commits, count, values, insert, refused } = setup();
    let runs = 0;
    const first = commits.run(() => {
      runs++;
      insert(`a${runs}`)();
      return runs;
    });
    const failing = commits.run(refused('b'));
    await assert.rejects(failing, /refused/);
    assert.equal(await first, 2);
    assert.equal(count(), 1);
    assert.deepEqual(values(), ['a2']);
  });

  it('a unit that fails when run again fails with its new cause; the others still stand', async () => {
    const { commits, count, values, insert, refused } = setup();
    const first = commits.run(insert('a'));
    let secondRuns = 0;
    const second = commits.run(() => {
      if (++secondRuns > 1) throw new Error('second run refused');
      return insert('b')();
    });
    const third = commits.run(insert('c'));
    const failing = commits.run(refused('d'));
    const fifth = commits.run(insert('e'));
    await assert.rejects(failing, /^Error: refused$/);
    await assert.rejects(second, /second run refused/);
    await Promise.all([first, third, fifth]);
    assert.deepEqual(values(), ['a', 'c', 'e']);
    assert.equal(count(), 3);
  });

  it('a failing unit that comes first in its commit runs nothing again', async () => {
    const { commits, count, insert, refused } = setup();
    const failing = commits.run(refused('a'));
    const next = counted(insert('b'));
    const nextDone = commits.run(next.work);
    await assert.rejects(failing, /refused/);
    await nextDone;
    assert.equal(next.runs, 1);
    assert.equal(count(), 1);
  });

  it('when no fresh transaction opens after a unit fails, every unit of the turn fails with the cause and none is left waiting', async () => {
    const file = join(temporaryDataDir(), 'group-commit.sqlite');
    const db = new Database(file, { timeout: 0 });
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v TEXT)');
    const other = new Database(file, { timeout: 0 });
    const commits = new GroupCommit(db);
    // Between the rollback and the fresh BEGIN, another connection takes the write lock.
    commits.onRollback(() => other.exec('BEGIN IMMEDIATE'));
    const insert = (value: string) => () => db.prepare('INSERT INTO t VALUES (?)').run(value);
    const first = commits.run(insert('a'));
    const failing = commits.run(() => {
      throw new Error('refused');
    });
    const third = commits.run(insert('c'));
    await assert.rejects(failing, /refused/);
    await assert.rejects(first, { code: 'SQLITE_BUSY' });
    await assert.rejects(third, { code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    assert.equal(db.inTransaction, false);
    assert.equal(db.prepare('SELECT count(*) FROM t').pluck().get(), 0);
    other.close();
    db.close();
  });

  it('units wait to be committed together: meanwhile no transaction is open and reads see only what is durable', async () => {
    const { db, commits, count, insert } = setup();
    const written = commits.run(insert('a'));
    assert.equal(db.inTransaction, false);
    assert.equal(count(), 0);
    await written;
    assert.equal(count(), 1);
  });

  it('units arriving in consecutive turns share one commit, made in the first turn that brings none', async () => {
    const { commits, values, insert } = setup();
    const settled: boolean[] = [];
    commits.onSettled((committed) => settled.push(committed));
    const first = commits.run(insert('a'));
    await nextTurn();
    const second = commits.run(insert('b'));
    await nextTurn();
    const third = commits.run(insert('c'));
    await Promise.all([first, second, third]);
    assert.deepEqual(settled, [true]);
    assert.deepEqual(values(), ['a', 'b', 'c']);
  });

  it('a unit arriving in every turn does not hold the commit back for long', async () => {
    const { commits, count, insert } = setup();
    let firstDurable = false;
    const first = commits.run(insert('0')).then(() => (firstDurable = true));
    const later: Promise<unknown>[] = [];
    while (!firstDurable && later.length < 100) {
      await nextTurn();
      later.push(commits.run(insert(String(later.length + 1))));
    }
    await first;
    assert.ok(later.length < 20, `the first unit waited ${later.length} turns`);
    assert.ok(count() < later.length + 1, 'units that arrived later wait for a later commit');
    await Promise.all(later);
    assert.equal(count(), later.length + 1);
  });

  it('the units of one turn run in the order they arrived and share one commit', async () => {
    const { commits, values, insert } = setup();
    const settled: boolean[] = [];
    commits.onSettled((committed) => settled.push(committed));
    const ran: string[] = [];
    await Promise.all(
      ['b', 'a', 'c'].map((value) =>
        commits.run(() => {
          ran.push(value);
          insert(value)();
        }),
      ),
    );
    assert.deepEqual(ran, ['b', 'a', 'c']);
    assert.deepEqual(settled, [true]);
    assert.deepEqual(values(), ['a', 'b', 'c']);
  });
});
