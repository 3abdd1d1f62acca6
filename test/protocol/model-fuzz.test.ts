import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { model } from '../../src/api/model.js';
import { CLOCK_START, createDownlinkProfile } from '../contact/contact-support.js';
import { startServer, type RunningServer } from '../support/server.js';
import { FUZZED, NEIGHBOURS, requestsFor, seed, send, snapshot, type Pools } from './fuzz-requests.js';

// Requests built from the model, many of them wrong in some way, sent as raw HTTP (no client checks
// anything first). Whatever arrives: never a 5xx, every refusal a well-formed error the operation
// may raise, nothing a refusal or a read changes, and nothing at all changes in another account or
// region.
// GSL_FUZZ_RUNS sets how many requests (a deeper run by hand: GSL_FUZZ_RUNS=5000).
const RUNS = Number(process.env.GSL_FUZZ_RUNS ?? 500);

let server: RunningServer;

const READS = /^(Get|List|Describe)/;

describe('Requests built from the model, valid or not, sent as raw HTTP', () => {
  let pools: Pools;
  before(async () => {
    server = await startServer({ args: ['--clock-start', CLOCK_START, '--clock-rate', '0'] });
    pools = await seed(server.url);
  });
  after(() => server.stop());

  it('never answer 5xx, refuse only with errors their operation models, change nothing when refused or read, and nothing in another account or region', async () => {
    // Deletes come up less often, so that what they take stays around for the requests after them.
    const requests = fc.oneof(
      ...Object.entries(model.operations).flatMap(([name, operation]) =>
        [true, false].map((clean) => ({ weight: name.startsWith('Delete') ? 1 : 4, arbitrary: requestsFor(name, operation, pools, clean) })),
      ),
    );
    for (const neighbour of NEIGHBOURS) await createDownlinkProfile(server.url, 60, neighbour);
    const neighbours = await Promise.all(NEIGHBOURS.map((neighbour) => snapshot(server.url, neighbour)));
    let current = await snapshot(server.url, FUZZED, pools.agentId);
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const response = await send(server.url, request);
        const errorType = response.headers.get('x-amzn-errortype');
        const where = `${request.operation} ${request.method} ${request.path} ${request.body ?? ''} -> ${response.status} ${response.text}`;
        if (response.status >= 200 && response.status < 300) {
          assert.equal(response.status, model.operations[request.operation]!.http.responseCode, where);
          assert.equal(typeof response.json, 'object', where);
        } else {
          assert.ok(response.status < 500, where);
          assert.ok(errorType, where);
          assert.equal(typeof response.json?.message, 'string', where);
          const modelled = model.shapes[errorType!];
          if (modelled?.exception) {
            const allowed = (model.operations[request.operation]!.errors ?? []).map((error) => error.shape);
            assert.ok(allowed.includes(errorType!), `${errorType} is not an error of ${request.operation}: ${where}`);
            assert.equal(response.status, modelled.error!.httpStatusCode, where);
          }
        }
        const now = await snapshot(server.url, FUZZED, pools.agentId);
        if (READS.test(request.operation) || response.status >= 300) assert.equal(now, current, `state changed: ${where}`);
        current = now;
      }),
      // Each request runs on what the ones before it left, so shrinking would replay it on other
      // state: the first failing request is reported as it was.
      { numRuns: RUNS, endOnFailure: true },
    );
    assert.deepEqual(await Promise.all(NEIGHBOURS.map((neighbour) => snapshot(server.url, neighbour))), neighbours);
    assert.doesNotMatch(server.output(), /"level":(50|60)/, 'the server logged an error');
  });
});
