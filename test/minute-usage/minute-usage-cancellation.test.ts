import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { boto3Ok } from '../support/clients.js';
import type { RunningServer } from '../support/server.js';
import { createDownlinkProfile, moveClock, noaa20Arn, reserveAtOhio, stoppedClockDataDir, weekFromStart } from '../contact/contact-support.js';

const LATE_CANCELLATION_SECONDS = 15 * 60;

describe('GetMinuteUsage and cancellations (SEMANTICS §2.2, §2.6)', () => {
  const { start } = stoppedClockDataDir();
  let server: RunningServer;

  before(async () => {
    server = await start();
  });

  it('a cancel exactly 15 minutes before startTime is not counted; one a second later is', async () => {
    const satelliteArn = await noaa20Arn(server.url);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    const { contactList } = await boto3Ok(server.url, {
      op: 'list_contacts',
      params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation: 'Ohio 1', missionProfileArn, satelliteArn },
    });
    const [early, late] = contactList as any[];
    const reserve = (window: any) => reserveAtOhio(server.url, missionProfileArn, satelliteArn, window);
    const earlyId = await reserve(early);
    const lateId = await reserve(late);

    await moveClock(server.url, { set: early.startTime - LATE_CANCELLATION_SECONDS });
    await boto3Ok(server.url, { op: 'cancel_contact', params: { contactId: earlyId } });
    await moveClock(server.url, { set: late.startTime - (LATE_CANCELLATION_SECONDS - 1) });
    await boto3Ok(server.url, { op: 'cancel_contact', params: { contactId: lateId } });

    const usage = await boto3Ok(server.url, { op: 'get_minute_usage', params: { month: 7, year: 2026 } });
    const minutes = Math.ceil((late.endTime - late.startTime) / 60);
    assert.equal(usage.totalScheduledMinutes, minutes);
    assert.equal(usage.upcomingMinutesScheduled, minutes);
  });
});
