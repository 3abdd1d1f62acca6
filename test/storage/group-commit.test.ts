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
    const insert = (value: string) => () => db.prepare('INSERT INTO t VALUES (?)').run(value);
    return {
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

  it('a read that fails while writes await their commit takes nothing back and runs nothing again', async () => {
    const { commits, count, insert } = setup();
    const write = counted(insert('a'));
    const written = commits.run(write.work);
    const read = commits.read(() => {
      throw new Error('not found');
    });
    assert.ok(read instanceof Promise);
    await assert.rejects(read, /not found/);
    await written;
    assert.equal(write.runs, 1);
    assert.equal(count(), 1);
  });

  it('a read while writes await their commit answers only once they are durable; otherwise at once', async () => {
    const { commits, count, insert } = setup();
    assert.equal(commits.read(count), 0);
    let committed = false;
    const write = commits.run(insert('a')).then(() => (committed = true));
    const read = commits.read(count);
    assert.ok(read instanceof Promise);
    assert.equal(await read, 1);
    assert.equal(committed, true);
    await write;
    assert.equal(commits.read(count), 1);
  });
});
