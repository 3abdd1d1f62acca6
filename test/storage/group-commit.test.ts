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
