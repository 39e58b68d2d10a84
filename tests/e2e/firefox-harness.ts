/**
 * Launches the system Firefox ESR (headless, WebDriver BiDi through puppeteer-core)
 * with the built Firefox extension installed as a temporary add-on, and serves
 * saved pages under their real URLs: Firefox's HTTP proxy points at a local
 * server that answers by full request URL, so content-script matches apply
 * exactly as on the live sites. Nothing else reaches the network.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixture, OUT_DIR } from './harness';

export const FIREFOX_EXTENSION_DIR = join(OUT_DIR, 'firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The extension's `browser` namespace, typed like chrome.* (promise overloads). */
type ExtBrowser = typeof chrome & { browserAction?: typeof chrome.action };
declare const browser: ExtBrowser;

export interface FirefoxHarness {
  browser: Browser;
  /** Pinned moz-extension://<uuid>/ host. */
  uuid: string;
  /** browser_specific_settings.gecko.id of the build. */
  geckoId: string;
  /** Serves `file` (relative to tests/fixtures) at `url` (http); page scripts are blocked. */
  serve: (url: string, file: string) => void;
  /** Every URL requested through the proxy so far (served or refused), oldest first. */
  requests: string[];
  /** Opens an extension page (e.g. `library.html`) in a new tab, in front. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Opens `url` in a new tab and returns the page with its extension tab id. */
  openTab: (url: string) => Promise<{ page: Page; tabId: number }>;
  /**
   * Shows the popup page targeting `tabId` in the one popup tab (reused: a new tab
   * costs about 0.5 s in Firefox), in front, once it shows the page status.
   */
  openPopup: (tabId: number) => Promise<Page>;
  /** Runs `fn` in an extension page, where `browser.*` is available. */
  ext: <A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A) => Promise<Awaited<R>>;
  close: () => Promise<void>;
}

/** `page.goto` never resolves for moz-extension:// pages; raw BiDi navigation does. */
async function navigateExtensionPage(b: Browser, page: Page, url: string) {
  const bidi = b as unknown as { connection: { send: (method: string, params: object) => Promise<unknown> } };
  const frame = page.mainFrame() as unknown as { _id: string };
  await bidi.connection.send('browsingContext.navigate', { context: frame._id, url, wait: 'complete' });
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  // Fail, never skip: a missing browser must not pass as green.
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))
    throw new Error('No Firefox build: run `npm run build:firefox` first');

  const routes = new Map<string, Buffer>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    // Proxied requests carry the absolute URL; anything not served is refused.
    const body = req.url ? routes.get(req.url) : undefined;
    if (req.method === 'CONNECT' || !body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not served by the e2e harness');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "script-src 'none'",
        'cache-control': 'no-store',
      })
      .end(body);
  });
  // https goes through CONNECT, which is refused: only http pages are served.
  server.on('connect', (req, socket) => {
    requests.push(req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;

  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('The Firefox manifest has no browser_specific_settings.gecko.id');
  const uuid = randomUUID();
  let b: Browser;
  try {
    b = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Lets moz-extension:// pages be opened in tabs.
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'intl.accept_languages': 'vi-VN, vi',
        'intl.locale.requested': 'vi',
      },
    });
  } catch (err) {
    server.close();
    throw err;
  }
  await b.installExtension(FIREFOX_EXTENSION_DIR);

  // One extension page kept open for browser.* calls (tab ids, badge, storage).
  const control = await b.newPage();
  await navigateExtensionPage(b, control, `moz-extension://${uuid}/popup.html?tabId=0`);

  let popup: Page | undefined;
  const ext: FirefoxHarness['ext'] = (fn, ...args) =>
    control.evaluate(fn as (...a: unknown[]) => unknown, ...args) as never;

  // The popup follows the browser's UI language, as for a Vietnamese Firefox user;
  // Debian's firefox-esr is English-only without its language pack.
  const uiLanguage = await ext(() => browser.i18n.getUILanguage());
  if (!uiLanguage.startsWith('vi')) {
    await b.close();
    server.close();
    throw new Error(`Firefox UI language is ${uiLanguage}, not vi: apt-get install -y firefox-esr-l10n-vi`);
  }

  return {
    browser: b,
    uuid,
    geckoId,
    serve(url, file) {
      routes.set(url, readFileSync(fixture(file)));
    },
    requests,
    async openExtensionPage(path) {
      const page = await b.newPage();
      await navigateExtensionPage(b, page, `moz-extension://${uuid}/${path}`);
      await page.bringToFront();
      return page;
    },
    async openTab(url) {
      const page = await b.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
      const tabId = await ext(async (u: string) => {
        const tabs = await browser.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? null;
      }, page.url());
      if (tabId == null) throw new Error(`no tab found for ${url}`);
      return { page, tabId };
    },
    async openPopup(tabId) {
      popup ??= await b.newPage();
      await navigateExtensionPage(b, popup, `moz-extension://${uuid}/popup.html?tabId=${tabId}`);
      // A background tab barely renders: drive the popup in front.
      await popup.bringToFront();
      await popup.waitForSelector('[data-testid="page-status"]');
      return popup;
    },
    ext,
    async close() {
      await b.close().catch(() => undefined);
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** `>>>` pierces the reading view's open shadow root. */
export const tid = (id: string) => `>>> [data-testid="${id}"]`;
