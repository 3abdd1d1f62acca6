import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { model } from '../../src/api/model.js';
import { runFuzz } from './fuzz-runner.js';

// A bounded slice of `npm run fuzz` (which sends 100,000): the same runner and rules, fewer requests.
// GSL_FUZZ_SLICE sets how many.
const REQUESTS = Number(process.env.GSL_FUZZ_SLICE ?? 1500);

describe('the fuzz runner, on a slice', () => {
  it(`${REQUESTS} requests over every operation and the admin API: no unmodelled 5xx, none slow, no other account changed`, async () => {
    const report = await runFuzz({ requests: REQUESTS, seed: Date.now() % 100_000 });
    assert.deepEqual(report.failures, [], `seed ${report.seed}`);
    assert.equal(Object.values(report.byClass).reduce((sum, count) => sum + count, 0), REQUESTS);
    assert.equal(report.operations, Object.keys(model.operations).length);
    assert.equal(report.adminRoutes, 12);
  });
});
