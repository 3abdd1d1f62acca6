import assert from 'node:assert/strict';
import { CreateEphemerisCommand, ListContactsCommand, ListEphemeridesCommand, ReserveContactCommand } from '@aws-sdk/client-groundstation';
import { request } from 'node:http';
import { before, describe, it } from 'node:test';
import { boto3Ok, jsClient, jsError } from '../support/clients.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { noaa20Oem, tleData } from '../ephemeris/ephemeris-data.js';
import { describeWhenValidated } from '../ephemeris/validation-wait.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, moveClock, noaa20Arn, stoppedClockDataDir } from './contact-support.js';

const NOAA20_ID = BUNDLED[0]!.satelliteId;
const DAY_MS = 86_400_000;
const START_MS = Date.parse(CLOCK_START);
// The health route is pinged this often while a hostile request runs. Pings still unanswered when
// it ends are those of its last moments: at most LATE_PINGS of them keeps the loop free within
// LATE_PINGS × PING_INTERVAL_MS = 100 ms.
const PING_INTERVAL_MS = 10;
const LATE_PINGS = 10;

function ping(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/_local/health`, { agent: false }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs `hostile` while pinging the health route; how many pings were sent and answered meanwhile. */
async function whilePinging<T>(url: string, hostile: () => Promise<T>) {
  let running = true;
  let sent = 0;
  let answered = 0;
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    sent++;
    pending.push(ping(url).then(() => void (running && answered++)));
  }, PING_INTERVAL_MS);
  try {
    const result = await hostile();
    return { result, sent, answered };
  } finally {
    running = false;
    clearInterval(timer);
    await Promise.all(pending);
  }
}

function assertLoopFree({ sent, answered }: { sent: number; answered: number }, what: string) {
  assert.ok(sent - answered <= LATE_PINGS, `${what}: ${answered} of ${sent} pings answered while it ran`);
}

describe('no request blocks the event loop for long', () => {
  const data = stoppedClockDataDir();
  let url: string;
  let satelliteArn: string;
  let missionProfileArn: string;
  const weekOfContacts = () =>
    jsClient(url).send(
      new ListContactsCommand({
        statusList: ['AVAILABLE'],
        startTime: new Date(START_MS),
        endTime: new Date(START_MS + 7 * DAY_MS),
        groundStation: 'Ohio 1',
        missionProfileArn,
        satelliteArn,
      }),
    );

  before(async () => {
    ({ url } = await data.start());
    satelliteArn = await noaa20Arn(url);
    ({ missionProfileArn } = await createDownlinkProfile(url));
    // The default ephemeris's week of passes, computed once, as any earlier listing would.
    await weekOfContacts();
  });

  it('an OEM of interpolation degree 1000 is refused as INVALID, and listing contacts after it stays quick', async () => {
    const oemData = noaa20Oem(START_MS - DAY_MS, START_MS + 2 * DAY_MS, (text) => text.replace('INTERPOLATION_DEGREE = 5', 'INTERPOLATION_DEGREE = 1000'));
    const { ephemerisId } = await jsClient(url).send(new CreateEphemerisCommand({ satelliteId: NOAA20_ID, name: 'degree 1000', ephemeris: { oem: { oemData } } }));
    await moveClock(url, { advanceSeconds: 2 });
    const [described] = await describeWhenValidated(url, [ephemerisId!]);
    assert.equal(described!.status, 'INVALID');
    assert.deepEqual(described!.errorReasons, [{ errorCode: 'INTERPOLATION_DEGREE_INVALID', errorMessage: 'INTERPOLATION_DEGREE must be at most 15, got 1000' }]);
    const listing = await whilePinging(url, weekOfContacts);
    assert.ok(listing.result.contactList!.length > 20);
    assertLoopFree(listing, 'ListContacts');
  });

  // Refused before it is stored or parsed as an OEM; reading and JSON-parsing the body itself (in
  // the protocol layer) still costs about a tenth of a second, reported by the bench's event-loop section.
  it('a 7.5 MB OEM is refused at once (InvalidParameterException, 431), and nothing is stored', async () => {
    const huge = noaa20Oem(START_MS - DAY_MS, START_MS + 2 * DAY_MS).replace('META_STOP', `${'COMMENT padding padding padding padding padding padding padding\n'.repeat(120_000)}META_STOP`);
    assert.ok(huge.length > 7.5e6);
    const before = await jsClient(url).send(new ListEphemeridesCommand({ satelliteId: NOAA20_ID, startTime: new Date(0), endTime: new Date(START_MS + 365 * DAY_MS) }));
    const refused = await jsError(jsClient(url).send(new CreateEphemerisCommand({ satelliteId: NOAA20_ID, name: 'huge', ephemeris: { oem: { oemData: huge } } })));
    assert.deepEqual(refused, {
      name: 'InvalidParameterException',
      status: 431,
      message: `ephemeris.oem.oemData has ${huge.length} characters; at most 2000000 are accepted inline`,
      parameterName: 'ephemeris',
      requestId: refused.requestId,
    });
    const after = await jsClient(url).send(new ListEphemeridesCommand({ satelliteId: NOAA20_ID, startTime: new Date(0), endTime: new Date(START_MS + 365 * DAY_MS) }));
    assert.deepEqual(after.ephemerides, before.ephemerides);
  });

  it('ReserveContact over twenty years, or to endTime 3e10 s, fails on the horizon without searching it', async () => {
    const startTime = new Date(START_MS + 3_600_000);
    const reserve = (endTime: Date) => () =>
      jsClient(url).send(new ReserveContactCommand({ missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime, endTime }));
    const twentyYears = await whilePinging(url, reserve(new Date(START_MS + 20 * 365 * DAY_MS)));
    assertLoopFree(twentyYears, 'ReserveContact over 20 years');
    const farEnd = await whilePinging(url, reserve(new Date(3e13)));
    assertLoopFree(farEnd, 'ReserveContact to 3e10 s');
    await moveClock(url, { advanceSeconds: 2 });
    for (const { result } of [twentyYears, farEnd]) {
      const contact = await boto3Ok(url, { op: 'describe_contact', params: { contactId: result.contactId } });
      assert.equal(contact.contactStatus, 'FAILED_TO_SCHEDULE');
      assert.match(contact.errorMessage, /not above the elevation mask/);
    }
  });

  it('1,000 enabled TLE ephemerides of one satellite keep ListContacts quick', async () => {
    const client = jsClient(url);
    const now = CLOCK_START_SECONDS + 10;
    const entry = tleData(now - 86400, now + 8 * 86400);
    const validTimeRange = { startTime: new Date((now - 86400) * 1000), endTime: new Date((now + 8 * 86400) * 1000) };
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          client.send(new CreateEphemerisCommand({ satelliteId: NOAA20_ID, name: `many ${batch * 100 + i}`, priority: 1 + i, ephemeris: { tle: { tleData: [{ ...entry, validTimeRange }] } } })),
        ),
      );
    }
    await moveClock(url, { advanceSeconds: 2 });
    const first = await weekOfContacts();
    const listing = await whilePinging(url, weekOfContacts);
    assert.deepEqual(listing.result.contactList, first.contactList);
    assert.ok(listing.result.contactList!.length > 20);
    assertLoopFree(listing, 'ListContacts with 1,000 ephemerides');
  });
});
