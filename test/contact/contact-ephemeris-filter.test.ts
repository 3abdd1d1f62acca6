import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boto3 } from '../support/clients.js';
import { ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { CLOCK_START, createDownlinkProfile, noaa20Arn, weekFromStart } from './contact-support.js';

// ListContacts' newer `ephemeris` filter names an AZ_EL ephemeris; boto3 1.43 knows it, JS 3.523 drops it.
describe('ListContacts ephemeris filter', () => {
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 } });

  it('ListContacts with an az-el ephemeris filter naming an unknown ephemeris is refused with 434, and one naming a TLE ephemeris with 431', async () => {
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const satelliteArn = await noaa20Arn(server.url);
    const satelliteId = satelliteArn.split('/').pop()!;
    const [created] = await boto3(server.url, [
      {
        op: 'create_ephemeris',
        params: {
          name: 'tle',
          satelliteId,
          ephemeris: {
            tle: {
              tleData: [
                {
                  tleLine1: '1 43013U 17073A   26202.61007573  .00000028  00000+0  34127-4 0  9990',
                  tleLine2: '2 43013  98.7772 141.7679 0001601 117.5455 242.5884 14.19517347449354',
                  validTimeRange: { startTime: Date.parse(CLOCK_START) / 1000 - 86400, endTime: Date.parse(CLOCK_START) / 1000 + 8 * 86400 },
                },
              ],
            },
          },
        },
      },
    ]);
    const ephemerisId = created!.result.ephemerisId as string;
    const list = (id: string) => ({
      op: 'list_contacts',
      params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation: 'Ohio 1', missionProfileArn, ephemeris: { azEl: { id } } },
    });
    const [unknown, wrongType] = await boto3(server.url, [list(ZERO_UUID), list(ephemerisId)]);
    assert.equal(unknown!.error?.code, 'ResourceNotFoundException');
    assert.equal(unknown!.error?.status, 434);
    assert.match(unknown!.error!.message, /was not found/);
    assert.equal(wrongType!.error?.code, 'InvalidParameterException');
    assert.equal(wrongType!.error?.status, 431);
    assert.equal(wrongType!.error?.parameterName, 'ephemeris.azEl.id');
    assert.match(wrongType!.error!.message, /is not an AZ_EL ephemeris/);
  });
});
