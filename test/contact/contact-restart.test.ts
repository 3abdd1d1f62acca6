import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { boto3Ok, raw } from '../support/clients.js';
import { eventually, readJsonl } from '../events/event-sinks.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, firstOhioWindow, moveClock, noaa20Arn, ohioWindows, reserveAtOhio, stoppedClockDataDir } from './contact-support.js';

describe('contacts across a crash', () => {
  const { eventsFile, start } = stoppedClockDataDir();

  it('a contact killed mid-pass resumes in PASS on the same clock and completes, each change published once', async () => {
    let server = await start();
    const satelliteArn = await noaa20Arn(server.url);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const { window, reserve } = await firstOhioWindow(server.url, missionProfileArn, satelliteArn);
    const contactId = await reserve();
    const midPass = await moveClock(server.url, { set: window.startTime + 60 });
    await server.stop('SIGKILL');

    server = await start();
    assert.deepEqual((await raw(server.url, 'GET', '/_local/clock')).json, midPass);
    assert.equal((await boto3Ok(server.url, { op: 'describe_contact', params: { contactId } })).contactStatus, 'PASS');
    await moveClock(server.url, { set: window.postPassEndTime + 1 });
    assert.equal((await boto3Ok(server.url, { op: 'describe_contact', params: { contactId } })).contactStatus, 'COMPLETED');
    await server.stop();

    const changes = readFileSync(eventsFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((event) => event['detail-type'] === 'Ground Station Contact State Change' && event.detail.contactId === contactId);
    assert.deepEqual(
      changes.map((event) => [event.detail.contactStatus, Date.parse(event.time) / 1000]),
      [
        ['SCHEDULING', Date.parse(CLOCK_START) / 1000],
        ['SCHEDULED', Date.parse(CLOCK_START) / 1000 + 1],
        ['PREPASS', window.prePassStartTime],
        ['PASS', window.startTime],
        ['POSTPASS', window.endTime],
        ['COMPLETED', window.postPassEndTime],
      ],
    );
    assert.equal(changes[0].detail.groundstationId, 'Ohio 1');
  });
});

describe('contacts across a restart with another scheduling delay', () => {
  const { eventsFile, start } = stoppedClockDataDir();
  const statusChanges = (contactId: string) =>
    readJsonl(eventsFile)
      .filter((event) => event['detail-type'] === 'Ground Station Contact State Change' && event.detail.contactId === contactId)
      .map((event) => [event.detail.contactStatus, Date.parse(event.time) / 1000 - CLOCK_START_SECONDS]);
  const status = async (url: string, contactId: string) => (await boto3Ok(url, { op: 'describe_contact', params: { contactId } })).contactStatus;

  it('a contact keeps the delay it was reserved with; only contacts reserved after the restart take the new one', async () => {
    let server = await start();
    const satelliteArn = await noaa20Arn(server.url);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const [first, second, third] = await ohioWindows(server.url, missionProfileArn, satelliteArn);
    const scheduled = await reserveAtOhio(server.url, missionProfileArn, satelliteArn, first);
    const scheduling = await reserveAtOhio(server.url, missionProfileArn, satelliteArn, second);
    await moveClock(server.url, { advanceSeconds: 0.5 });
    await server.stop();

    // 30 s instead of 1 s: the contacts above would be SCHEDULING until 30 s had they taken it.
    server = await start({ GSL_SCHEDULING_DELAY_SECONDS: '30' });
    assert.equal(await status(server.url, scheduling), 'SCHEDULING');
    await moveClock(server.url, { advanceSeconds: 1.5 });
    assert.equal(await status(server.url, scheduled), 'SCHEDULED');
    assert.equal(await status(server.url, scheduling), 'SCHEDULED');
    await boto3Ok(server.url, { op: 'cancel_contact', params: { contactId: scheduled } });
    const later = await reserveAtOhio(server.url, missionProfileArn, satelliteArn, third);
    await moveClock(server.url, { advanceSeconds: 2 });
    assert.equal(await status(server.url, scheduled), 'CANCELLED');
    assert.equal(await status(server.url, later), 'SCHEDULING');
    await moveClock(server.url, { advanceSeconds: 30 });
    assert.equal(await status(server.url, later), 'SCHEDULED');

    await eventually('the later contact scheduled', () => statusChanges(later), (changes) => changes.length === 2);
    assert.deepEqual(statusChanges(scheduled), [['SCHEDULING', 0], ['SCHEDULED', 1], ['CANCELLING', 2], ['CANCELLED', 3]]);
    assert.deepEqual(statusChanges(scheduling), [['SCHEDULING', 0], ['SCHEDULED', 1]]);
    assert.deepEqual(statusChanges(later), [['SCHEDULING', 2], ['SCHEDULED', 32]]);
  });
});
