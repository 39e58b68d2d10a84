/**
 * The same built extension in an English Chromium: browser.i18n serves
 * _locales/en for the popup, the reading view and the manifest.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Gold, type Harness, launch, loadGold, norm } from './harness';

const seed: Gold = loadGold('seed-article.gold.json');
let h: Harness;

beforeAll(async () => {
  h = await launch({ lang: 'en' });
  await h.serve(seed.url, 'seed-article.html');
});
afterAll(async () => h?.close());

it('an English browser gets the English UI around the Vietnamese article', async () => {
  const page = await h.context.newPage();
  await page.goto(seed.url);
  const popup = await h.openPopup(await h.tabIdOf(page));
  await expect.poll(async () => norm(await popup.getByTestId('open-reader').innerText())).toBe('Read clean');
  const description = await (await h.worker()).evaluate(() => chrome.runtime.getManifest().description);
  expect(description).toMatch(/Vietnamese news/);
  await popup.getByTestId('open-reader').click();
  await page.bringToFront();
  const root = page.getByTestId('reader-root');
  await root.waitFor();
  const text = norm(await root.innerText());
  expect(text).toMatch(/\d+ min read/);
  expect(text).not.toMatch(/phút đọc/);
  // The article itself stays Vietnamese.
  expect(norm(await page.getByTestId('reader-title').innerText())).toBe(seed.title);
  await page.close();
});
