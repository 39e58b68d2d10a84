/**
 * The reader's path in real headless Chromium with the built extension:
 * popup -> reading view -> text size -> close -> save, on the seed article
 * served under its real URL, plus the pages where there is nothing to read.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Gold, type Harness, launch, loadGold, norm } from './harness';

const seed: Gold = loadGold('seed-article.gold.json');
const NON_ARTICLE_URL = 'https://baoquocte.vn/kinh-te/';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  await h.serve(seed.url, 'seed-article.html');
  await h.serve(NON_ARTICLE_URL, 'non-article-section.html');
});
afterAll(async () => h?.close());

async function openArticle(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await h.context.newPage();
  await page.goto(url);
  return { page, tabId: await h.tabIdOf(page) };
}

const fontSizeOf = (page: Page) =>
  page.getByTestId('reader-content').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

describe('reading view on the seed article (baoquocte.vn)', () => {
  it('marks the article on the toolbar badge without touching the page', async () => {
    const { page, tabId } = await openArticle(seed.url);
    const w = await h.worker();
    await expect.poll(() => w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');
    // Nothing of ours is in the page until the reader is asked for.
    expect(await page.locator('doc-gon-reader').count()).toBe(0);
    // The toggle command is declared with its shortcut (headless Chromium does not bind keys of
    // command-line-loaded extensions, so the binding itself is not observable here).
    const commands = await w.evaluate(async () => ({
      registered: (await chrome.commands.getAll()).map((c) => c.name),
      manifest: chrome.runtime.getManifest().commands,
    }));
    expect(commands.registered).toContain('toggle-reader');
    expect(
      (commands.manifest as Record<string, { suggested_key: { default: string } }>)['toggle-reader']?.suggested_key
        .default,
    ).toBe('Alt+Shift+R');
    await page.close();
  });

  it('opens from the popup with title, lead once, body and no clutter', async () => {
    const { page, tabId } = await openArticle(seed.url);
    await h.openReader(page, tabId);
    expect(norm(await page.getByTestId('reader-title').innerText())).toBe(seed.title);
    const rootText = norm(await page.getByTestId('reader-root').innerText());
    const body = norm(await page.getByTestId('reader-content').innerText());
    for (const p of seed.paragraphs) expect(body).toContain(norm(p));
    if (!seed.lead) throw new Error('seed has a lead');
    expect(rootText.split(norm(seed.lead)).length - 1).toBe(1);
    for (const junk of seed.mustNotContain) expect(rootText).not.toContain(norm(junk));
    // Sanitized: nothing executable or styled by the page inside our UI.
    const unsafe = await page
      .getByTestId('reader-content')
      .evaluate((el) => el.querySelectorAll('script, iframe, form, style, [style], [onclick], [onerror]').length);
    expect(unsafe).toBe(0);
    // Vietnamese date and reading time.
    expect(rootText).toContain('Thứ Năm, 18/01/2024 09:15');
    expect(rootText).toMatch(/\d+ phút đọc/);
    // The action-item panel lists the seven tasks and links into the text.
    expect(await page.getByTestId('reader-root').getByTestId('action-item').count()).toBe(7);
    // Markers are highlighted in the body.
    expect(await page.locator('[data-dg-item="1-1"] mark').first().textContent()).toBe('Thứ nhất');
    await page.getByTestId('reader-root').getByTestId('action-item').nth(6).locator('button').click();
    await expect
      .poll(() => page.locator('[data-dg-item="1-7"]').evaluate((el) => el.getBoundingClientRect().top))
      .toBeLessThan(200);
    // The page underneath does not scroll.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    await page.close();
  });

  it('A+ enlarges the text instantly and the size survives a reload', async () => {
    const { page, tabId } = await openArticle(seed.url);
    await h.openReader(page, tabId);
    const before = await fontSizeOf(page);
    await page.getByTestId('font-increase').click();
    await page.getByTestId('font-increase').click();
    const after = await fontSizeOf(page);
    expect(after).toBeGreaterThan(before);
    expect(norm(await page.getByTestId('font-size').innerText())).toBe(`${after} px`);
    // Keyboard: '-' steps back down once.
    await page.keyboard.press('-');
    await expect.poll(() => fontSizeOf(page)).toBeLessThan(after);
    await page.keyboard.press('+');
    await expect.poll(() => fontSizeOf(page)).toBe(after);

    await page.reload();
    await h.openReader(page, tabId);
    expect(await fontSizeOf(page)).toBe(after);
    await page.close();
  });

  it('Esc closes the view completely and restores the scroll position', async () => {
    const { page, tabId } = await openArticle(seed.url);
    await page.evaluate(() => window.scrollTo(0, 600));
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(100);
    await h.openReader(page, tabId);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('doc-gon-reader').count()).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(y);
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
    // The close button works too, after reopening.
    await h.openReader(page, tabId);
    await page.getByTestId('reader-close').click();
    await expect.poll(() => page.locator('doc-gon-reader').count()).toBe(0);
    await page.close();
  });

  it('saves from the popup and lists the entry with the seven action items', async () => {
    const { page, tabId } = await openArticle(seed.url);
    const popup = await h.openPopup(tabId);
    await popup.getByTestId('save-article').click();
    await popup.getByTestId('save-result').waitFor();
    const items = popup.getByTestId('save-result').getByTestId('action-item');
    expect(await items.count()).toBe(7);
    expect(norm(await items.first().innerText())).toMatch(/^Thứ nhất\s*tiếp tục rà soát/);
    await expect.poll(() => popup.getByTestId('saved-article').count()).toBe(1);
    expect(await popup.getByTestId('saved-article').first().innerText()).toContain(seed.title);

    // Saving again updates the record instead of duplicating it; ticks are kept.
    await items.nth(2).locator('input[type=checkbox]').check();
    await popup.getByTestId('save-article').click();
    await popup.getByTestId('save-result').waitFor();
    await expect.poll(() => popup.getByTestId('saved-article').count()).toBe(1);
    const w = await h.worker();
    const stored = await w.evaluate(() => chrome.storage.local.get(null));
    // Library schema v2: one metadata key per article (utils/storage/saved-migration.ts).
    const index = Object.entries(stored)
      .filter(([k]) => k.startsWith('savedMeta:'))
      .map(([, v]) => v) as {
      url: string;
      actionItems: { announcedCount: number; items: { done: boolean }[] }[];
    }[];
    expect(index).toHaveLength(1);
    expect(index[0]?.url).toBe(seed.url);
    expect(index[0]?.actionItems[0]?.announcedCount).toBe(7);
    expect(index[0]?.actionItems[0]?.items.map((i) => i.done)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    const contentKeys = Object.keys(stored).filter((k) => k.startsWith('savedContent:'));
    expect(contentKeys).toHaveLength(1);

    // Ticks persist: after reloading the popup the saved entry still shows item 3 done.
    await popup.reload();
    const entry = popup.getByTestId('saved-article').first();
    expect(await entry.innerText()).toContain('1/7');
    await entry.getByTestId('saved-items').locator('summary').click();
    const boxes = entry.getByTestId('action-item').locator('input[type=checkbox]');
    expect(await boxes.count()).toBe(7);
    expect(await boxes.nth(2).isChecked()).toBe(true);
    expect(await boxes.nth(0).isChecked()).toBe(false);
    await boxes.nth(0).check();
    await expect.poll(() => entry.innerText()).toContain('2/7');

    // Delete from the list.
    await popup.getByTestId('delete-saved').first().click();
    await expect.poll(() => popup.getByTestId('saved-article').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('pages without an article', () => {
  it('a news section page gets the Vietnamese message, not an empty view', async () => {
    const { page, tabId } = await openArticle(NON_ARTICLE_URL);
    const w = await h.worker();
    // Detection ran and found no article: no badge.
    await page.waitForTimeout(300);
    expect(await w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    const popup = await h.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('page-status').getAttribute('data-kind')).toBe('not-article');
    await popup.getByTestId('open-reader').click();
    await expect
      .poll(() => popup.getByTestId('popup-error').innerText())
      .toContain('Không tìm thấy nội dung bài viết trên trang này');
    await page.bringToFront();
    await expect.poll(() => page.getByTestId('reader-empty').innerText()).toContain('Không tìm thấy nội dung bài viết');
    await popup.getByTestId('save-article').click();
    await expect.poll(() => popup.getByTestId('popup-error').innerText()).toContain('Không tìm thấy nội dung bài viết');
    expect(await popup.getByTestId('saved-article').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('a browser page gets a clear message and no buttons to fail', async () => {
    const page = await h.context.newPage();
    await page.goto('about:blank');
    const tabId = await h.tabIdOf(page);
    const popup = await h.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('page-status').getAttribute('data-kind')).toBe('restricted');
    expect(await popup.getByTestId('page-status').innerText()).toContain('không thể chạy trên trang này');
    expect(await popup.getByTestId('open-reader').isDisabled()).toBe(true);
    await popup.close();
    await page.close();
  });
});
