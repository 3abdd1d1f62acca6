import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { boto3Ok, groundStationArn, raw } from '../support/clients.js';
import { configData } from '../support/fixtures.js';
import type { RunningServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';
import { eventually, readJsonl, type Envelope } from '../events/event-sinks.js';
import { createContactProfile, moveClock, noaa20Arn, ohioWindows, reserveAtOhio, stoppedClockDataDir } from './contact-support.js';

const UPLOAD_COMPLETE = 'Ground Station S3 Upload Complete';
const OTHER_BUCKET = 'arn:aws:s3:::aws-groundstation-other-bucket';
// The s3-recording config of AWS's S3 data delivery sample (aws-samples/aws-groundstation-s3-data-delivery).
const SAMPLE_CONFIG_NAME = 'JPSS1 Recording Config';
const SAMPLE_PREFIX = 'data/JPSS1/{year}/{month}/{day}';
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('S3 Upload Complete events', () => {
  const { eventsFile, start } = stoppedClockDataDir();
  let server: RunningServer;
  let satelliteArn: string;
  let missionProfileArn: string;
  let configs: Record<'tracking' | 'antenna-downlink' | 'antenna-downlink-demod-decode' | 's3-recording', string>;
  let otherS3: string;
  let windows: any[];

  const reserve = (window: any) => reserveAtOhio(server.url, missionProfileArn, satelliteArn, window);
  const eventsOf = (contactId: string) => readJsonl(eventsFile).filter((event) => event.detail.contactId === contactId);

  // Two sources record into the same config, and one of them into a second: two destinations.
  before(async () => {
    server = await start();
    satelliteArn = await noaa20Arn(server.url);
    configs = await createConfigs(server.url, ['tracking', 'antenna-downlink', 'antenna-downlink-demod-decode', 's3-recording']);
    otherS3 = await boto3Ok(server.url, {
      op: 'create_config',
      params: { name: SAMPLE_CONFIG_NAME, configData: { s3RecordingConfig: { ...configData['s3-recording'].s3RecordingConfig, bucketArn: OTHER_BUCKET, prefix: SAMPLE_PREFIX } } },
    }).then((result) => result.configArn as string);
    ({ missionProfileArn } = await createContactProfile(server.url, {
      name: 'to-s3',
      dataflowEdges: [
        [configs['antenna-downlink'], configs['s3-recording']],
        [configs['antenna-downlink-demod-decode'], configs['s3-recording']],
        [configs['antenna-downlink'], otherS3],
      ],
      trackingConfigArn: configs.tracking,
    }));
    windows = await ohioWindows(server.url, missionProfileArn, satelliteArn);
  });

  it('a COMPLETED contact publishes one S3 Upload Complete per s3-recording destination at postPassEndTime, from its snapshot', async () => {
    const window = windows[0];
    const contactId = await reserve(window);
    // The contact keeps the bucket it was reserved with.
    await boto3Ok(server.url, {
      op: 'update_config',
      params: { configId: configs['s3-recording'].split('/')[2], configType: 's3-recording', name: 'moved', configData: { s3RecordingConfig: { ...configData['s3-recording'].s3RecordingConfig, bucketArn: OTHER_BUCKET } } },
    });
    await moveClock(server.url, { set: window.postPassEndTime + 3600 });

    const done = (events: Envelope[]) => events.filter((event) => event['detail-type'] === UPLOAD_COMPLETE).length >= 2;
    const events = await eventually('the uploads', () => eventsOf(contactId), done);
    const completedAt = events.findIndex((event) => event.detail.contactStatus === 'COMPLETED');
    const uploads = events.filter((event) => event['detail-type'] === UPLOAD_COMPLETE);
    assert.deepEqual(events.slice(completedAt + 1, completedAt + 3), uploads);
    const common = { contactId, groundstationId: 'Ohio 1', missionProfileArn, satelliteArn };
    // Each config's prefix filled from the contact: '{satellite_id}/{year}/{month}/{day}' and the sample's.
    const satelliteId = satelliteArn.split('/').pop();
    const start = new Date(window.startTime * 1000).toISOString();
    const day = `${start.slice(0, 4)}/${start.slice(5, 7)}/${start.slice(8, 10)}`;
    const startedAt = start.slice(0, 19).replace(/[-T:]/g, '_');
    const keyFormat = (folder: string, configName: string) => `${folder}/${contactId}_${configName}_${satelliteId}_${startedAt}_{fileIndex}.pcap`;
    assert.deepEqual(
      uploads.map((event) => ({ resources: event.resources, time: seconds(event.time), detail: event.detail })),
      [
        { s3RecordingConfigArn: configs['s3-recording'], bucketArn: configData['s3-recording'].s3RecordingConfig.bucketArn, keyFormat: keyFormat(`${satelliteId}/${day}`, 's3-recording-config') },
        { s3RecordingConfigArn: otherS3, bucketArn: OTHER_BUCKET, keyFormat: keyFormat(`data/JPSS1/${day}`, SAMPLE_CONFIG_NAME) },
      ].map((upload) => ({ resources: [groundStationArn(`contact/${contactId}`)], time: window.postPassEndTime, detail: { ...common, ...upload } })),
    );
  });

  // AWS's S3 data delivery sample (aws-samples/aws-groundstation-s3-data-delivery): its Lambda, which the
  // 'Ground Station S3 Upload Complete' rule invokes, reads bucketArn, contactId and keyFormat and lists
  // the bucket under keyFormat cut just after the contact id. Its rt-stps-process.sh then takes that key
  // prefix apart with `cut -d '/' -f1-5` for the folder and `-f6` for the contact id, and fetches the
  // contact's files from the folder by the pattern `<contact id>*`.
  it('S3 Upload Complete gives what the S3 data delivery sample reads: a bucket, a folder, and files named by the contact', async () => {
    const uploads = readJsonl(eventsFile).filter((event) => event['detail-type'] === UPLOAD_COMPLETE);
    const fromSampleConfig = uploads.filter((event) => event.detail.s3RecordingConfigArn === otherS3);
    assert.ok(fromSampleConfig.length > 0);
    for (const { detail } of fromSampleConfig as { detail: Record<string, string> }[]) {
      assert.match(detail.bucketArn.split(':::')[1]!, /^aws-groundstation/);
      const keyPrefix = detail.keyFormat.slice(0, detail.keyFormat.indexOf(detail.contactId) + detail.contactId.length);
      const parts = keyPrefix.split('/');
      const [folder, contactIdPart] = [parts.slice(0, 5).join('/'), parts[5]];
      assert.match(folder, /^data\/JPSS1\/\d{4}\/\d{2}\/\d{2}$/);
      assert.equal(contactIdPart, detail.contactId);
      const fileName = detail.keyFormat.slice(folder.length + 1);
      assert.ok(!fileName.includes('/') && fileName.startsWith(detail.contactId), `${fileName} lies in ${folder} and starts with the contact id`);
    }
  });

  it('a cancelled contact publishes no S3 Upload Complete', async () => {
    const window = windows.find((candidate) => candidate.startTime > windows[0].postPassEndTime + 3600);
    const contactId = await reserve(window);
    await boto3Ok(server.url, { op: 'cancel_contact', params: { contactId } });
    await moveClock(server.url, { set: window.postPassEndTime + 3600 });
    const events = await eventually('the cancellation', () => eventsOf(contactId), (seen) => seen.some((event) => event.detail.contactStatus === 'CANCELLED'));
    assert.deepEqual(
      events.map((event) => event.detail.contactStatus),
      ['SCHEDULING', 'CANCELLING', 'CANCELLED'],
    );
  });

  // A newer build may add an event kind to timelines already published past its moment: the rule
  // (src/schedule/timeline.ts) skips it rather than publish it late. Simulated by forgetting that
  // the uploads of a completed contact were published.
  it('a contact whose stored keys lack an event kind at a past moment publishes it neither late nor twice, and nothing else again', async () => {
    const { now } = (await raw(server.url, 'GET', '/_local/clock')).json;
    const [window, later] = windows.filter((candidate) => candidate.startTime > now + 600);
    const contactId = await reserve(window);
    const laterId = await reserve(later);
    await moveClock(server.url, { set: window.postPassEndTime + 60 });
    const completed = (id: string) => (events: Envelope[]) => events.some((event) => event.detail.contactId === id && event.detail.contactStatus === 'COMPLETED');
    const before = await eventually('the contact completing', () => eventsOf(contactId), completed(contactId));
    assert.equal(before.filter((event) => event['detail-type'] === UPLOAD_COMPLETE).length, 2);
    await server.stop();
    const db = new Database(join(dirname(eventsFile), 'groundstation.sqlite'));
    const published = db.prepare<[string], string>("SELECT published_keys FROM published_changes WHERE kind = 'contact' AND id = ?").pluck();
    const keys: string[] = JSON.parse(published.get(contactId)!);
    const withoutUploads = keys.filter((key) => !key.startsWith('upload:'));
    assert.equal(withoutUploads.length, keys.length - 2);
    // And the next change's moment points the scheduler at the contact again, so the rule itself must hold it back.
    db.prepare("UPDATE published_changes SET published_keys = ?, next_change_ms = ? WHERE kind = 'contact' AND id = ?")
      .run(JSON.stringify(withoutUploads), window.postPassEndTime * 1000, contactId);
    db.close();

    server = await start();
    // The later contact completing shows the scheduler has published everything due before it.
    await moveClock(server.url, { set: later.postPassEndTime + 60 });
    await eventually('the later contact completing', () => eventsOf(laterId), completed(laterId));
    assert.deepEqual(eventsOf(contactId), before);
  });
});
