import { CreateConfigCommand, type ConfigTypeData } from '@aws-sdk/client-groundstation';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { boto3Ok, jsClient } from '../support/clients.js';
import { configData } from '../support/fixtures.js';
import { createDownlinkProfile, moveClock, noaa20Arn, ohioWindows, reserveAtOhio, stoppedClockDataDir } from './contact-support.js';

const FAILED_PUBLISH = /publishing scheduled changes failed; retrying/g;
const CONTACTS = 4;

describe('publishing contact changes on a full database', () => {
  // A stopped clock: retries must not wait for simulated time to move.
  const { eventsFile, start } = stoppedClockDataDir();

  it('is retried about once a second of real time, not in a loop, and each change is published once space is back', async () => {
    let server = await start();
    const satelliteArn = await noaa20Arn(server.url);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const windows = (await ohioWindows(server.url, missionProfileArn, satelliteArn)).slice(0, CONTACTS);
    const contactIds: string[] = [];
    for (const window of windows) contactIds.push(await reserveAtOhio(server.url, missionProfileArn, satelliteArn, window));
    await server.stop();

    // 1 page is below any database: SQLite caps the file at its size at start-up. Filled up, it has
    // no room for the contacts' many pass events.
    server = await start({ GSL_MAX_DATABASE_PAGES: '1' });
    const client = jsClient(server.url);
    const padding = { padding: 'x'.repeat(2000) };
    for (let index = 0, full = false; !full; index++) {
      assert.ok(index < 500, 'the database filled up');
      full = await client
        .send(new CreateConfigCommand({ name: `filler ${index}`, configData: configData.tracking as ConfigTypeData, tags: padding }))
        .then(
          () => false,
          () => true,
        );
    }
    const lastEnd = windows[windows.length - 1].postPassEndTime;
    await moveClock(server.url, { set: lastEnd + 1 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const attempts = server.output().match(FAILED_PUBLISH)?.length ?? 0;
    assert.ok(attempts >= 2 && attempts <= 6, `${attempts} attempts to publish in 3 s`);
    const described = await boto3Ok(server.url, { op: 'describe_contact', params: { contactId: contactIds[0] } });
    assert.equal(described.contactStatus, 'COMPLETED');
    await server.stop();

    server = await start();
    await moveClock(server.url, { advanceSeconds: 1 });
    await server.stop();
    const events = readFileSync(eventsFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((event) => event['detail-type'] === 'Ground Station Contact State Change');
    for (const contactId of contactIds) {
      assert.deepEqual(
        events.filter((event) => event.detail.contactId === contactId).map((event) => event.detail.contactStatus),
        ['SCHEDULING', 'SCHEDULED', 'PREPASS', 'PASS', 'POSTPASS', 'COMPLETED'],
      );
    }
  });
});
