/**
 * Ours beside plain Readability 0.6 on every fixture page, same page, same
 * process (jsdom): the corpus scores of tests/fixtures/corpus/README (token F1,
 * precision, recall, junk blocks, missing paragraphs, leaks, title), then the
 * extraction time of each, then one summary line.
 *
 * Timing: median of N runs after one warm-up, runs interleaved. Parsing the
 * HTML into a jsdom document is outside the timed region; both sides include
 * their copy of the page (extractArticle copies what it reads, plain
 * Readability gets `doc.cloneNode(true)`), and ours includes sanitize().
 *
 *   npm run bench:extract                    # scores + times, 7 runs
 *   npm run bench:extract -- --runs 15
 *   npm run bench:extract -- --no-time -v    # scores only, with the offending lines
 *   npm run bench:extract -- --generic       # ours without site rules (the unseen-site path)
 */
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../utils/extract';
import { type FixturePage, loadFixturePages, outputLines, type PageScore, scorePage } from './lib/corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 7) : 7;
const timed = !flag('--no-time');
const verbose = flag('-v');
const siteRules = !flag('--generic');

type Win = JSDOM['window'];
const load = (page: FixturePage): Win =>
  new JSDOM(page.html, { url: page.gold.url, virtualConsole: new VirtualConsole() }).window;

const runOurs = (win: Win, page: FixturePage) => extractArticle(win.document, { url: page.gold.url, siteRules });
const runPlain = (win: Win) => new Readability(win.document.cloneNode(true) as Document).parse();

function scoreOurs(win: Win, page: FixturePage): PageScore {
  const a = runOurs(win, page);
  return scorePage(a ? outputLines(a.lead, a.contentHtml, win) : [], a?.title ?? null, page.gold);
}

function scorePlain(win: Win, page: FixturePage): PageScore {
  const r = runPlain(win);
  return scorePage(r ? outputLines(null, r.content ?? '', win) : [], r?.title ?? null, page.gold);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;

function clock(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Median ms of ours and plain Readability on one document, interleaved so drift hits both. */
function timePage(win: Win, page: FixturePage): { ours: number; plain: number } {
  const ours: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const o = clock(() => runOurs(win, page));
    const p = clock(() => runPlain(win));
    if (i === 0) continue; // warm-up
    ours.push(o);
    plain.push(p);
  }
  return { ours: median(ours), plain: median(plain) };
}

const num = (n: number, w: number) => String(n).padStart(w);
const cell = (s: PageScore) =>
  `${s.f1.toFixed(3)} ${s.precision.toFixed(3)} ${s.recall.toFixed(3)} ${num(s.junk.length, 4)} ${num(s.missing.length, 4)} ${num(s.leaks.length, 4)} ${s.titleOk ? 'ok' : '✗ '} ${s.clean ? 'clean' : '     '}`;
const head = 'F1    P     R      junk miss leak T  ';

const NAME = 44;
const pages = loadFixturePages(root);
const rows: { name: string; o: PageScore; p: PageScore; t?: { ours: number; plain: number } }[] = [];

console.log(
  `${siteRules ? '' : 'ours WITHOUT site rules (generic path)\n'}${timed ? `time: median of ${runs} runs after 1 warm-up\n` : ''}`,
);
console.log(
  `${'page'.padEnd(NAME)} | ours: ${head}      | Readability: ${head}     ${timed ? '|  ours ms   R. ms  ratio' : ''}`,
);
for (const page of pages) {
  const win = load(page);
  const o = scoreOurs(win, page);
  const p = scorePlain(win, page);
  const t = timed ? timePage(win, page) : undefined;
  rows.push({ name: page.name, o, p, t });
  const times = t
    ? ` | ${t.ours.toFixed(1).padStart(7)} ${t.plain.toFixed(1).padStart(7)} ${(t.ours / t.plain).toFixed(2).padStart(5)}×`
    : '';
  console.log(`${page.name.slice(0, NAME).padEnd(NAME)} | ${cell(o)} | ${cell(p)}${times}`);
  if (verbose) {
    for (const [label, list] of [
      ['junk', o.junk],
      ['missing', o.missing],
      ['leak', o.leaks],
    ] as const)
      for (const x of list) console.log(`    ours ${label}: ${x.slice(0, 140)}`);
  }
  win.close();
}

const totals = (pick: (r: (typeof rows)[number]) => PageScore) => {
  const s = rows.map(pick);
  return `${s.filter((x) => x.clean).length}/${s.length} clean, mean F1 ${mean(s.map((x) => x.f1)).toFixed(3)}`;
};
const detail = (pick: (r: (typeof rows)[number]) => PageScore) => {
  const s = rows.map(pick);
  return `P ${mean(s.map((x) => x.precision)).toFixed(3)} R ${mean(s.map((x) => x.recall)).toFixed(3)}, junk ${sum(s.map((x) => x.junk.length))}, missing ${sum(s.map((x) => x.missing.length))}, leaks ${sum(s.map((x) => x.leaks.length))}, titles wrong ${s.filter((x) => !x.titleOk).length}`;
};
console.log(`\nours:        ${totals((r) => r.o)}, ${detail((r) => r.o)}`);
console.log(`Readability: ${totals((r) => r.p)}, ${detail((r) => r.p)}`);

let time = '';
if (timed) {
  const ours = sum(rows.map((r) => r.t?.ours ?? 0));
  const plain = sum(rows.map((r) => r.t?.plain ?? 0));
  const ratios = rows.map((r) => (r.t ? r.t.ours / r.t.plain : 0));
  console.log(
    `time: per-page ratio median ${median(ratios).toFixed(2)}×, worst ${Math.max(...ratios).toFixed(2)}×; median page ours ${median(rows.map((r) => r.t?.ours ?? 0)).toFixed(1)} ms vs Readability ${median(rows.map((r) => r.t?.plain ?? 0)).toFixed(1)} ms`,
  );
  time = ` | time ours ${ours.toFixed(0)} ms vs Readability ${plain.toFixed(0)} ms (${(ours / plain).toFixed(2)}×)`;
}
console.log(`summary: ours ${totals((r) => r.o)} | Readability ${totals((r) => r.p)}${time}`);
