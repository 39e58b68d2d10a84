/**
 * The reader's path in real headless Firefox ESR with the built Firefox extension
 * (.output/firefox-mv2, a temporary add-on): popup -> reading view -> text size ->
 * Esc -> save, on the seed article served under its real URL, plus a news
 * section page with nothing to read. Same path as reader.e2e.test.ts in Chromium.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../utils/text/fold';
import { type FirefoxHarness, launchFirefox, tid } from './firefox-harness';
import { type Gold, loadGold, norm } from './harness';

const seed: Gold = loadGold('seed-article.gold.json');
// Served over http: the proxy sees full http URLs, and the matches are `*://`.
const SEED_URL = seed.url.replace(/^https:/, 'http:');
const NON_ARTICLE_URL = 'http://baoquocte.vn/kinh-te/';

/** The extension's `browser` namespace inside extension pages, typed like chrome.* (promise overloads). */
declare const browser: typeof chrome & { browserAction: typeof chrome.action };

let h: FirefoxHarness;

beforeAll(async () => {
  h = await launchFirefox();
  h.serve(SEED_URL, 'seed-article.html');
  h.serve(NON_ARTICLE_URL, 'non-article-section.html');
});
afterAll(async () => h?.close());

const textOf = (page: Page, id: string) => page.$eval(tid(id), (el) => (el as HTMLElement).innerText);
const count = (page: Page, selector: string) => page.$$(selector).then((els) => els.length);
const fontSizeOf = (page: Page) =>
  page.$eval(tid('reader-content'), (el) => Number.parseFloat(getComputedStyle(el).fontSize));

async function openReaderFromPopup(page: Page, tabId: number) {
  const popup = await h.openPopup(tabId);
  await popup.click('[data-testid="open-reader"]');
  await page.bringToFront();
  await page.waitForSelector(tid('reader-root'));
}

describe('Firefox: reading view on the seed article (baoquocte.vn)', () => {
  it('is the MV2 build with its gecko id, and marks the article on the badge', async () => {
    const ext = await h.ext(() => ({ id: browser.runtime.id, mv: browser.runtime.getManifest().manifest_version }));
    // The fixed gecko id is the add-on id Firefox uses (not a generated one).
    expect(ext).toEqual({ id: h.geckoId, mv: 2 });
    const { page, tabId } = await h.openTab(SEED_URL);
    await expect.poll(() => h.ext((id: number) => browser.browserAction.getBadgeText({ tabId: id }), tabId)).toBe('✓');
    // Nothing of ours is in the page until the reader is asked for.
    expect(await count(page, 'doc-gon-reader')).toBe(0);
    const commands = await h.ext(async () => (await browser.commands.getAll()).map((c) => [c.name, c.shortcut]));
    expect(commands).toContainEqual(['toggle-reader', 'Alt+Shift+R']);
    await page.close();
  });

  it('opens from the popup with title, lead once, body and no clutter', async () => {
    const { page, tabId } = await h.openTab(SEED_URL);
    await openReaderFromPopup(page, tabId);
    expect(norm(await textOf(page, 'reader-title'))).toBe(seed.title);
    const rootText = norm(await textOf(page, 'reader-root'));
    const body = norm(await textOf(page, 'reader-content'));
    for (const p of seed.paragraphs) expect(body).toContain(norm(p));
    if (!seed.lead) throw new Error('seed has a lead');
    expect(rootText.split(norm(seed.lead)).length - 1).toBe(1);
    for (const junk of seed.mustNotContain) expect(rootText).not.toContain(norm(junk));
    const unsafe = await page.$eval(
      tid('reader-content'),
      (el) => el.querySelectorAll('script, iframe, form, style, [style], [onclick], [onerror]').length,
    );
    expect(unsafe).toBe(0);
    expect(rootText).toContain('Thứ Năm, 18/01/2024 09:15');
    expect(rootText).toMatch(/\d+ phút đọc/);
    const items = await page.$eval(
      tid('reader-root'),
      (root) => root.querySelectorAll('[data-testid="action-item"]').length,
    );
    expect(items).toBe(7);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    await page.close();
  });

  it('A+ enlarges the text and the size survives a reload', async () => {
    const { page, tabId } = await h.openTab(SEED_URL);
    await openReaderFromPopup(page, tabId);
    const before = await fontSizeOf(page);
    await page.click(tid('font-increase'));
    await page.click(tid('font-increase'));
    await expect.poll(() => fontSizeOf(page)).toBeGreaterThan(before);
    const after = await fontSizeOf(page);
    expect(norm(await textOf(page, 'font-size'))).toBe(`${after} px`);
    // Keyboard: '-' steps back down once, '+' up again.
    await page.keyboard.press('-');
    await expect.poll(() => fontSizeOf(page)).toBeLessThan(after);
    await page.keyboard.press('+');
    await expect.poll(() => fontSizeOf(page)).toBe(after);

    // The size is stored before the reload: wait for storage, not for time.
    await expect
      .poll(() =>
        h.ext(async () => ((await browser.storage.local.get('fontPrefs')).fontPrefs as { size?: number })?.size),
      )
      .toBe(after);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => count(page, 'doc-gon-reader')).toBe(0);
    await openReaderFromPopup(page, tabId);
    expect(await fontSizeOf(page)).toBe(after);
    await page.close();
  });

  it('Esc closes the view completely and restores the scroll position', async () => {
    const { page, tabId } = await h.openTab(SEED_URL);
    await page.evaluate(() => window.scrollTo(0, 600));
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(100);
    await openReaderFromPopup(page, tabId);
    await page.keyboard.press('Escape');
    await expect.poll(() => count(page, 'doc-gon-reader')).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(y);
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
    // The close button works too, after reopening.
    await openReaderFromPopup(page, tabId);
    await page.click(tid('reader-close'));
    await expect.poll(() => count(page, 'doc-gon-reader')).toBe(0);
    await page.close();
  });

  it('saves from the popup and lists the entry with the seven action items', async () => {
    const { page, tabId } = await h.openTab(SEED_URL);
    const popup = await h.openPopup(tabId);
    await popup.click('[data-testid="save-article"]');
    await popup.waitForSelector('[data-testid="save-result"]');
    const items = '[data-testid="save-result"] [data-testid="action-item"]';
    expect(await count(popup, items)).toBe(7);
    expect(norm(await popup.$eval(items, (el) => (el as HTMLElement).innerText))).toMatch(
      /^Thứ nhất\s*tiếp tục rà soát/,
    );
    await expect.poll(() => count(popup, '[data-testid="saved-article"]')).toBe(1);
    expect(await popup.$eval('[data-testid="saved-article"]', (el) => (el as HTMLElement).innerText)).toContain(
      seed.title,
    );
    // In storage under the page's canonical URL (https), whatever scheme it was read from.
    // Found by value, not by key: the saved-articles layout is versioned and may change.
    const stored = await h.ext(() => browser.storage.local.get(null));
    type Rec = { url?: string; actionItems?: { announcedCount: number | null }[] };
    const records = Object.values(stored)
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is Rec => typeof v === 'object' && v !== null && (v as Rec).url === seed.url);
    expect(records.length).toBeGreaterThan(0);
    expect(records.some((r) => r.actionItems?.[0]?.announcedCount === 7)).toBe(true);

    // Delete from the list, leaving the profile as it was.
    await popup.click('[data-testid="delete-saved"]');
    await expect.poll(() => count(popup, '[data-testid="saved-article"]')).toBe(0);
    await page.close();
  });
});

describe('Firefox: saved library', () => {
  it('finds a saved article by a query without diacritics and reads it offline', async () => {
    const { page, tabId } = await h.openTab(SEED_URL);
    const popup = await h.openPopup(tabId);
    await popup.click('[data-testid="save-article"]');
    await popup.waitForSelector('[data-testid="save-result"]');
    await page.close();

    const lib = await h.openExtensionPage('library.html');
    const rows = () => count(lib, '[data-testid="library-article"]');
    await expect.poll(rows).toBe(1);
    const search = async (query: string) => {
      await lib.$eval('[data-testid="library-search"]', (el) => {
        (el as HTMLInputElement).value = '';
      });
      await lib.type('[data-testid="library-search"]', query);
    };
    // A word in no saved article empties the list: the filter really filters.
    await search('khongcotu');
    await expect.poll(rows).toBe(0);
    // Words from the body (not the title or sapo), typed the way people type: no marks, last word unfinished.
    const bodyWords = fold(seed.paragraphs[2] ?? '')
      .split(/\s+/)
      .filter((w) => /^[a-z]+$/.test(w))
      .slice(0, 4)
      .join(' ');
    expect(bodyWords.split(' ')).toHaveLength(4);
    // Body search comes once the bodies are indexed (the library shows that state).
    await lib.waitForSelector('.lib[data-indexing="false"]');
    await search(bodyWords.slice(0, -1));
    await expect.poll(rows).toBe(1);
    expect(await lib.$eval('[data-testid="library-article"]', (el) => (el as HTMLElement).innerText)).toContain(
      seed.title,
    );

    // Opened from the saved copy: the proxy sees no request while it opens and renders.
    const before = h.requests.length;
    await lib.click('[data-testid="library-open"]');
    await lib.waitForSelector(tid('reader-content'));
    const body = norm(await textOf(lib, 'reader-content'));
    for (const p of seed.paragraphs.slice(0, 3)) expect(body).toContain(norm(p));
    expect(norm(await textOf(lib, 'reader-title'))).toBe(seed.title);
    expect(await count(lib, `${tid('reader-content')} img`)).toBe(0);
    expect(h.requests.slice(before)).toEqual([]);

    // Leave the profile as it was.
    await lib.click(tid('reader-close'));
    await lib.click('[data-testid="library-delete"]');
    await expect.poll(rows).toBe(0);
    await lib.close();
  });
});

describe('Firefox: pages without an article', () => {
  it('a news section page gets the Vietnamese message, not an empty view', async () => {
    const { page, tabId } = await h.openTab(NON_ARTICLE_URL);
    const popup = await h.openPopup(tabId);
    await expect
      .poll(() => popup.$eval('[data-testid="page-status"]', (el) => el.getAttribute('data-kind')))
      .toBe('not-article');
    expect(await h.ext((id: number) => browser.browserAction.getBadgeText({ tabId: id }), tabId)).toBe('');
    await popup.click('[data-testid="open-reader"]');
    await popup.waitForSelector('[data-testid="popup-error"]');
    expect(await textOf(popup, 'popup-error')).toContain('Không tìm thấy nội dung bài viết trên trang này');
    await page.bringToFront();
    await page.waitForSelector(tid('reader-empty'));
    expect(await textOf(page, 'reader-empty')).toContain('Không tìm thấy nội dung bài viết');
    // Saving fails the same way (a fresh popup, so the message is the save's own), and adds nothing.
    const again = await h.openPopup(tabId);
    const savedBefore = await count(again, '[data-testid="saved-article"]');
    await again.click('[data-testid="save-article"]');
    await again.waitForSelector('[data-testid="popup-error"]');
    expect(await textOf(again, 'popup-error')).toContain('Không tìm thấy nội dung bài viết');
    expect(await count(again, '[data-testid="saved-article"]')).toBe(savedBefore);
    await page.close();
  });

  it('a browser page gets a clear message and no buttons to fail', async () => {
    const page = await h.browser.newPage();
    await page.goto('about:blank');
    await page.bringToFront();
    const tabId = await h.ext(async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    if (tabId == null) throw new Error('no active tab');
    const popup = await h.openPopup(tabId);
    expect(await popup.$eval('[data-testid="page-status"]', (el) => el.getAttribute('data-kind'))).toBe('restricted');
    expect(await textOf(popup, 'page-status')).toContain('không thể chạy trên trang này');
    expect(await popup.$eval('[data-testid="open-reader"]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    await page.close();
  });
});
