/**
 * Scores extraction on every fixture page against its gold file, ours beside
 * plain Readability 0.6 (`new Readability(clone).parse()`), with the rules of
 * tests/fixtures/corpus/README: token F1, junk lines, missing paragraphs, leaks.
 *
 *   npm run score            # table
 *   npm run score -- -v      # plus the offending lines
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../utils/extract';
import { type FixturePage, loadFixturePages, outputLines, type PageScore, scorePage } from './lib/corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('-v');

const load = (html: string, url: string) => new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window;

function ours({ html, gold }: FixturePage): PageScore {
  const win = load(html, gold.url);
  const a = extractArticle(win.document, { url: gold.url });
  const lines = a ? outputLines(a.lead, a.contentHtml, win) : [];
  return scorePage(lines, a?.title ?? null, gold);
}

function plain({ html, gold }: FixturePage): PageScore {
  const win = load(html, gold.url);
  const r = new Readability(win.document.cloneNode(true) as Document).parse();
  const lines = r ? outputLines(null, r.content ?? '', win) : [];
  return scorePage(lines, r?.title ?? null, gold);
}

const cell = (s: PageScore) =>
  `${s.f1.toFixed(3)} ${String(s.junk.length).padStart(3)} ${String(s.missing.length).padStart(3)} ${String(s.leaks.length).padStart(3)} ${s.titleOk ? ' ' : 'T'} ${s.clean ? 'clean' : '     '}`;

const pages = loadFixturePages(root);
const rows: { name: string; o: PageScore; p: PageScore }[] = [];
console.log(`${'page'.padEnd(58)} | ours: F1   junk miss leak title | plain Readability: F1 junk miss leak title`);
for (const page of pages) {
  const o = ours(page);
  const p = plain(page);
  rows.push({ name: page.name, o, p });
  console.log(`${page.name.slice(0, 58).padEnd(58)} | ${cell(o)} | ${cell(p)}`);
  if (verbose) {
    for (const [label, list] of [
      ['junk', o.junk],
      ['missing', o.missing],
      ['leak', o.leaks],
    ] as const)
      for (const x of list) console.log(`    ${label}: ${x.slice(0, 140)}`);
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const summary = (pick: (r: (typeof rows)[number]) => PageScore) =>
  `${rows.filter((r) => pick(r).clean).length}/${rows.length} clean, mean F1 ${mean(rows.map((r) => pick(r).f1)).toFixed(3)}, junk ${rows.reduce((a, r) => a + pick(r).junk.length, 0)}, missing ${rows.reduce((a, r) => a + pick(r).missing.length, 0)}, leaks ${rows.reduce((a, r) => a + pick(r).leaks.length, 0)}`;
console.log(`\nours:              ${summary((r) => r.o)}`);
console.log(`plain Readability: ${summary((r) => r.p)}`);
