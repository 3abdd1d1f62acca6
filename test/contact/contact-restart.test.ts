import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { boto3Ok, raw } from '../support/clients.js';
import { CLOCK_START, createDownlinkProfile, firstOhioWindow, moveClock, noaa20Arn, stoppedClockDataDir } from './contact-support.js';

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
