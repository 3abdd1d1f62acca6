import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PassCache, passesAt } from '../../src/contact/pass-cache.js';
import { findGroundStation } from '../../src/ground-station/ground-stations.js';
import { findPasses, PASS_FOLLOW_MS, trajectoryFromTle } from '../../src/orbit/index.js';
import { fixturePath } from '../support/paths.js';

const fixture = JSON.parse(readFileSync(fixturePath('orbit', 'skyfield-long-passes.json'), 'utf8'));
const ohio = findGroundStation('Ohio 1')!;
const DAY = 86_400_000;
const start = Date.parse(fixture.window.start);

test('the pass cache answers any window as one search over it does: never cut at a day, whatever was asked before', () => {
  for (const { name, line1, line2 } of fixture.satellites) {
    const source = { trajectory: trajectoryFromTle(line1, line2), cacheKey: `pass-cache-test/${name}` };
    const windows: [number, number][] = [
      [start + 0.4 * DAY, start + 0.6 * DAY],
      [start + 2.5 * DAY, start + 5.25 * DAY],
      [start, start + 7 * DAY],
      [start + 3.9 * DAY, start + 4.1 * DAY],
    ];
    for (const [fromMs, toMs] of windows) {
      if (name === 'GEO TEST') {
        // A pass longer than PASS_FOLLOW_MS is clipped where the search stops following it.
        const [pass, ...others] = new PassCache().between(source, ohio, fromMs, toMs);
        assert.deepEqual(others, []);
        assert.ok(pass!.riseMs <= fromMs - PASS_FOLLOW_MS && pass!.setMs >= toMs - 1 + PASS_FOLLOW_MS);
        continue;
      }
      const direct = findPasses(source.trajectory, ohio.site, fromMs, toMs - 1);
      assert.deepEqual(new PassCache().between(source, ohio, fromMs, toMs), direct, `${name} over ${new Date(fromMs).toISOString()}`);
      const [inProgress] = direct.filter((pass) => pass.riseMs <= fromMs);
      assert.deepEqual(passesAt(source, ohio, fromMs), inProgress ? [inProgress] : [], name);
    }
  }
});
