/**
 * `npm run bench:library`: a library of 5,000 realistic saved articles (about
 * 20 KB of content each, assembled from the corpus pages' own paragraphs) in
 * headless Chromium with the built extension. Prints, never asserts:
 * popup open -> list painted, library open -> list painted (Element Timing:
 * when the frame with the rows was presented), search latency per keystroke,
 * the cost of one save, and the storage size.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { extractArticle } from '../../utils/extract';
import { htmlToText } from '../../utils/search/html-text';
import { LibrarySearch } from '../../utils/search/library-search';
import { RECENT_SIZE } from '../../utils/storage/saved-recent';
import { articleId, orderBucketOf, type SavedArticleMeta } from '../../utils/storage/saved-schema';
import { foldedVocabulary } from '../../utils/text/fold';
import type { Article } from '../../utils/types';
import { EXTENSION_DIR, launch, loadGold, ROOT } from '../e2e/harness';

const N = Number(process.env.ARTICLES ?? 5000);
const RUNS = Number(process.env.RUNS ?? 7);
const CONTENT_BYTES = 20_000;

// --- a realistic library, generated from the corpus ---------------------------------
const corpusDir = join(ROOT, 'tests/fixtures/corpus');
const sources: Article[] = [];
for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.html'))) {
  const { url } = JSON.parse(readFileSync(join(corpusDir, f.replace(/\.html$/, '.gold.json')), 'utf8'));
  const dom = new JSDOM(readFileSync(join(corpusDir, f), 'utf8'), { url });
  const a = extractArticle(dom.window.document, { url, win: dom.window as unknown as Window });
  if (a) sources.push(a);
}
const seedGold = loadGold('seed-article.gold.json');
{
  const dom = new JSDOM(readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8'), { url: seedGold.url });
  const a = extractArticle(dom.window.document, { url: seedGold.url, win: dom.window as unknown as Window });
  if (a) sources.push(a);
}
const blocksOf = (a: Article) => a.contentHtml.split(/(?<=<\/(?:p|h2|h3|figure|blockquote|ul|ol)>)/);
const blocks = sources.map(blocksOf);
const withItems = sources.filter((a) => a.actionItems.lists.length > 0);

let rng = 42;
const rand = (n: number) => {
  rng = (Math.imul(rng, 1103515245) + 12345) >>> 0;
  return rng % n;
};
const pick = <T>(xs: T[]): T => xs[rand(xs.length)] as T;

function record(i: number) {
  const k = rand(sources.length);
  const src = sources[k] as Article;
  // Like a real article: mostly its own text (the source's paragraphs, reordered), a little of another.
  const own = blocks[k] ?? [];
  const other = pick(blocks);
  let html = '';
  while (html.length < CONTENT_BYTES) html += rand(5) === 0 ? pick(other) : pick(own);
  const url = `${src.url.replace(/(\.html?|\.htm)?$/, '')}-${i}.html`;
  const id = articleId(url);
  const itemsFrom = rand(4) === 0 ? pick(withItems) : null;
  const savedAt = Date.UTC(2024, 0, 1) + i * 3_600_000 * 3;
  const meta = {
    schema: 2,
    id,
    url,
    title: `${src.title} (${i})`,
    site: src.site,
    siteName: src.siteName,
    byline: src.byline,
    publishedTime: new Date(savedAt - rand(86_400_000 * 30)).toISOString(),
    savedAt,
    lead: src.lead,
    excerpt: src.excerpt,
    wordCount: 3000,
    readingMinutes: 12,
    actionItems: (itemsFrom?.actionItems.lists ?? []).map((l) => ({
      announcedCount: l.announcedCount,
      items: l.items.map((it) => ({ n: it.n, marker: it.marker, text: it.text, done: rand(2) === 0 })),
    })),
  };
  return {
    [`savedMeta:${id}`]: meta,
    [`savedContent:${id}`]: { schema: 1, id, contentHtml: html },
    [`savedTerms:${id}`]: { schema: 1, id, terms: foldedVocabulary(htmlToText(html)) },
    order: { id, savedAt },
  };
}

// The floors, in a copy of the build: what any extension page costs on this machine, to read the
// lists' times against.
// - bench-blank: one static page (no script, no storage read);
// - bench-read: a bare script reads storage, then writes one line (any page drawn by script pays this);
// - bench-copy-*: written later, each page's own first screen drawn by such a bare script (see below).
const benchDir = mkdtempSync(join(tmpdir(), 'doc-gon-bench-'));
const benchExt = join(benchDir, 'chrome-mv3');
cpSync(EXTENSION_DIR, benchExt, { recursive: true });
const LINES = '<h1 elementtiming="dg-shell">Đọc Gọn</h1><p elementtiming="dg-list">Bài đã lưu</p>';
const benchPage = (script?: string, head = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đọc Gọn</title>${head}${script ? `<script type="module" src="/${script}"></script>` : ''}</head><body>${script ? '' : LINES}</body></html>`;
/** A bare module script: the pages' first storage read, then `markup` written at once (with the pages' marks). */
const bareScript = (markup: string) => `performance.mark('dg:script');
chrome.storage.local.get(['savedRecent', 'fontPrefs']).then(() => {
  performance.mark('dg:recent');
  document.body.innerHTML = ${JSON.stringify(markup)};
  performance.mark('dg:render');
  requestAnimationFrame(() => performance.mark('dg:frame'));
});`;
writeFileSync(join(benchExt, 'bench-blank.html'), benchPage());
writeFileSync(join(benchExt, 'bench-read.html'), benchPage('bench-read.js'));
writeFileSync(join(benchExt, 'bench-read.js'), bareScript(LINES));
const h = await launch({ extensionDir: benchExt });
const w = await h.worker();
const t0 = performance.now();
const order: { id: string; savedAt: number }[] = [];
const nodeIndex = new LibrarySearch();
const nodeMetas: SavedArticleMeta[] = [];
const nodeTerms = new Map<string, string>();
for (let i = 0; i < N; i += 250) {
  const chunk: Record<string, unknown> = {};
  for (let j = i; j < Math.min(N, i + 250); j++) {
    const { order: o, ...keys } = record(j);
    Object.assign(chunk, keys);
    nodeMetas.push(keys[`savedMeta:${o.id}`] as unknown as SavedArticleMeta);
    nodeTerms.set(o.id, (keys[`savedTerms:${o.id}`] as { terms: string }).terms);
    order.push(o);
  }
  await (await h.worker()).evaluate((c) => chrome.storage.local.set(c), chunk);
}
order.sort((a, b) => b.savedAt - a.savedAt);
const buckets: Record<string, typeof order> = {};
for (const e of order) {
  const key = `savedOrder:${orderBucketOf(e.id)}`;
  buckets[key] = [...(buckets[key] ?? []), e];
}
await w.evaluate((b) => chrome.storage.local.set(b), buckets);
const fillSeconds = (performance.now() - t0) / 1000;

// --- measurements ---------------------------------------------------------------------
/**
 * Times from navigation start to the paint of the shell (the page header) and of the list's
 * first rows, as the page itself records them (Element Timing: `elementtiming="dg-shell"` and
 * `"dg-list"`; renderTime is when the frame with the element was presented). Nothing of the
 * harness runs in the page while it loads: it reads the entries a second later.
 */
async function paintedAt(page: Page, url: string): Promise<{ shell: number; list: number }> {
  await page.goto(url, { waitUntil: 'commit' });
  await new Promise((r) => setTimeout(r, 1000));
  const painted = await page.evaluate(
    () =>
      new Promise<{ shell: number; list: number }>((resolve, reject) => {
        const seen: Record<string, number> = {};
        const timer = setTimeout(() => reject(new Error(`not painted within 60 s: ${JSON.stringify(seen)}`)), 60_000);
        new PerformanceObserver((entries) => {
          for (const e of entries.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
            seen[e.identifier] ??= e.renderTime;
          const { 'dg-shell': shell, 'dg-list': list } = seen;
          if (shell != null && list != null) {
            clearTimeout(timer);
            resolve({ shell, list });
          }
        }).observe({ type: 'element', buffered: true });
      }),
  );
  // Where the time went: the page's own navigation entry, the marks main.tsx sets, the first paint.
  const at = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    return {
      html: nav?.responseEnd ?? Number.NaN,
      interactive: nav?.domInteractive ?? Number.NaN,
      early: marks['dg:early'] ?? Number.NaN,
      script: marks['dg:script'] ?? Number.NaN,
      recent: marks['dg:recent'] ?? Number.NaN,
      render: marks['dg:render'] ?? Number.NaN,
      frame: marks['dg:frame'] ?? Number.NaN,
      paint: performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN,
    };
  });
  const page_ = url.split('?')[0] as string;
  const byPhase = phases[page_] ?? {};
  phases[page_] = byPhase;
  for (const [k, v] of Object.entries(at)) byPhase[k] = [...(byPhase[k] ?? []), v];
  return painted;
}
/** Per page, per phase: the times of every run (see paintedAt). */
const phases: Record<string, Record<string, number[]>> = {};

await h.serve(seedGold.url, 'seed-article.html');
const articlePage = await h.context.newPage();
await articlePage.goto(seedGold.url);
const tabId = await h.tabIdOf(articlePage);

/**
 * The three pages in turn, each opened in a new tab after the previous one is closed and the
 * extension's process has settled (extension pages share one renderer: a library still reading
 * 5,000 records, or being torn down, would otherwise slow whatever opens next).
 */
const SETTLE_MS = 500;
async function openAndMeasure(url: string) {
  const page = await h.context.newPage();
  await page.bringToFront();
  const t = await paintedAt(page, url);
  await page.close();
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return t;
}
const ext = `chrome-extension://${h.extensionId}`;

/**
 * The page's first screen as it is painted (the library's first RECENT_SIZE rows, before the full
 * read), saved as a bench-copy page: the same markup and stylesheets, drawn by a bare script with
 * none of our code. Its paint time is what this content costs here, whatever the code around it.
 */
async function copyFirstScreen(name: string, url: string, rows: string) {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.locator(rows).first().waitFor();
  const { markup, styles } = await page.evaluate(
    ({ rows, keep }) => {
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const el of body.querySelectorAll('script, .lib-more')) el.remove();
      for (const el of [...body.querySelectorAll(rows)].slice(keep)) el.remove();
      const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
      return { markup: body.innerHTML, styles: links.map((l) => l.getAttribute('href') ?? '') };
    },
    { rows, keep: RECENT_SIZE },
  );
  await page.close();
  const head = styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  writeFileSync(join(benchExt, `bench-copy-${name}.js`), bareScript(markup));
  writeFileSync(join(benchExt, `bench-copy-${name}.html`), benchPage(`bench-copy-${name}.js`, head));
}
await copyFirstScreen('popup', `${ext}/popup.html?tabId=${tabId}`, '[data-testid="saved-article"]');
await copyFirstScreen('library', `${ext}/library.html`, '[data-testid="library-article"]');
await new Promise((r) => setTimeout(r, 2000));

const popupPaint: number[] = [];
const popupShell: number[] = [];
const blankPaint: number[] = [];
const readPaint: number[] = [];
const popupCopy: number[] = [];
const libCopy: number[] = [];
const libPaint: number[] = [];
const libShell: number[] = [];
for (let i = 0; i < RUNS; i++) {
  blankPaint.push((await openAndMeasure(`${ext}/bench-blank.html`)).list);
  readPaint.push((await openAndMeasure(`${ext}/bench-read.html`)).list);
  popupCopy.push((await openAndMeasure(`${ext}/bench-copy-popup.html`)).list);
  libCopy.push((await openAndMeasure(`${ext}/bench-copy-library.html`)).list);
  const p = await openAndMeasure(`${ext}/popup.html?tabId=${tabId}`);
  popupShell.push(p.shell);
  popupPaint.push(p.list);
  const l = await openAndMeasure(`${ext}/library.html`);
  libShell.push(l.shell);
  libPaint.push(l.list);
}

// The whole library: every record read, the search index built (bodies included), then the heap.
const indexReady: number[] = [];
const heapMb: number[] = [];
let lib: Page | null = null;
const INDEX_RUNS = Math.min(RUNS, 3);
for (let i = 0; i < INDEX_RUNS; i++) {
  lib = await h.context.newPage();
  await lib.bringToFront();
  await lib.goto(`chrome-extension://${h.extensionId}/library.html`);
  const ready = await lib.waitForFunction(
    () => (document.querySelector('.lib[data-indexing="false"]') ? performance.now() : 0),
    undefined,
    { polling: 100, timeout: 300_000 },
  );
  indexReady.push((await ready.jsonValue()) as number);
  // What the page holds: the heap after a full garbage collection (loading leaves much garbage behind).
  const cdp = await h.context.newCDPSession(lib);
  await cdp.send('HeapProfiler.collectGarbage');
  heapMb.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20);
  await cdp.detach();
  if (i < INDEX_RUNS - 1) await lib.close();
}

// Search: each keystroke -> results painted (input event to the frame after the re-render).
const QUERIES = ['khu cong nghiep', 'gia vang', 'apple', 'chuyen muc dich su dung dat', 'tay ban nha'];
const keystroke: number[] = [];
const labelled: { t: number; q: string }[] = [];
const searchCall: number[] = [];
const resultCounts: string[] = [];
for (const q of QUERIES) {
  const res = await (lib as Page).evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="library-search"]');
    if (!input) throw new Error('no search box');
    const times: number[] = [];
    for (let k = 1; k <= query.length; k++) {
      const t = performance.now();
      input.value = query.slice(0, k);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t);
    }
    const count = document.querySelector('[data-testid="library-count"]')?.textContent ?? '';
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { times, count };
  }, q);
  keystroke.push(...res.times);
  res.times.forEach((t, k) => {
    labelled.push({ t, q: q.slice(0, k + 1) });
  });
  resultCounts.push(`"${q}": ${res.count.split('·')[0]?.trim()}`);
}

await lib?.close();

// The same index in Node: the search call alone, without rendering.
nodeIndex.setArticles(nodeMetas);
await nodeIndex.addBodies(async (ids) => new Map(ids.map((id) => [id, nodeTerms.get(id) ?? ''])));
for (const q of QUERIES)
  for (let k = 1; k <= q.length; k++) {
    const t = performance.now();
    nodeIndex.search(q.slice(0, k));
    searchCall.push(performance.now() - t);
  }

// One save, two figures on distinct URLs of the seed page:
// - persist: the background's storage work for the article (meta, content, vocabulary, order bucket,
//   `savedRecent`: everything a save writes), as measured around saveArticle() (User Timing, background.ts);
// - full: a click on "Lưu bài" in the popup -> the saved confirmation painted (extraction in the tab included).
const html = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');
const saveUrls = Array.from({ length: RUNS }, (_, i) => seedGold.url.replace(/\.html$/, `-bench-${i}.html`));
await h.context.route(
  (u) => saveUrls.includes(u.href),
  (route) =>
    route.fulfill({
      status: 200,
      body: html.replaceAll(seedGold.url, route.request().url()),
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
    }),
);
const fullSave: number[] = [];
const persist: number[] = [];
for (const url of saveUrls) {
  const page = await h.context.newPage();
  await page.goto(url);
  const popup = await h.openPopup(await h.tabIdOf(page));
  await popup.bringToFront();
  await popup.locator('[data-testid="save-article"]:not([disabled])').waitFor();
  fullSave.push(
    await popup.evaluate(async () => {
      const t = performance.now();
      document.querySelector<HTMLButtonElement>('[data-testid="save-article"]')?.click();
      while (!document.querySelector('[data-testid="save-result"]')) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t;
    }),
  );
  persist.push(
    await (await h.worker()).evaluate(
      () => performance.getEntriesByName('doc-gon:save-persist', 'measure').at(-1)?.duration ?? Number.NaN,
    ),
  );
  await popup.close();
  await page.close();
}

// The storage engine alone, for scale: one 25 KB value written from the background.
const rawSet: number[] = [];
for (let i = 0; i < RUNS; i++)
  rawSet.push(
    await (await h.worker()).evaluate(async (i) => {
      const t = performance.now();
      await chrome.storage.local.set({ [`benchRaw${i}`]: 'x'.repeat(25_000) });
      const d = performance.now() - t;
      await chrome.storage.local.remove(`benchRaw${i}`);
      return d;
    }, i),
  );

const bytes = await (await h.worker()).evaluate(() => chrome.storage.local.getBytesInUse(null));
// What every save rewrites besides the article's own keys.
const sharedBytes = await (await h.worker()).evaluate(async () => ({
  recent: await chrome.storage.local.getBytesInUse('savedRecent'),
  bucket: await chrome.storage.local.getBytesInUse('savedOrder:00'),
}));
const count = await (await h.worker()).evaluate(async () =>
  Object.values(
    await chrome.storage.local.get(
      Array.from({ length: 64 }, (_, i) => `savedOrder:${i.toString(16).padStart(2, '0')}`),
    ),
  ).reduce((n: number, v) => n + (v as unknown[]).length, 0),
);
await h.close();
rmSync(benchDir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
console.log(`library bench: ${N} articles (~${CONTENT_BYTES / 1000} KB content each), ${RUNS} runs, headless Chromium`);
console.log(`  fill storage                         : ${fillSeconds.toFixed(1)} s`);
console.log(`  floor: static extension page painted : ${fmt(blankPaint)}`);
console.log(`  floor: bare script reads, writes 1 line: ${fmt(readPaint)}`);
console.log(`  floor: popup's first screen, bare script: ${fmt(popupCopy)}`);
console.log(`  floor: library's first screen, bare    : ${fmt(libCopy)}`);
console.log(`  popup open -> header painted (shell) : ${fmt(popupShell)}`);
console.log(`  popup open -> newest ${RECENT_SIZE} painted      : ${fmt(popupPaint)}`);
console.log(`  library open -> header painted (shell): ${fmt(libShell)}`);
console.log(`  library open -> first rows painted   : ${fmt(libPaint)}`);
// The frame that holds the rows begins at dg:frame; "painted" above is when the browser presented it.
const frameOf = (page: string) => phases[Object.keys(phases).find((k) => k.endsWith(page)) ?? '']?.frame ?? [];
console.log(
  `  (rows in a frame, its start: popup ${fmt(frameOf('/popup.html'))}; library ${fmt(frameOf('/library.html'))})`,
);
console.log(
  `  over the floor (medians): popup +${(median(popupPaint) - median(blankPaint)).toFixed(1)} ms, library +${(median(libPaint) - median(blankPaint)).toFixed(1)} ms`,
);
// What our code adds to drawing the same first screen (the copies above have the same content).
console.log(
  `  over their own first screen drawn bare (medians): popup +${(median(popupPaint) - median(popupCopy)).toFixed(1)} ms, library +${(median(libPaint) - median(libCopy)).toFixed(1)} ms`,
);
for (const [url, ph] of Object.entries(phases))
  console.log(
    `    ${url.split('/').at(-1)} medians: ${Object.entries(ph)
      .filter(([, xs]) => xs.some((x) => !Number.isNaN(x)))
      .map(([k, xs]) => `${k} ${median(xs).toFixed(0)}`)
      .join(', ')} ms`,
  );
console.log(`  library open -> body search ready    : ${fmt(indexReady)}`);
console.log(`  library JS heap after indexing (live, after GC): median ${median(heapMb).toFixed(0)} MiB`);
console.log(
  `  search, keystroke -> results painted : median ${median(keystroke).toFixed(1)} ms, p95 ${p95(keystroke).toFixed(1)} ms, max ${Math.max(...keystroke).toFixed(1)} ms (${keystroke.length} keystrokes)`,
);
console.log(`    ${resultCounts.join('; ')}`);
console.log(
  `    slowest: ${[...labelled]
    .sort((a, b) => b.t - a.t)
    .slice(0, 5)
    .map((k) => `"${k.q}" ${k.t.toFixed(0)} ms`)
    .join(', ')}`,
);
console.log(
  `  search call alone (MiniSearch, Node)  : median ${median(searchCall).toFixed(2)} ms, p95 ${p95(searchCall).toFixed(2)} ms, max ${Math.max(...searchCall).toFixed(2)} ms`,
);
console.log(`  one save, persist (background storage work): ${fmt(persist)}`);
console.log(`  one save, popup click -> saved shown  : ${fmt(fullSave)}`);
console.log(`  (storage engine alone: one 25 KB set() from the background: ${fmt(rawSet)})`);
console.log(
  `  (rewritten by every save: savedRecent ${(sharedBytes.recent / 1024).toFixed(0)} KB, one order bucket ${(sharedBytes.bucket / 1024).toFixed(0)} KB)`,
);
console.log(`  storage: ${count} articles, ${(bytes / 2 ** 20).toFixed(1)} MiB in chrome.storage.local`);
