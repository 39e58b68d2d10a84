/**
 * `npm run bench:open`: time from the reader being asked for (the popup's
 * button, i.e. the toolbar click) to the reading view painted, on the seed
 * page in headless Chromium with the built extension. Printed, never asserted.
 * Plain Readability's parse of the same page in the same tab is printed beside it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launch, loadGold, ROOT } from '../e2e/harness';

const RUNS = Number(process.env.RUNS ?? 10);
const seed = loadGold('seed-article.gold.json');
const h = await launch();
await h.serve(seed.url, 'seed-article.html');
const readabilitySrc = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');

const clickToPaint: number[] = [];
const plainParse: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const page = await h.context.newPage();
  await page.goto(seed.url);
  const tabId = await h.tabIdOf(page);
  const popup = await h.openPopup(tabId);
  await page.bringToFront();
  // Page-side clock: from the request to the first frame after the shadow root has content.
  await page.evaluate(() => {
    const w = window as unknown as { __painted: Promise<number> };
    w.__painted = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        const host = document.querySelector('doc-gon-reader');
        if (host?.shadowRoot?.querySelector('[data-testid="reader-content"]')) {
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        }
      });
      obs.observe(document.documentElement, { childList: true, subtree: true });
    });
  });
  const t0 = await page.evaluate(() => performance.now());
  await popup.evaluate(() => (document.querySelector('[data-testid="open-reader"]') as HTMLButtonElement).click());
  const t1 = await page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted);
  clickToPaint.push(t1 - t0);
  await popup.close();
  await page.close();
}

// Plain Readability in the same browser, on the same HTML (in a page without the CSP, so the library can load).
const yard = await h.context.newPage();
await yard.setContent(readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8'));
await yard.addScriptTag({ content: readabilitySrc });
for (let i = 0; i < RUNS; i++) {
  plainParse.push(
    await yard.evaluate(() => {
      const R = (window as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
      const t = performance.now();
      new R(document.cloneNode(true) as Document).parse();
      return performance.now() - t;
    }),
  );
}
await h.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
const size = (f: string) => statSync(join(EXTENSION_DIR, f)).size;
console.log(`seed page, ${RUNS} runs, headless Chromium`);
console.log(`  click -> reading view painted : ${fmt(clickToPaint)}`);
console.log(`  plain Readability parse alone : ${fmt(plainParse)}`);
console.log(
  `  detector content script       : ${(size('content-scripts/detect.js') / 1024).toFixed(1)} KiB (runs on every news page)`,
);
console.log(`  reader script (on demand)     : ${(size('content-scripts/reader.js') / 1024).toFixed(1)} KiB`);
