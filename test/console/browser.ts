import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../support/paths.js';

// Debian's chromium, not a downloaded browser build: .ci/run installs it with apt.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Screenshots of the test runs: not committed. */
export const SCREENSHOT_DIR = resolve(projectRoot, 'dist/screenshots');

export interface ConsoleBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh chromium (its own profile directory) with one page open at the server's console. */
export async function openConsole(url: string, query = ''): Promise<ConsoleBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'gsl-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1400, height: 1000 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(String(error)));
  await page.goto(`${url}/_local/console${query}`);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
      if (failures.length) throw new Error(`the page threw: ${failures.join('; ')}`);
    },
  };
}

export async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
  return path;
}
