/**
 * Extraction time per fixture page: ours (extractArticle, incl. sanitize)
 * beside plain Readability 0.6 on a clone. Parsing the HTML into a jsdom
 * document is outside the timed region for both. Prints median ms.
 *
 *   npm run bench                 # 7 iterations
 *   npm run bench -- --iterations 15
 */
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../utils/extract';
import { detectArticle } from '../utils/extract/detect';
import { loadFixturePages } from './lib/corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argIndex = process.argv.indexOf('--iterations');
const iterations = argIndex > 0 ? Math.max(1, Number(process.argv[argIndex + 1]) || 7) : 7;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const pages = loadFixturePages(root);
console.log(`${iterations} iterations per page (1 warm-up), median ms\n`);
console.log(
  `${'page'.padEnd(58)} ${'KB'.padStart(5)} ${'ours'.padStart(8)} ${'plain'.padStart(8)} ${'ratio'.padStart(6)} ${'detect'.padStart(7)}`,
);
const totals = { ours: [] as number[], plain: [] as number[], detect: [] as number[] };
for (const page of pages) {
  const doc = new JSDOM(page.html, { url: page.gold.url, virtualConsole: new VirtualConsole() }).window.document;
  const ours: number[] = [];
  const plain: number[] = [];
  const detect: number[] = [];
  for (let i = 0; i <= iterations; i++) {
    const o = time(() => extractArticle(doc, { url: page.gold.url }));
    const p = time(() => new Readability(doc.cloneNode(true) as Document).parse());
    const d = time(() => detectArticle(doc, page.gold.url));
    if (i === 0) continue; // warm-up
    ours.push(o);
    plain.push(p);
    detect.push(d);
  }
  const [mo, mp, md] = [median(ours), median(plain), median(detect)];
  totals.ours.push(mo);
  totals.plain.push(mp);
  totals.detect.push(md);
  console.log(
    `${page.name.slice(0, 58).padEnd(58)} ${String(Math.round(page.html.length / 1024)).padStart(5)} ${mo.toFixed(1).padStart(8)} ${mp.toFixed(1).padStart(8)} ${(mo / mp).toFixed(2).padStart(6)} ${md.toFixed(2).padStart(7)}`,
  );
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  `\nmedian of page medians: ours ${median(totals.ours).toFixed(1)} ms, plain Readability ${median(totals.plain).toFixed(1)} ms, detect ${median(totals.detect).toFixed(2)} ms`,
);
console.log(
  `sum of page medians:    ours ${sum(totals.ours).toFixed(0)} ms, plain Readability ${sum(totals.plain).toFixed(0)} ms`,
);
