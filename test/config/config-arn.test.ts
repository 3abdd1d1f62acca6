import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseArn, parseConfigArn } from '../../src/api/arn.js';

// What a config ARN meant when it was read with parseArn and split on '/': the reading parseConfigArn keeps.
function readBySplitting(arn: string) {
  const parsed = parseArn(arn);
  const [kind, type, id, ...suffix] = parsed?.resource ?? [];
  if (!parsed || kind !== 'config' || !type || !id) return undefined;
  return { region: parsed.region, account: parsed.account, type, id, ...(suffix.length > 0 ? { outputNode: suffix.join('/') } : {}) };
}

test('a config ARN gives its type, its id and the output node a dataflow edge may add', () => {
  const base = 'arn:aws:groundstation:us-east-2:123456789012:config/antenna-downlink-demod-decode/0193a5f1-7c2e-7d41-9b1e-0c7d4b2f8a11';
  assert.deepEqual(parseConfigArn(base), {
    region: 'us-east-2',
    account: '123456789012',
    type: 'antenna-downlink-demod-decode',
    id: '0193a5f1-7c2e-7d41-9b1e-0c7d4b2f8a11',
  });
  assert.equal(parseConfigArn(`${base}/UncodedFramesEgress`)?.outputNode, 'UncodedFramesEgress');
  assert.equal(parseConfigArn(`${base}/a/b`)?.outputNode, 'a/b');
  assert.equal(parseConfigArn(`${base}/`)?.outputNode, '');
  assert.equal(parseConfigArn('arn:aws:groundstation:us-east-2:123456789012:mission-profile/x'), undefined);
  assert.equal(parseConfigArn('arn:aws:groundstation:us-east-2:123456789012:config/tracking'), undefined);
  assert.equal(parseConfigArn('arn:aws:groundstation:us-east-2:123456789012:config//x'), undefined);
});

test('any text reads as a config ARN exactly as splitting the resource on "/" reads it', () => {
  const segment = fc.constantFrom('', 'x', 'tracking', 'config', 'a:b', '\n', 'a\rb', '\u2028', '\u2029');
  const resource = fc.array(segment, { maxLength: 5 }).map((segments) => segments.join('/'));
  const arn = fc
    .tuple(
      fc.constantFrom('us-east-2', '', 'a\nb'),
      fc.constantFrom('123456789012', ''),
      fc.oneof(resource, resource.map((rest) => `config/${rest}`)),
    )
    .map(([region, account, rest]) => `arn:aws:groundstation:${region}:${account}:${rest}`);
  fc.assert(
    fc.property(fc.oneof(arn, resource), (candidate) => {
      assert.deepEqual(parseConfigArn(candidate), readBySplitting(candidate));
    }),
    { numRuns: 3000 },
  );
});
