import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BenchOptions } from '../options.js';
import { check, fmt, median, type SectionResult } from '../report.js';
import { startSeededServer } from '../seeded-server.js';
import { BENCH_ACCOUNT, BENCH_REGION } from '../sign.js';

// Debian's chromium with the launch flags the console's end-to-end tests use.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FIRST_PAINT_TARGET_MS = 1000;

interface Load {
  firstPaintMs: number;
  /** Until the app itself shows the clock: the page's static header paints before. */
  clockMs: number;
  timelineMs: number;
  mapMs: number;
  passBars: number;
}

/**
 * The web console, cold in a fresh browser profile each time: first contentful paint, and when the
 * 7-day timeline (every station, the first satellite) and the map (every satellite) are drawn.
 */
export async function consoleSection(options: BenchOptions): Promise<SectionResult> {
  const seeded = await startSeededServer('console', 1);
  const loads: Load[] = [];
  try {
    const url = `${seeded.server.url}/_local/console?account=${BENCH_ACCOUNT}&region=${BENCH_REGION}&window=168`;
    for (let run = 0; run < (options.quick ? 2 : 5); run++) {
      const profileDir = mkdtempSync(join(tmpdir(), 'gsl-bench-chromium-'));
      const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1400, height: 1000 } });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        // Times from the page's navigation start, as the browser's own paint timings are.
        const sinceNavigation = () => page.evaluate(() => performance.now());
        await page.goto(url);
        await page.locator('.clock-now').waitFor({ timeout: 60_000 });
        const clockMs = await sinceNavigation();
        await page.locator('.timeline[data-loaded="true"]').waitFor({ timeout: 60_000 });
        const timelineMs = await sinceNavigation();
        await page.locator('.world-map[data-loaded="true"]').waitFor({ timeout: 60_000 });
        const mapMs = await sinceNavigation();
        const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
        // The first run warms the server's pass cache: it is reported, not counted.
        if (run > 0) loads.push({ firstPaintMs, clockMs, timelineMs, mapMs, passBars: await page.locator('.pass-bar').count() });
      } finally {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      }
    }
  } finally {
    await seeded.dispose();
  }
  const firstPaint = median(loads.map((load) => load.firstPaintMs));
  return {
    name: 'console',
    title: 'Web console load (chromium, fresh profile, 7-day timeline)',
    columns: ['figure', 'median ms'],
    rows: [
      ['first contentful paint', fmt(firstPaint, 0)],
      ['clock shown', fmt(median(loads.map((load) => load.clockMs)), 0)],
      ['timeline drawn', fmt(median(loads.map((load) => load.timelineMs)), 0)],
      ['map drawn', fmt(median(loads.map((load) => load.mapMs)), 0)],
    ],
    notes: [`${loads[0]?.passBars ?? 0} pass bars on the timeline; the first load of each run is left out (it fills the server's pass cache).`],
    targets: [check('console first paint', `< ${FIRST_PAINT_TARGET_MS} ms`, `${fmt(firstPaint, 0)} ms`, firstPaint < FIRST_PAINT_TARGET_MS)],
    data: { loads },
  };
}
