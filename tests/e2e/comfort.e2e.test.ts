/**
 * Reading comfort in real headless Chromium with the built extension, on the
 * seed article served under its real URL: themes (and the popup following
 * them), the bundled Vietnamese-capable typefaces actually loaded and used,
 * line height / column width / alignment, all remembered across a reload, and
 * printing that gives the article alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Gold, type Harness, launch, loadGold, norm, ROOT } from './harness';

const seed: Gold = loadGold('seed-article.gold.json');
/** Every Vietnamese vowel shape with tones, đ and the đồng sign. */
const VIETNAMESE = 'Tiếng Việt: ăắằẳẵặ âấầẩẫậ đĐ êếềểễệ ôốồổỗộ ơớờởỡợ ưứừửữự ỳýỷỹỵ ₫';

/** A theme's colour token from components/theme.css, as getComputedStyle writes it. */
function token(theme: string, name: string): string {
  const css = readFileSync(join(ROOT, 'components/theme.css'), 'utf8');
  const block = new RegExp(`\\[data-dg-theme="${theme}"\\][^{]*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
  const hex = new RegExp(`${name}:\\s*#([0-9a-f]{6})`, 'i').exec(block)?.[1];
  if (!hex) throw new Error(`no ${name} in theme ${theme}`);
  const n = Number.parseInt(hex, 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

let h: Harness;

beforeAll(async () => {
  h = await launch();
  await h.serve(seed.url, 'seed-article.html');
});
afterAll(async () => h?.close());
beforeEach(async () => {
  // Each test starts from the defaults.
  const w = await h.worker();
  await w.evaluate(() => chrome.storage.local.remove(['fontPrefs', 'fontPrefs$']));
});

async function openReader(): Promise<{ page: Page; tabId: number }> {
  const page = await h.context.newPage();
  await page.goto(seed.url);
  const tabId = await h.tabIdOf(page);
  await h.openReader(page, tabId);
  return { page, tabId };
}

/** Opens the display settings panel (if closed) and picks `value` in `group`. */
async function choose(page: Page, group: string, value: string) {
  if (!(await page.getByTestId('display-panel').isVisible())) await page.getByTestId('display-settings').click();
  await page.getByTestId(`display-${group}-${value}`).check();
}

const style = (loc: Locator, prop: string) => loc.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
const firstParagraph = (page: Page) => page.getByTestId('reader-content').locator('p').first();

describe('display settings in the reading view', () => {
  it('a theme switch changes the computed colours, and the popup and the library follow live', async () => {
    const { page, tabId } = await openReader();
    const root = page.getByTestId('reader-root');
    const body = page.getByTestId('reader-content');
    // Default "system" on a light OS: the light tokens.
    expect(await style(root, 'background-color')).toBe(token('light', '--dg-bg'));
    expect(await style(body, 'color')).toBe(token('light', '--dg-fg'));

    await choose(page, 'theme', 'dark');
    expect(await style(root, 'background-color')).toBe(token('dark', '--dg-bg'));
    expect(await style(body, 'color')).toBe(token('dark', '--dg-fg'));
    const link = page.getByTestId('reader-root').locator('.dg-source a');
    expect(await style(link, 'color')).toBe(token('dark', '--dg-accent'));
    const panel = page.getByTestId('reader-root').locator('.dg-items');
    expect(await style(panel, 'background-color')).toBe(token('dark', '--dg-surface'));

    // The popup reads the same pref...
    const popup = await h.openPopup(tabId);
    const html = popup.locator('html');
    await expect.poll(() => html.getAttribute('data-dg-theme')).toBe('dark');
    expect(await style(popup.locator('body'), 'background-color')).toBe(token('dark', '--dg-bg'));
    // So does the library page.
    const library = await h.context.newPage();
    await library.goto(`chrome-extension://${h.extensionId}/library.html`);
    await expect.poll(() => style(library.locator('body'), 'background-color')).toBe(token('dark', '--dg-bg'));
    expect(await style(library.locator('.lib-search'), 'color')).toBe(token('dark', '--dg-fg'));
    // Both follow a change made in the reader while they are open.
    await page.bringToFront();
    await choose(page, 'theme', 'sepia');
    expect(await style(root, 'background-color')).toBe(token('sepia', '--dg-bg'));
    await expect.poll(() => style(popup.locator('body'), 'background-color')).toBe(token('sepia', '--dg-bg'));
    expect(await style(popup.locator('body'), 'color')).toBe(token('sepia', '--dg-fg'));
    await expect.poll(() => style(library.locator('body'), 'background-color')).toBe(token('sepia', '--dg-bg'));
    await library.close();

    // "Theo hệ thống" follows the OS setting live, in both.
    await choose(page, 'theme', 'system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => style(root, 'background-color')).toBe(token('dark', '--dg-bg'));
    await expect.poll(() => style(popup.locator('body'), 'background-color')).toBe(token('dark', '--dg-bg'));
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => style(root, 'background-color')).toBe(token('light', '--dg-bg'));
    await popup.close();
    await page.close();
  });

  it('another typeface changes the body font, and the bundled face is loaded and covers Vietnamese', async () => {
    const { page } = await openReader();
    const body = page.getByTestId('reader-content');
    // The default is the bundled serif.
    expect(await style(body, 'font-family')).toMatch(/^"Doc Gon Serif"/);

    await choose(page, 'face', 'sans');
    expect(await style(body, 'font-family')).toMatch(/^"Doc Gon Sans"/);
    expect(await style(page.getByTestId('reader-title'), 'font-family')).toMatch(/^"Doc Gon Sans"/);

    for (const family of ['Doc Gon Serif', 'Doc Gon Sans']) {
      await expect
        .poll(() =>
          page.evaluate(
            ({ family, text }) => {
              const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === family);
              return {
                faces: faces.length,
                allLoaded: faces.every((f) => f.status === 'loaded'),
                status: document.fonts.status,
                check:
                  document.fonts.check(`16px "${family}"`, text) && document.fonts.check(`bold 16px "${family}"`, text),
              };
            },
            { family, text: VIETNAMESE },
          ),
        )
        // Regular and bold, latin and vietnamese subsets.
        .toEqual({ faces: 4, allLoaded: true, status: 'loaded', check: true });
      // Drawn in one font: with two different fallbacks behind it the text measures the same,
      // which only holds when no character falls through to the fallback.
      const widths = await page.evaluate(
        ({ family, text }) => {
          const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
          const width = (font: string) => {
            ctx.font = font;
            return ctx.measureText(text).width;
          };
          return {
            withMono: width(`40px "${family}", monospace`),
            withSerif: width(`40px "${family}", serif`),
            monoAlone: width('40px monospace'),
          };
        },
        { family, text: VIETNAMESE },
      );
      expect(widths.withMono).toBe(widths.withSerif);
      expect(widths.withMono).not.toBe(widths.monoAlone);
    }

    await choose(page, 'face', 'system');
    expect(await style(body, 'font-family')).toMatch(/^system-ui/);
    await page.close();
  });

  it('line height, column width and alignment change the computed styles', async () => {
    const { page } = await openReader();
    const body = page.getByTestId('reader-content');
    const article = page.getByTestId('reader-root').locator('.dg-article');
    const px = (loc: Locator, prop: string) => style(loc, prop).then(Number.parseFloat);
    const size = await px(body, 'font-size');

    const lineBefore = await px(body, 'line-height');
    await choose(page, 'lineHeight', 'loose');
    const lineLoose = await px(body, 'line-height');
    expect(lineLoose).toBeGreaterThan(lineBefore);
    await choose(page, 'lineHeight', 'compact');
    expect(await px(body, 'line-height')).toBeLessThan(lineBefore);

    const widthBefore = await px(article, 'max-width');
    await choose(page, 'width', 'wide');
    expect(await px(article, 'max-width')).toBeGreaterThan(widthBefore);
    await choose(page, 'width', 'narrow');
    const narrow = await px(article, 'max-width');
    expect(narrow).toBeLessThan(widthBefore);
    // In em: a larger text size keeps the same characters per line.
    await page.getByTestId('font-increase').click();
    await expect.poll(() => px(body, 'font-size')).toBeGreaterThan(size);
    const size2 = await px(body, 'font-size');
    expect((await px(article, 'max-width')) / size2).toBeCloseTo(narrow / size, 5);

    expect(await style(firstParagraph(page), 'text-align')).toBe('left');
    await choose(page, 'align', 'justify');
    expect(await style(firstParagraph(page), 'text-align')).toBe('justify');
    await page.close();
  });

  it('settings survive a reload, stored as fontPrefs v2', async () => {
    const { page, tabId } = await openReader();
    await choose(page, 'theme', 'dark');
    await choose(page, 'face', 'sans');
    await choose(page, 'lineHeight', 'loose');
    await choose(page, 'width', 'wide');
    await choose(page, 'align', 'justify');
    const body = page.getByTestId('reader-content');
    const before = {
      bg: await style(page.getByTestId('reader-root'), 'background-color'),
      font: await style(body, 'font-family'),
      line: await style(body, 'line-height'),
      align: await style(firstParagraph(page), 'text-align'),
    };
    // A click inside the panel (on a group's name) keeps it open; Esc closes the panel first,
    // and the reading view stays open.
    await page.getByTestId('display-panel').locator('legend').first().click();
    expect(await page.getByTestId('display-panel').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('display-panel').count()).toBe(0);
    expect(await page.getByTestId('reader-root').count()).toBe(1);

    await page.reload();
    await h.openReader(page, tabId);
    expect({
      bg: await style(page.getByTestId('reader-root'), 'background-color'),
      font: await style(body, 'font-family'),
      line: await style(body, 'line-height'),
      align: await style(firstParagraph(page), 'text-align'),
    }).toEqual(before);
    await page.getByTestId('display-settings').click();
    for (const id of ['theme-dark', 'face-sans', 'lineHeight-loose', 'width-wide', 'align-justify'])
      expect(await page.getByTestId(`display-${id}`).isChecked()).toBe(true);
    // Like a popover: a click in the article closes it.
    await firstParagraph(page).click();
    await expect.poll(() => page.getByTestId('display-panel').count()).toBe(0);
    const stored = await (await h.worker()).evaluate(() => chrome.storage.local.get(['fontPrefs', 'fontPrefs$']));
    expect(stored.fontPrefs).toMatchObject({ theme: 'dark', face: 'sans', lineHeight: 'loose', width: 'wide' });
    expect(stored.fontPrefs$).toEqual({ v: 2 });
    await page.close();
  });
});

describe('printing from the reading view', () => {
  it('prints the article alone, black on white, across pages, and the page again once closed', async () => {
    const { page } = await openReader();
    await choose(page, 'theme', 'dark');
    await page.getByTestId('display-settings').click();
    await page.emulateMedia({ media: 'print' });

    // The news page under the view is hidden; our host and the article are shown, in the flow.
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('none');
    expect(await page.locator('doc-gon-reader').evaluate((el) => getComputedStyle(el).display)).toBe('block');
    const root = page.getByTestId('reader-root');
    expect(await style(root, 'position')).toBe('static');
    expect(await style(root, 'background-color')).toBe('rgb(255, 255, 255)');
    expect(await style(page.getByTestId('reader-content'), 'color')).toBe('rgb(0, 0, 0)');
    expect(await page.getByTestId('reader-root').locator('.dg-toolbar').isVisible()).toBe(false);
    expect(await page.getByTestId('font-increase').isVisible()).toBe(false);
    expect(await page.getByTestId('display-settings').isVisible()).toBe(false);
    expect(await page.getByTestId('reader-title').isVisible()).toBe(true);
    const body = norm(await page.getByTestId('reader-content').innerText());
    for (const p of seed.paragraphs) expect(body).toContain(norm(p));
    // Links carry their address on paper.
    const after = await page
      .getByTestId('reader-root')
      .locator('.dg-source a')
      .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(after).toContain(seed.url);

    // A real print: more than one page (nothing fixed or clipped to the viewport).
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(1);

    // Closed: the page prints as itself again.
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('reader-close').click();
    await expect.poll(() => page.locator('doc-gon-reader').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    expect(await page.locator('style[data-doc-gon]').count()).toBe(0);
    await page.close();
  });
});
