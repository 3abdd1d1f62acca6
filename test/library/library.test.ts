import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startGroundStationLocal, type EventEnvelope, type GroundStationLocal } from 'groundstation-local';
import { ACCOUNT, boto3, boto3Ok, OTHER_ACCOUNT, raw } from '../support/clients.js';
import { configData } from '../support/fixtures.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, firstOhioWindow, noaa20Arn, weekFromStart } from '../contact/contact-support.js';

// The package's own API, as a test file of a project using it would call it.
describe('startGroundStationLocal', () => {
  let gs: GroundStationLocal;
  before(async () => {
    gs = await startGroundStationLocal({ inMemory: true, clock: { start: CLOCK_START, rate: 0 } });
  });
  after(() => gs.stop());

  it('serves the API at its endpoint, on a port of its own', async () => {
    assert.match(gs.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(gs.port, 0);
    const { configArn } = await boto3Ok(gs.endpoint, { op: 'create_config', params: { name: 'lib', configData: configData.tracking } });
    assert.match(configArn, /^arn:aws:groundstation:us-east-2:111122223333:config\/tracking\//);
  });

  it('clock.set and clock.advance move the simulated clock, as GET /_local/clock then shows', async () => {
    assert.equal(gs.clock.now().toISOString(), '2026-07-21T00:00:00.000Z');
    await gs.clock.set('2026-07-21T01:00:00Z');
    await gs.clock.advance(30);
    assert.equal(gs.clock.now().getTime(), (CLOCK_START_SECONDS + 3630) * 1000);
    assert.deepEqual((await raw(gs.endpoint, 'GET', '/_local/clock')).json, { now: CLOCK_START_SECONDS + 3630, rate: 0 });
    await assert.rejects(gs.clock.set(CLOCK_START), /backwards/);
  });

  it('events iterates the event envelopes published from then on, each once, in order', async () => {
    const satelliteArn = await noaa20Arn(gs.endpoint);
    const { missionProfileArn } = await createDownlinkProfile(gs.endpoint);
    const { window } = await firstOhioWindow(gs.endpoint, missionProfileArn, satelliteArn);
    const events = gs.events[Symbol.asyncIterator]();
    const { contactId } = await boto3Ok(gs.endpoint, {
      op: 'reserve_contact',
      params: { missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime },
    });
    await gs.clock.advance(2);
    const seen: EventEnvelope[] = [(await events.next()).value, (await events.next()).value];
    await events.return!();
    assert.deepEqual(
      seen.map((event) => [event['detail-type'], event.detail.contactId, event.detail.contactStatus]),
      [
        ['Ground Station Contact State Change', contactId, 'SCHEDULING'],
        ['Ground Station Contact State Change', contactId, 'SCHEDULED'],
      ],
    );
    assert.equal(seen[0]!.source, 'aws.groundstation');
  });
});

describe('starting and stopping', () => {
  it('stops cleanly at once after starting, with nothing logged, again and again', async () => {
    let logged = '';
    for (let round = 0; round < 3; round++) {
      const gs = await startGroundStationLocal({ logStream: { write: (line) => void (logged += line) } });
      await gs.stop();
    }
    assert.equal(logged, '');
  });
});

// What a test suite uses to isolate its tests without restarting the server.
describe('POST /_local/reset', () => {
  let gs: GroundStationLocal;
  before(async () => {
    gs = await startGroundStationLocal({ clock: { start: CLOCK_START, rate: 0 } });
  });
  after(() => gs.stop());

  /** A downlink profile of the account and its free Ohio 1 windows of the week. */
  const profileOf = async (account: string) => {
    const satelliteArn = await noaa20Arn(gs.endpoint, { account });
    const { missionProfileArn } = await createDownlinkProfile(gs.endpoint, 60, { account });
    const freeWindows = async () =>
      (
        await boto3Ok(
          gs.endpoint,
          { op: 'list_contacts', params: { statusList: ['AVAILABLE'], ...weekFromStart(), groundStation: 'Ohio 1', missionProfileArn, satelliteArn } },
          { account },
        )
      ).contactList as { startTime: number; endTime: number }[];
    const reserve = (window: { startTime: number; endTime: number }) =>
      boto3Ok(
        gs.endpoint,
        { op: 'reserve_contact', params: { missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime } },
        { account },
      );
    return { freeWindows, reserve };
  };
  const holdings = async (account: string) => {
    const [configs, profiles, contacts] = await boto3(
      gs.endpoint,
      [{ op: 'list_configs' }, { op: 'list_mission_profiles' }, { op: 'list_contacts', params: { statusList: ['SCHEDULING', 'SCHEDULED'], ...weekFromStart() } }],
      { account },
    );
    return [configs!.result.configList.length, profiles!.result.missionProfileList.length, contacts!.result.contactList.length];
  };

  it('?account= forgets that account, whose contact frees its antenna, and keeps the others (raw HTTP, then boto3)', async () => {
    const mine = await profileOf(ACCOUNT);
    const theirs = await profileOf(OTHER_ACCOUNT);
    const windows = await mine.freeWindows();
    await mine.reserve(windows[0]!);
    await theirs.reserve(windows[1]!);
    // Ohio 1 has one antenna, shared by every account.
    assert.equal((await mine.freeWindows())[0]!.startTime, windows[2]!.startTime);
    assert.deepEqual(await holdings(OTHER_ACCOUNT), [4, 1, 1]);

    const reset = await raw(gs.endpoint, 'POST', `/_local/reset?account=${OTHER_ACCOUNT}`);
    assert.deepEqual([reset.status, reset.json], [200, { reset: OTHER_ACCOUNT }]);
    assert.deepEqual(await holdings(OTHER_ACCOUNT), [0, 0, 0]);
    assert.deepEqual(await holdings(ACCOUNT), [4, 1, 1]);
    assert.equal((await mine.freeWindows())[0]!.startTime, windows[1]!.startTime);
    const [gone] = await boto3(gs.endpoint, [{ op: 'list_mission_profiles' }], { account: OTHER_ACCOUNT });
    assert.deepEqual(gone!.result.missionProfileList, []);
  });

  it('without an account it forgets every account; the clock and the catalog stay', async () => {
    const mine = await profileOf(ACCOUNT);
    await mine.reserve((await mine.freeWindows())[0]!);
    await gs.clock.advance(60);
    const satellitesBefore = await boto3Ok(gs.endpoint, { op: 'list_satellites' });
    await gs.reset();
    assert.deepEqual(await holdings(ACCOUNT), [0, 0, 0]);
    assert.deepEqual(await holdings(OTHER_ACCOUNT), [0, 0, 0]);
    assert.deepEqual(await boto3Ok(gs.endpoint, { op: 'list_satellites' }), satellitesBefore);
    assert.ok(gs.clock.now().getTime() >= (CLOCK_START_SECONDS + 60) * 1000);
    const { configId } = await boto3Ok(gs.endpoint, { op: 'create_config', params: { name: 'after', configData: configData.tracking } });
    assert.deepEqual((await boto3Ok(gs.endpoint, { op: 'list_configs' })).configList.map((c: any) => c.configId), [configId]);
  });

  it('a signed caller resets its own account only: naming another is refused with 403 and forgets nothing', async () => {
    const signedAs = (account: string) => ({ authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260721/us-east-2/groundstation/aws4_request, SignedHeaders=host, Signature=0` });
    await gs.reset();
    await profileOf(ACCOUNT);
    await profileOf(OTHER_ACCOUNT);
    const refused = await raw(gs.endpoint, 'POST', `/_local/reset?account=${OTHER_ACCOUNT}`, { headers: signedAs(ACCOUNT) });
    assert.equal(refused.status, 403);
    assert.match(refused.json.message, new RegExp(`signed for account ${ACCOUNT}`));
    assert.deepEqual(await holdings(OTHER_ACCOUNT), [4, 1, 0]);
    const own = await raw(gs.endpoint, 'POST', '/_local/reset', { headers: signedAs(ACCOUNT) });
    assert.deepEqual([own.status, own.json], [200, { reset: ACCOUNT }]);
    assert.deepEqual(await holdings(ACCOUNT), [0, 0, 0]);
    assert.deepEqual(await holdings(OTHER_ACCOUNT), [4, 1, 0]);
  });

  it('a forgotten account publishes nothing more of what it had scheduled; another account goes on', async () => {
    await gs.reset();
    const mine = await profileOf(ACCOUNT);
    const theirs = await profileOf(OTHER_ACCOUNT);
    const windows = await mine.freeWindows();
    await mine.reserve(windows[0]!);
    const { contactId } = await theirs.reserve(windows[1]!);
    await gs.clock.advance(2);
    const { prePassStartTime } = await boto3Ok(gs.endpoint, { op: 'describe_contact', params: { contactId } }, { account: OTHER_ACCOUNT });
    const nextChange = async () => (await raw(gs.endpoint, 'GET', '/_local/clock')).json.nextChange;
    assert.ok((await nextChange()) < prePassStartTime);
    const events = gs.events[Symbol.asyncIterator]();
    assert.equal((await raw(gs.endpoint, 'POST', `/_local/reset?account=${ACCOUNT}`)).status, 200);
    // The next change the clock tells is the other account's: nothing of the forgotten one is left.
    assert.equal(await nextChange(), prePassStartTime);
    await gs.clock.set((windows[1]!.endTime + 3600) * 1000);
    const seen: EventEnvelope[] = [];
    while (!seen.some((event) => event.detail.contactId === contactId && event.detail.contactStatus === 'COMPLETED')) seen.push((await events.next()).value);
    await events.return!();
    assert.deepEqual(seen.filter((event) => event.account !== OTHER_ACCOUNT), []);
    const statuses = seen.flatMap((event) => (event['detail-type'] === 'Ground Station Contact State Change' ? [event.detail.contactStatus] : []));
    assert.deepEqual(statuses, ['PREPASS', 'PASS', 'POSTPASS', 'COMPLETED']);
  });

  it('refuses a malformed account or another parameter with 400, and forgets nothing', async () => {
    const { configId } = await boto3Ok(gs.endpoint, { op: 'create_config', params: { name: 'kept', configData: configData.tracking } });
    const refused = await Promise.all([
      raw(gs.endpoint, 'POST', '/_local/reset?account=12345'),
      raw(gs.endpoint, 'POST', '/_local/reset?region=us-east-2'),
    ]);
    assert.deepEqual(refused.map((r) => r.status), [400, 400]);
    assert.match(refused[0]!.json.message, /12-digit/);
    assert.match(refused[1]!.json.message, /only \?account=/);
    const [got] = await boto3(gs.endpoint, [{ op: 'get_config', params: { configId, configType: 'tracking' } }]);
    assert.equal(got!.result.name, 'kept');
  });
});

// Settings belong to an app, not to the process: nothing one app is started with reaches another.
describe('two apps in one process', () => {
  let slow: GroundStationLocal;
  let quick: GroundStationLocal;
  before(async () => {
    [slow, quick] = await Promise.all([
      startGroundStationLocal({ clock: { start: CLOCK_START, rate: 0 }, schedulingDelaySeconds: 30, includeAqua: true }),
      startGroundStationLocal({ clock: { start: '2026-07-22T00:00:00Z', rate: 0 }, schedulingDelaySeconds: 0 }),
    ]);
  });
  after(() => Promise.all([slow.stop(), quick.stop()]));

  it('keep their own clock, scheduling delay and catalog', async () => {
    assert.equal(slow.clock.now().toISOString(), '2026-07-21T00:00:00.000Z');
    assert.equal(quick.clock.now().toISOString(), '2026-07-22T00:00:00.000Z');
    await quick.clock.advance(10);
    assert.equal(slow.clock.now().toISOString(), '2026-07-21T00:00:00.000Z');

    const statusAfterReserving = async (gs: GroundStationLocal) => {
      const satelliteArn = await noaa20Arn(gs.endpoint);
      const { missionProfileArn } = await createDownlinkProfile(gs.endpoint);
      const { window } = await firstOhioWindow(gs.endpoint, missionProfileArn, satelliteArn);
      const { contactId } = await boto3Ok(gs.endpoint, {
        op: 'reserve_contact',
        params: { missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime },
      });
      await gs.clock.advance(1);
      return (await boto3Ok(gs.endpoint, { op: 'describe_contact', params: { contactId } })).contactStatus;
    };
    assert.deepEqual(await Promise.all([statusAfterReserving(slow), statusAfterReserving(quick)]), ['SCHEDULING', 'SCHEDULED']);

    const listed = await Promise.all([slow, quick].map((gs) => boto3Ok(gs.endpoint, { op: 'list_satellites' })));
    const aquaListed = listed.map(({ satellites }) => satellites.some((s: any) => s.noradSatelliteID === 27424));
    assert.deepEqual(aquaListed, [true, false]);
  });
});
