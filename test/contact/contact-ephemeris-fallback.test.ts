import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { boto3Ok } from '../support/clients.js';
import { useServer } from '../support/server.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { SNPP_TLE, tleData, withChecksum } from '../ephemeris/ephemeris-data.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, moveClock, reserveAtOhio } from './contact-support.js';

// Suomi NPP a tenth of a degree further along its orbit: its passes come about 1.7 s earlier.
const AHEAD_TLE = { line1: SNPP_TLE.line1, line2: withChecksum(SNPP_TLE.line2.replace(' 174.3200 ', ' 174.4200 ')) };
const SNPP = BUNDLED[1]!;
const TWO_DAYS = { startTime: CLOCK_START_SECONDS, endTime: CLOCK_START_SECONDS + 2 * 86400 };

// SEMANTICS §5.2: outside the active ephemeris's coverage the next candidate is used, at last the default.
describe('AVAILABLE windows and ReserveContact fall back where a customer ephemeris ends', () => {
  const server = useServer({ clock: { start: CLOCK_START, rate: 0 } });
  let query: Record<string, unknown>;
  let byDefault: any[];
  let withEphemeris: any[];
  let ephemerisId: string;

  before(async () => {
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const { satelliteArn } = await boto3Ok(server.url, { op: 'get_satellite', params: { satelliteId: SNPP.satelliteId } });
    query = { statusList: ['AVAILABLE'], ...TWO_DAYS, groundStation: 'Ohio 1', missionProfileArn, satelliteArn };
    byDefault = (await boto3Ok(server.url, { op: 'list_contacts', params: query })).contactList;
    // The customer ephemeris ends halfway through the second pass.
    const straddled = byDefault[1];
    const coverageEnd = Math.floor((straddled.startTime + straddled.endTime) / 2);
    ({ ephemerisId } = await boto3Ok(server.url, {
      op: 'create_ephemeris',
      params: { satelliteId: SNPP.satelliteId, name: 'ahead', priority: 60, ephemeris: { tle: { tleData: [tleData(CLOCK_START_SECONDS - 3600, coverageEnd, AHEAD_TLE)] } } },
    }));
    await moveClock(server.url, { advanceSeconds: 1 });
    withEphemeris = (await boto3Ok(server.url, { op: 'list_contacts', params: query })).contactList;
  });

  it('ListContacts AVAILABLE predicts passes inside the coverage by the customer ephemeris, and the straddling and later ones by the default TLE', async () => {
    assert.ok(byDefault.length >= 4, `only ${byDefault.length} passes in two days`);
    assert.equal(withEphemeris.length, byDefault.length);
    const shift = byDefault[0].visibilityStartTime - withEphemeris[0].visibilityStartTime;
    assert.ok(shift > 1 && shift < 3, `the first pass moved by ${shift} s`);
    assert.deepEqual(withEphemeris.slice(1), byDefault.slice(1));
  });

  it('ListContacts AVAILABLE offers the same windows wherever the query starts', async () => {
    const later = { ...query, startTime: byDefault[1].visibilityStartTime + 1 };
    const { contactList } = await boto3Ok(server.url, { op: 'list_contacts', params: later });
    assert.deepEqual(contactList, byDefault.slice(1));
  });

  it('ReserveContact books each offered window with the ephemeris that predicted it', async () => {
    const reserve = (window: any) => reserveAtOhio(server.url, query.missionProfileArn as string, query.satelliteArn as string, window);
    const contactIds = [await reserve(withEphemeris[0]), await reserve(withEphemeris[1]), await reserve(withEphemeris[3])];
    await moveClock(server.url, { advanceSeconds: 2 });
    const described = await Promise.all(contactIds.map((contactId) => boto3Ok(server.url, { op: 'describe_contact', params: { contactId } })));
    assert.deepEqual(
      described.map((contact) => [contact.contactStatus, contact.ephemeris]),
      [
        ['SCHEDULED', { ephemerisId, ephemerisType: 'TLE' }],
        ['SCHEDULED', { ephemerisType: 'SERVICE_MANAGED' }],
        ['SCHEDULED', { ephemerisType: 'SERVICE_MANAGED' }],
      ],
    );
  });
});
