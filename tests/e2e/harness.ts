/**
 * Launches the system Chromium with the built extension and serves saved pages
 * under their real https URLs (Playwright routing), so content-script matches
 * apply exactly as on the live sites.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT_DIR = resolve(ROOT, process.env.DG_OUT_DIR ?? '.output');
export const EXTENSION_DIR = join(OUT_DIR, 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Gold {
  url: string;
  title: string;
  lead: string | null;
  paragraphs: string[];
  mustNotContain: string[];
  actionItems: { announcedCount: number | null; items: { n: number; marker: string }[] } | null;
}

export const fixture = (rel: string) => join(ROOT, 'tests/fixtures', rel);
export const loadGold = (rel: string): Gold => JSON.parse(readFileSync(fixture(rel), 'utf8'));

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  /** Serves `file` (relative to tests/fixtures) at `url`; page scripts are blocked, as saved pages may reload forever. */
  serve: (url: string, file: string) => Promise<void>;
  tabIdOf: (page: Page) => Promise<number>;
  openPopup: (tabId: number) => Promise<Page>;
  /** Clicks "Đọc gọn" in the popup for `page`'s tab and waits for the reading view. */
  openReader: (page: Page, tabId: number) => Promise<void>;
  /** Opens `url`, clicks "Lưu bài" in its popup and waits for the result. */
  saveFromPopup: (url: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function launch(
  opts: { headless?: boolean; lang?: 'vi' | 'en'; extensionDir?: string } = {},
): Promise<Harness> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  // Fail, never skip: a missing browser must not pass as green.
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('No build: run `npm run build` first');
  const userDataDir = mkdtempSync(join(tmpdir(), 'doc-gon-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    // The UI language (browser.i18n) comes from the environment on Linux, as for a Vietnamese user.
    env: { ...process.env, LANGUAGE: opts.lang ?? 'vi', LANG: `${opts.lang === 'en' ? 'en_US' : 'vi_VN'}.UTF-8` },
    args: [
      `--lang=${opts.lang ?? 'vi'}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  // Nothing may reach the network: unknown URLs are refused.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;

  const harness: Harness = {
    context,
    extensionId,
    worker,
    async serve(url, file) {
      const body = readFileSync(fixture(file));
      await context.route(url, (route) =>
        route.fulfill({
          status: 200,
          body,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
        }),
      );
    },
    async tabIdOf(page) {
      await page.bringToFront();
      const w = await worker();
      const id = await w.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      });
      if (id == null) throw new Error('no active tab');
      return id;
    },
    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    },
    async openReader(page, tabId) {
      const popup = await harness.openPopup(tabId);
      await popup.getByTestId('open-reader').click();
      await page.bringToFront();
      await page.getByTestId('reader-root').waitFor();
      await popup.close();
    },
    async saveFromPopup(url) {
      const page = await context.newPage();
      await page.goto(url);
      const popup = await harness.openPopup(await harness.tabIdOf(page));
      await popup.getByTestId('save-article').click();
      await popup.getByTestId('save-result').waitFor({ timeout: 30_000 });
      await popup.close();
      await page.close();
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Text the reader shows, whitespace collapsed, NFC. */
export const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
