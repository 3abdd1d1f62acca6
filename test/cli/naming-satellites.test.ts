import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { awsCli } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

const AQUA_NORAD_ID = 27424;

// The user guide's "(Optional) Naming satellites" section (onboarding a satellite) tags the public
// broadcast satellite Aqua (NORAD 27424) in us-west-2 through the AWS CLI: find its ARN with
// list-satellites, tag it with a Name, and read the tag back. Aqua is opt-in here (AWS ended its
// support), so the server lists it with --include-aqua.
describe('naming a satellite with the AWS CLI, as the user guide does', () => {
  let server: RunningServer;
  const region = { region: 'us-west-2' };
  before(async () => {
    server = await startServer({ inMemory: true, args: ['--include-aqua'] });
  });
  after(() => server.stop());

  it('list-satellites, tag-resource --tags Name=… and list-tags-for-resource name Aqua', async () => {
    const listed = await awsCli(server.url, ['list-satellites'], region);
    assert.equal(listed.code, 0, listed.stderr);
    const aqua = listed.json.satellites.find((satellite: { noradSatelliteID: number }) => satellite.noradSatelliteID === AQUA_NORAD_ID);
    assert.ok(aqua, 'list-satellites shows Aqua');

    const tagged = await awsCli(server.url, ['tag-resource', '--resource-arn', aqua.satelliteArn, '--tags', 'Name=Aqua'], region);
    assert.equal(tagged.code, 0, tagged.stderr);

    const tags = await awsCli(server.url, ['list-tags-for-resource', '--resource-arn', aqua.satelliteArn], region);
    assert.equal(tags.code, 0, tags.stderr);
    assert.deepEqual(tags.json, { tags: { Name: 'Aqua' } });

    // The same satellite through a regional ARN of the region asked from.
    const regional = aqua.satelliteArn.replace('arn:aws:groundstation::', 'arn:aws:groundstation:us-west-2:');
    const viaRegional = await awsCli(server.url, ['list-tags-for-resource', '--resource-arn', regional], region);
    assert.deepEqual(viaRegional.json, { tags: { Name: 'Aqua' } });
  });
});
