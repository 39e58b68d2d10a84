/**
 * The saved library in real headless Chromium with the built extension:
 * three corpus articles saved from the popup, found by a query typed without
 * diacritics, read offline with every network request refused and recorded,
 * an item ticked that survives a reload, export -> delete all -> import, and
 * 20 saves fired at once from 10 extension tabs, none lost.
 */
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../utils/text/fold';
import { type Gold, type Harness, launch, loadGold, norm } from './harness';

const SLUGS = [
  'baochinhphu.vn--chinh-sach-moi-co-hieu-luc-tu-thang-3-2026',
  'tuoitre.vn--gia-hoa-nhap-khau-8-3',
  'dantri.com.vn--gia-vang-giam',
];
const golds: Gold[] = SLUGS.map((s) => loadGold(`corpus/${s}.gold.json`));
const [withItems, target] = golds as [Gold, Gold, Gold];

let h: Harness;
const libraryUrl = () => `chrome-extension://${h.extensionId}/library.html`;

beforeAll(async () => {
  h = await launch();
  for (const [i, s] of SLUGS.entries()) await h.serve(golds[i]?.url ?? '', `corpus/${s}.html`);
});
afterAll(async () => h?.close());

async function openLibrary(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(libraryUrl());
  await page.bringToFront();
  return page;
}

const rows = (page: Page) => page.getByTestId('library-article');

describe('saved library', () => {
  it('saves three corpus articles; the popup links to the library', async () => {
    for (const g of golds) await h.saveFromPopup(g.url);
    const page = await h.context.newPage();
    await page.goto(golds[0]?.url ?? '');
    const popup = await h.openPopup(await h.tabIdOf(page));
    await expect.poll(() => popup.getByTestId('saved-article').count()).toBe(3);
    const opened = h.context.waitForEvent('page');
    await popup.getByTestId('open-library').click();
    const lib = await opened;
    await lib.waitForURL(/library\.html/);
    await expect.poll(() => rows(lib).count(), { timeout: 20_000 }).toBe(3);
    await Promise.all([lib.close(), popup.close(), page.close()]);
  });

  it('finds one by a query typed without diacritics and reads it offline, making no request', async () => {
    const page = await openLibrary();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(3);
    // "Chiến sự đẩy giá hoa nhập khẩu…" typed the way people type: no marks, lower case, last word unfinished.
    const query = fold(target.title).split(' ').slice(3, 7).join(' ').slice(0, -1);
    expect(query).toMatch(/^[a-z ]+$/);
    await page.getByTestId('library-search').pressSequentially(query, { delay: 20 });
    // Body words count too, so others may match; the article whose title it is ranks first.
    await expect.poll(() => rows(page).count()).toBeLessThan(3);
    expect(norm(await rows(page).first().innerText())).toContain(norm(target.title));
    // A word only that article's body has finds it alone.
    await page.getByTestId('library-search').fill('');
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.getByTestId('library-search').pressSequentially('ecuador', { delay: 20 });
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(norm(await rows(page).first().innerText())).toContain(norm(target.title));

    // Every request leaving the extension is recorded (and the harness refuses them anyway).
    const requests: string[] = [];
    const record = (r: Request) => {
      if (!r.url().startsWith('chrome-extension://')) requests.push(r.url());
    };
    h.context.on('request', record);
    await h.context.setOffline(true);
    try {
      await rows(page).first().getByTestId('library-open').click();
      const content = page.getByTestId('reader-content');
      await content.waitFor();
      const body = norm(await content.innerText());
      for (const p of target.paragraphs.slice(0, 3)) expect(body).toContain(norm(p));
      expect(norm(await page.getByTestId('reader-title').innerText())).toBe(norm(target.title));
      // Same reading view: font controls work here too.
      const size = () => page.getByTestId('reader-content').evaluate((el) => getComputedStyle(el).fontSize);
      const before = await size();
      await page.getByTestId('font-increase').click();
      await expect.poll(size).not.toBe(before);
      expect(await page.getByTestId('font-site-only').count()).toBe(0);
      // Images of the saved copy are placeholders, never <img>.
      expect(await content.locator('img').count()).toBe(0);
      await page.waitForLoadState('networkidle');
      expect(requests).toEqual([]);
    } finally {
      h.context.off('request', record);
      await h.context.setOffline(false);
    }
    await page.close();
  });

  it('ticks an item in the saved copy; after a reload it is still ticked', async () => {
    const page = await openLibrary();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(3);
    const row = rows(page).filter({ hasText: withItems.title });
    await row.getByTestId('library-open').click();
    const items = page.getByTestId('reader-root').getByTestId('action-item');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    const box = items.nth(1).locator('input[type=checkbox]');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    // Written by the background: wait for storage, not for time.
    const w = await h.worker();
    await expect
      .poll(() =>
        w.evaluate(async () => {
          const all = await chrome.storage.local.get(null);
          return Object.entries(all).some(
            ([k, v]) =>
              k.startsWith('savedMeta:') &&
              (v as { actionItems: { items: { done: boolean }[] }[] }).actionItems.some((l) => l.items[1]?.done),
          );
        }),
      )
      .toBe(true);
    await page.reload();
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    expect(await items.nth(1).locator('input[type=checkbox]').isChecked()).toBe(true);
    expect(await items.nth(0).locator('input[type=checkbox]').isChecked()).toBe(false);
    // Back to the list: the row shows the progress.
    await page.getByTestId('reader-close').click();
    await expect.poll(() => row.getByTestId('library-progress').innerText()).toContain('1/');
    await page.close();
  });

  it('export, delete all, import: everything back, ticks included; delete has undo', async () => {
    const page = await openLibrary();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(3);
    const w = await h.worker();
    const snapshot = () =>
      w.evaluate(async () => {
        const all = await chrome.storage.local.get(null);
        return Object.keys(all)
          .filter((k) => k.startsWith('savedMeta:'))
          .sort()
          .map((k) => JSON.stringify(all[k]));
      });
    const before = await snapshot();

    // Delete one, undo.
    await rows(page).first().getByTestId('library-delete').click();
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByTestId('library-undo').click();
    await expect.poll(() => rows(page).count()).toBe(3);
    await expect.poll(snapshot).toEqual(before);

    const download = page.waitForEvent('download');
    await page.getByTestId('library-export-json').click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.format).toBe('doc-gon-library');
    expect(exported.articles).toHaveLength(3);

    await page.getByTestId('library-select-all').check();
    await page.getByTestId('library-delete-selected').click();
    await expect.poll(() => rows(page).count()).toBe(0);
    await expect.poll(snapshot).toEqual([]);

    await page.getByTestId('library-import').setInputFiles(file);
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await page.getByTestId('library-message').innerText()).toContain('thêm 3');
    await expect.poll(snapshot).toEqual(before);

    // Importing the same file again duplicates nothing.
    await page.getByTestId('library-import').setInputFiles(file);
    await expect.poll(() => page.getByTestId('library-message').innerText()).toContain('không đổi 3');
    expect(await rows(page).count()).toBe(3);
    await page.close();
  });

  it('20 concurrent saves from 10 tabs lose nothing', async () => {
    const seed = loadGold('seed-article.gold.json');
    // Twenty distinct articles: the seed page with its own URL (and canonical link) swapped in.
    const html = readFileSync(new URL('../fixtures/seed-article.html', import.meta.url), 'utf8');
    const urls = Array.from({ length: 20 }, (_, i) => seed.url.replace(/\.html$/, `-ban-sao-${i}.html`));
    await h.context.route(
      (u) => urls.includes(u.href),
      (route) =>
        route.fulfill({
          status: 200,
          body: html.replaceAll(seed.url, route.request().url()),
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
        }),
    );
    const articleTabs: { page: Page; tabId: number }[] = [];
    for (const url of urls) {
      const page = await h.context.newPage();
      await page.goto(url);
      articleTabs.push({ page, tabId: await h.tabIdOf(page) });
    }
    const senders = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const p = await h.context.newPage();
        await p.goto(`chrome-extension://${h.extensionId}/popup.html?tabId=${articleTabs[0]?.tabId}`);
        return p;
      }),
    );
    const w = await h.worker();
    const countBefore = await w.evaluate(async () =>
      Object.entries(await chrome.storage.local.get(null))
        .filter(([k]) => k.startsWith('savedOrder:'))
        .reduce((n, [, v]) => n + (v as unknown[]).length, 0),
    );
    // Each sender tab fires two saves at once, all ten at once: the raw @webext-core/messaging format.
    const results = await Promise.all(
      senders.map((p, i) =>
        p.evaluate(
          (tabIds) =>
            Promise.all(
              tabIds.map(
                (tabId) =>
                  chrome.runtime.sendMessage({
                    id: tabId,
                    type: 'tabSave',
                    data: tabId,
                    timestamp: Date.now(),
                  }) as Promise<{ res?: { ok: boolean } }>,
              ),
            ),
          [articleTabs[2 * i]?.tabId, articleTabs[2 * i + 1]?.tabId],
        ),
      ),
    );
    expect(results.flat().map((r) => r.res?.ok)).toEqual(Array(20).fill(true));
    const stored = await w.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      return {
        order: Object.entries(all)
          .filter(([k]) => k.startsWith('savedOrder:'))
          .reduce((n, [, v]) => n + (v as unknown[]).length, 0),
        metas: Object.keys(all).filter((k) => k.startsWith('savedMeta:')).length,
        contents: Object.keys(all).filter((k) => k.startsWith('savedContent:')).length,
        urls: Object.entries(all)
          .filter(([k]) => k.startsWith('savedMeta:'))
          .map(([, v]) => (v as { url: string }).url),
      };
    });
    expect(stored.order).toBe(countBefore + 20);
    expect(stored.metas).toBe(countBefore + 20);
    expect(stored.contents).toBe(countBefore + 20);
    for (const url of urls) expect(stored.urls).toContain(url);

    const lib = await openLibrary();
    await expect.poll(() => rows(lib).count(), { timeout: 20_000 }).toBe(countBefore + 20);
    await Promise.all([...senders, ...articleTabs.map((t) => t.page), lib].map((p) => p.close()));
  });
});
