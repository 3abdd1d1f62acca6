import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boto3Ok } from '../support/clients.js';
import { BUNDLED } from '../satellite/catalog-data.js';
import { eventually, readJsonl } from '../events/event-sinks.js';
import { CLOCK_START_SECONDS, createDownlinkProfile, firstOhioWindow, moveClock, noaa20Arn, stoppedClockDataDir } from '../contact/contact-support.js';
import { tleData } from './ephemeris-data.js';

const NOAA20_ID = BUNDLED[0]!.satelliteId;
const DAY = 86400;

// AWS's CPE sample (aws-samples/aws-groundstation-cpe, rescheduler.yml) runs a Lambda on each
// 'Ground Station Ephemeris Status Change' with detail.ephemerisStatus ENABLED. It reads only
// detail.satelliteId and the envelope's account, builds the region-less satellite ARN
// 'arn:aws:groundstation::<account>:satellite/<satelliteId>' from them, and lists the SCHEDULED
// contacts of its mission profile for that ARN over the next six days to cancel and rebook them.
describe('an ENABLED ephemeris event, as the CPE rescheduler sample reads it', () => {
  const { eventsFile, start } = stoppedClockDataDir();

  it('its satelliteId and account name the satellite whose scheduled contacts ListContacts finds', async () => {
    const server = await start();
    const satelliteArn = await noaa20Arn(server.url);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const { reserve } = await firstOhioWindow(server.url, missionProfileArn, satelliteArn);
    const contactId = await reserve();
    await boto3Ok(server.url, {
      op: 'create_ephemeris',
      params: { satelliteId: NOAA20_ID, name: 'cpe', ephemeris: { tle: { tleData: [tleData(CLOCK_START_SECONDS - DAY, CLOCK_START_SECONDS + 3 * DAY)] } } },
    });
    const { now } = await moveClock(server.url, { advanceSeconds: 5 });

    const enabled = (events: ReturnType<typeof readJsonl>) =>
      events.filter((event) => event['detail-type'] === 'Ground Station Ephemeris Status Change' && event.detail.ephemerisStatus === 'ENABLED');
    const [event] = enabled(await eventually('the ENABLED event', () => readJsonl(eventsFile), (events) => enabled(events).length > 0));
    const builtArn = `arn:aws:groundstation::${event!.account}:satellite/${event!.detail.satelliteId}`;
    assert.equal(builtArn, satelliteArn);

    const { contactList } = await boto3Ok(server.url, {
      op: 'list_contacts',
      params: { startTime: now, endTime: now + 6 * DAY, missionProfileArn, satelliteArn: builtArn, statusList: ['SCHEDULED'] },
    });
    assert.deepEqual(contactList.map((contact: { contactId: string }) => contact.contactId), [contactId]);
  });
});
