import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { boto3, boto3Ok, raw } from '../support/clients.js';
import { projectRoot } from '../support/paths.js';
import { startServer, type RunningServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';
import { CLOCK_START, createContactProfile, createDownlinkProfile, noaa20Arn } from '../contact/contact-support.js';
import { openConsole, screenshot, type ConsoleBrowser } from './browser.js';

const WAIT_MS = 20_000;
const ACCOUNT_QUERY = '?account=111122223333&region=us-east-2';

// Set GSL_UPDATE_DOC_IMAGES=1 to refresh the README's pictures from this run.
const updateDocImages = process.env.GSL_UPDATE_DOC_IMAGES === '1';

async function chooseOption(page: Page, label: string, optionText: string) {
  const select = page.locator(`select[aria-label="${label}"]`);
  const value = await select.locator('option', { hasText: optionText }).first().getAttribute('value');
  await select.selectOption(value!);
}

describe('the web console, in chromium', () => {
  let server: RunningServer;
  let browser: ConsoleBrowser;
  let page: Page;
  let satelliteArn: string;
  let contactId: string;

  before(async () => {
    server = await startServer({ args: ['--clock-start', CLOCK_START, '--clock-rate', '0'] });
    satelliteArn = await noaa20Arn(server.url);
    await createDownlinkProfile(server.url);
    browser = await openConsole(server.url, ACCOUNT_QUERY);
    page = browser.page;
    await chooseOption(page, 'Satellite', '43013');
    await chooseOption(page, 'Mission profile', 'downlink');
    await page.locator('select[aria-label="Window"]').selectOption('168');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws one pass bar per AVAILABLE window ListContacts gives for the same query, station by station', async () => {
    // The window chosen in `before` may not be drawn yet: wait for the 7-day one.
    await page.waitForFunction(() => {
      const figure = document.querySelector('.timeline[data-loaded="true"]');
      return figure !== null && Number(figure.getAttribute('data-end')) - Number(figure.getAttribute('data-start')) === 7 * 86_400;
    }, undefined, { timeout: WAIT_MS });
    const timeline = page.locator('.timeline');
    const start = Number(await timeline.getAttribute('data-start'));
    const end = Number(await timeline.getAttribute('data-end'));
    assert.equal(end - start, 7 * 86_400);
    const missionProfileArn = (await boto3Ok(server.url, { op: 'list_mission_profiles' })).missionProfileList[0].missionProfileArn;
    const { groundStations } = (await raw(server.url, 'GET', '/_local/ground-stations')).json;
    const outcomes = await boto3(server.url, groundStations.map((station: any) => ({
      paginate: 'list_contacts',
      params: { statusList: ['AVAILABLE'], startTime: start, endTime: end, groundStation: station.groundStationName, missionProfileArn, satelliteArn },
    })));
    let total = 0;
    for (const [index, station] of groundStations.entries()) {
      const expected = outcomes[index]!.result ? outcomes[index]!.result.flatMap((listed: any) => listed.contactList).length : 0;
      total += expected;
      assert.equal(await page.locator(`.pass-bar[data-station="${station.groundStationName}"]`).count(), expected, station.groundStationName);
    }
    assert.ok(total > 0);
    assert.equal(await page.locator('.pass-bar').count(), total);
    await screenshot(page, 'timeline', '.timeline');
  });

  it('reserves a pass chosen from the keyboard, and the contact is there for boto3', async () => {
    const bar = page.locator('.pass-bar[data-station="Ohio 1"]').first();
    const barStart = Number(await bar.getAttribute('data-start'));
    await bar.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('.pass-detail');
    await detail.waitFor({ timeout: WAIT_MS });
    assert.match((await detail.textContent())!, /Maximum elevation\d+\.\d°Duration\d+ s/);
    // The sky plot draws the pass from rise to set.
    await page.locator('.sky-plot .sky-track').waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'pass-selected', 'section[aria-labelledby="timeline-heading"]');
    await page.getByRole('button', { name: 'Reserve' }).click();
    const contact = page.locator('.contact-bar[data-contact-id]').first();
    await contact.waitFor({ timeout: WAIT_MS });
    contactId = (await contact.getAttribute('data-contact-id'))!;
    const described = await boto3Ok(server.url, { op: 'describe_contact', params: { contactId } });
    assert.equal(described.groundStation, 'Ohio 1');
    assert.equal(described.satelliteArn, satelliteArn);
    assert.equal(described.startTime, barStart);
    assert.ok(['SCHEDULING', 'SCHEDULED'].includes(described.contactStatus));
  });

  it('shows the contact move through PREPASS, PASS, POSTPASS and COMPLETED as the clock advances', async () => {
    await page.locator('select[aria-label="Window"]').selectOption('24');
    const contact = page.locator(`.contact-bar[data-contact-id="${contactId}"]`);
    const seen: string[] = [];
    for (const status of ['PREPASS', 'PASS', 'POSTPASS', 'COMPLETED']) {
      // Next change goes to the next moment any record changes (an endpoint group's own pre- and
      // post-pass among them): step until the contact shows the status.
      for (let step = 0; (await contact.getAttribute('data-status')) !== status; step++) {
        assert.ok(step < 6, `${status} not reached`);
        const shown = await contact.getAttribute('data-status');
        await page.getByRole('button', { name: 'Next change' }).click();
        // The console reads its contacts again after moving the clock; a group's change moves none.
        await page
          .waitForFunction(([id, before]) => document.querySelector(`.contact-bar[data-contact-id="${id}"]`)?.getAttribute('data-status') !== before, [contactId, shown] as const, { timeout: 3000 })
          .catch(() => undefined);
      }
      await page.locator(`.contact-bar[data-contact-id="${contactId}"][data-status="${status}"]`).waitFor({ timeout: WAIT_MS });
      seen.push((await contact.getAttribute('data-status'))!);
      if (status === 'PASS') await screenshot(page, 'timeline-pass', '.timeline');
    }
    assert.deepEqual(seen, ['PREPASS', 'PASS', 'POSTPASS', 'COMPLETED']);
    const described = await boto3Ok(server.url, { op: 'describe_contact', params: { contactId } });
    assert.equal(described.contactStatus, 'COMPLETED');
    // The event log heard each change from the SSE stream.
    await page.locator('.events li', { hasText: `contactStatus=COMPLETED contactId=${contactId}` }).waitFor({ timeout: WAIT_MS });
    for (const status of seen) assert.equal(await page.locator('.events li', { hasText: `contactStatus=${status} contactId=${contactId}` }).count(), 1, status);
  });

  it('puts every ground station and every satellite on the map', async () => {
    await page.locator('.world-map[data-loaded="true"]').waitFor({ timeout: WAIT_MS });
    const { groundStations } = (await raw(server.url, 'GET', '/_local/ground-stations')).json;
    const { satellites } = await boto3Ok(server.url, { op: 'list_satellites' });
    assert.equal(await page.locator('.world-map .station').count(), groundStations.length);
    for (const station of groundStations) assert.equal(await page.locator(`.station[data-station="${station.groundStationName}"]`).count(), 1);
    await page.locator('.world-map .footprint').nth(groundStations.length - 1).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator('.world-map .satellite-now').count(), satellites.length);
    for (const satellite of satellites) assert.equal(await page.locator(`.satellite[data-satellite-id="${satellite.satelliteId}"] .satellite-now`).count(), 1);
    // A narrower map keeps the README's picture small.
    await page.locator('.world-map').evaluate((map: HTMLElement) => (map.style.maxWidth = '760px'));
    await screenshot(page, 'map', '.world-map');
    await page.locator('.world-map').evaluate((map: HTMLElement) => (map.style.maxWidth = ''));
  });

  it('draws a mission profile as one node per config and one arrow per dataflow edge, with the output-node suffix', async () => {
    const arns = await createConfigs(server.url, ['tracking', 'antenna-downlink', 's3-recording', 'antenna-downlink-demod-decode', 'dataflow-endpoint', 'telemetry-sink']);
    const demodOutput = `${arns['antenna-downlink-demod-decode']}/UncodedFramesEgress`;
    await createContactProfile(server.url, {
      name: 'graph',
      trackingConfigArn: arns.tracking,
      dataflowEdges: [[arns['antenna-downlink'], arns['s3-recording']], [demodOutput, arns['dataflow-endpoint']]],
      telemetrySinkConfigArn: arns['telemetry-sink'],
    } as Parameters<typeof createContactProfile>[1]);
    await page.reload();
    await chooseOption(page, 'Mission profile', 'graph');
    const nodes = page.locator('.profile-graph .graph-node');
    await nodes.nth(5).waitFor({ timeout: WAIT_MS });
    assert.equal(await nodes.count(), 6);
    const types = await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-config-type')).sort());
    assert.deepEqual(types, ['antenna-downlink', 'antenna-downlink-demod-decode', 'dataflow-endpoint', 's3-recording', 'telemetry-sink', 'tracking']);
    assert.equal(await page.locator('.profile-graph .graph-edge').count(), 2);
    assert.equal(await page.locator('.profile-graph .graph-link').count(), 2);
    assert.equal(await page.locator('.profile-graph .edge-suffix').textContent(), '/UncodedFramesEgress');
    assert.match((await page.locator('.profile-graph').textContent())!, /7812 MHz, bw 30 MHz.*bucket aws-groundstation-demo-bucket/s);
    await page.locator(`.graph-node[data-config-type="s3-recording"]`).click();
    assert.match((await page.getByLabel('Config JSON').textContent())!, new RegExp(arns['s3-recording']));
    await screenshot(page, 'profile', '.profile-graph');
  });

  it('lists resources with their JSON, and filters the event log by detail-type', async () => {
    const { satellites } = await boto3Ok(server.url, { op: 'list_satellites' });
    await page.getByRole('tab', { name: 'Satellites' }).click();
    const items = page.locator('.resource-list[aria-label="Satellites"] li button');
    await items.nth(satellites.length - 1).waitFor({ timeout: WAIT_MS });
    assert.equal(await items.count(), satellites.length);
    await items.first().click();
    await page.waitForFunction(() => /satelliteArn/.test(document.querySelector('.resources .json')?.textContent ?? ''), undefined, { timeout: WAIT_MS });
    await page.getByRole('tab', { name: 'Mission profiles' }).click();
    await page.locator('.resource-list[aria-label="Mission profiles"] li').nth(1).waitFor({ timeout: WAIT_MS });

    // A contact reserved from outside the page shows up in the live log.
    const missionProfileArn = (await boto3Ok(server.url, { op: 'list_mission_profiles' })).missionProfileList.find((profile: any) => profile.name === 'downlink').missionProfileArn;
    const { contactList } = await boto3Ok(server.url, { op: 'list_contacts', params: { statusList: ['AVAILABLE'], startTime: Math.floor(Date.parse(CLOCK_START) / 1000) + 86_400, endTime: Math.floor(Date.parse(CLOCK_START) / 1000) + 3 * 86_400, groundStation: 'Ohio 1', missionProfileArn, satelliteArn } });
    const window = contactList[0];
    const { contactId: outside } = await boto3Ok(server.url, { op: 'reserve_contact', params: { missionProfileArn, satelliteArn, groundStation: 'Ohio 1', startTime: window.startTime, endTime: window.endTime } });
    await page.locator('.events li', { hasText: `contactId=${outside}` }).first().waitFor({ timeout: WAIT_MS });
    const filter = page.locator('.event-log select');
    const types = await filter.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    assert.ok(types.includes('Ground Station Contact State Change'), types.join(', '));
    await filter.selectOption('Ground Station Contact State Change');
    const shown = await page.locator('.events li').count();
    assert.ok(shown > 0);
    await filter.selectOption('');
    assert.ok((await page.locator('.events li').count()) >= shown);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const results = await (window as any).axe.run(document, { resultTypes: ['violations'] });
      return results.violations.map((violation: any) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length, example: violation.nodes[0]?.html }));
    });
    const serious = violations.filter((violation: any) => violation.impact === 'serious' || violation.impact === 'critical');
    assert.deepEqual(serious, []);
    await screenshot(page, 'console');
  });

  if (updateDocImages) {
    it('refreshes the README\'s pictures', () => {
      const images = resolve(projectRoot, 'docs/images');
      mkdirSync(images, { recursive: true });
      copyFileSync(resolve(projectRoot, 'dist/screenshots/timeline-pass.png'), resolve(images, 'console-timeline.png'));
      copyFileSync(resolve(projectRoot, 'dist/screenshots/map.png'), resolve(images, 'console-map.png'));
    });
  }
});
