/**
 * `npm start`: opens Chromium with the built extension on the bundled sample
 * article, served locally under its real URL, and opens the reading view.
 * Without a display it runs headless and saves screenshots instead.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, loadGold, ROOT } from '../tests/e2e/harness';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const outDir = join(ROOT, 'screenshots/latest');
const seed = loadGold('seed-article.gold.json');

const h = await launch({ headless });
await h.serve(seed.url, 'seed-article.html');
const page = await h.context.newPage();
await page.goto(seed.url);
const tabId = await h.tabIdOf(page);

const popup = await h.openPopup(tabId);
await popup.getByTestId('open-reader').click();
await page.bringToFront();
await page.getByTestId('reader-root').waitFor();
console.log(`Reading view open on ${seed.url}`);

if (headless) {
  mkdirSync(outDir, { recursive: true });
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.screenshot({ path: join(outDir, 'reader.png') });
  await page.getByTestId('font-increase').click();
  await page.getByTestId('font-increase').click();
  await page.getByTestId('reader-root').getByTestId('action-item').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, 'reader-large-items.png') });
  await page.keyboard.press('0');
  // The dark theme with the display settings open, then back to light for the popup.
  await page.getByTestId('reader-root').evaluate((el) => el.scrollTo(0, 0));
  await page.getByTestId('display-settings').click();
  await page.getByTestId('display-theme-dark').check();
  await page.screenshot({ path: join(outDir, 'reader-dark.png') });
  await page.getByTestId('display-theme-light').check();
  await page.getByTestId('display-settings').click();
  await popup.bringToFront();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByTestId('save-article').click();
  await popup.getByTestId('save-result').waitFor();
  await popup.screenshot({ path: join(outDir, 'popup.png') });
  console.log(
    `No display: ran headless. Screenshots:\n  ${['reader.png', 'reader-large-items.png', 'reader-dark.png', 'popup.png'].map((f) => join(outDir, f)).join('\n  ')}`,
  );
  await h.close();
} else {
  await popup.close();
  console.log('Close the browser window to stop.');
  await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
}
