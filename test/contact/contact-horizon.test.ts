import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ListContactsCommand } from '@aws-sdk/client-groundstation';
import { assertJsError, assertRawError } from '../support/assertions.js';
import { boto3, jsClient, jsError, raw } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, moveClock, noaa20Arn } from './contact-support.js';

// AVAILABLE windows reach 7 days from now. Users who tried it report that the service answers a
// later endTime with ResourceLimitExceededException; aws-samples/aws-groundstation-cli-contact-control
// keeps its AVAILABLE queries within the week ("On demand contacts can only be booked 7 days in
// advance"), starting at midnight of today, already past.
describe('ListContacts AVAILABLE looks at most 7 days ahead', () => {
  let server: RunningServer;
  let query: Record<string, unknown>;
  const DAY = 86400;
  const now = CLOCK_START_SECONDS;

  before(async () => {
    server = await startServer({ args: ['--clock-start', CLOCK_START, '--clock-rate', '0'], inMemory: true });
    const satelliteArn = await noaa20Arn(server.url);
    const { missionProfileArn } = await createDownlinkProfile(server.url);
    query = { statusList: ['AVAILABLE'], groundStation: 'Ohio 1', missionProfileArn, satelliteArn };
  });
  after(() => server.stop());

  it('ListContacts AVAILABLE up to exactly now + 7 days answers, from any startTime; one second more is ResourceLimitExceededException', async () => {
    const [exact, fromYesterday, beyond, shortButLate, reservedOnly] = await boto3(server.url, [
      { op: 'list_contacts', params: { ...query, startTime: now, endTime: now + 7 * DAY } },
      { op: 'list_contacts', params: { ...query, startTime: now - DAY, endTime: now + 7 * DAY } },
      { op: 'list_contacts', params: { ...query, startTime: now, endTime: now + 7 * DAY + 1 } },
      { op: 'list_contacts', params: { ...query, startTime: now + 6 * DAY, endTime: now + 7 * DAY + 1 } },
      { op: 'list_contacts', params: { statusList: ['SCHEDULED', 'COMPLETED'], startTime: now - 30 * DAY, endTime: now + 30 * DAY } },
    ]);
    const windows = exact!.result.contactList;
    assert.ok(windows.length > 20);
    assert.ok(windows.every((row: any) => row.endTime <= now + 7 * DAY));
    assert.deepEqual(fromYesterday!.result.contactList, windows);
    for (const refused of [beyond, shortButLate]) {
      assert.deepEqual(
        { code: refused!.error?.code, status: refused!.error?.status, parameterName: refused!.error?.parameterName, exceptionClass: refused!.error?.exceptionClass },
        { code: 'ResourceLimitExceededException', status: 429, parameterName: 'endTime', exceptionClass: 'ResourceLimitExceededException' },
      );
      assert.match(refused!.error!.message, /7 days/);
    }
    assert.deepEqual(reservedOnly!.result.contactList, []);
  });

  it('the JS SDK and raw HTTP meet the same limit, to the millisecond, whatever else statusList holds', async () => {
    const js = jsClient(server.url);
    const at = (seconds: number) => new Date(seconds * 1000);
    const accepted = await js.send(new ListContactsCommand({ ...query, statusList: ['AVAILABLE'], startTime: at(now), endTime: at(now + 7 * DAY) }));
    assert.ok(accepted.contactList!.length > 20);
    const refused = await jsError(js.send(new ListContactsCommand({ ...query, statusList: ['SCHEDULED', 'AVAILABLE'], startTime: at(now), endTime: at(now + 7 * DAY + 1) })));
    assertJsError(refused, { code: 'ResourceLimitExceededException', status: 429, parameterName: 'endTime', message: /7 days/ });

    const justOver = await raw(server.url, 'POST', '/contacts', { body: { ...query, startTime: now, endTime: now + 7 * DAY + 0.001 } });
    assertRawError(justOver, { code: 'ResourceLimitExceededException', status: 429, parameterName: 'endTime' });
  });

  it('the 7 days run from the clock, not from the request: after a day, a day more is offered', async () => {
    await moveClock(server.url, { advanceSeconds: DAY });
    const [later, stillBeyond] = await boto3(server.url, [
      { op: 'list_contacts', params: { ...query, startTime: now, endTime: now + 8 * DAY } },
      { op: 'list_contacts', params: { ...query, startTime: now, endTime: now + 8 * DAY + 1 } },
    ]);
    assert.ok(later!.result.contactList.some((row: any) => row.startTime > now + 7 * DAY));
    assert.equal(stillBeyond!.error?.code, 'ResourceLimitExceededException');
  });
});
