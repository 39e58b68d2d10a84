/**
 * The fixture pages with their gold extractions, and the corpus scoring rules of
 * tests/fixtures/corpus/README (token F1, junk lines, missing paragraphs, leaks).
 * Shared by the unit tests, scripts/score-corpus.ts and scripts/bench-extract.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockLines } from '../../utils/extract/text';
import { collapseWhitespace } from '../../utils/text/normalize';

export interface Gold {
  url: string;
  site: string;
  title: string;
  lead: string | null;
  byline: string | null;
  published: string | null;
  paragraphs: string[];
  optional: string[];
  mustNotContain: string[];
  actionItems: unknown;
  notes?: string;
}

export interface FixturePage {
  name: string;
  html: string;
  gold: Gold;
}

/** Seed first, then the corpus pages by name. `root` is the repository root. */
export function loadFixturePages(root: string): FixturePage[] {
  const dir = join(root, 'tests/fixtures');
  const read = (base: string): FixturePage => ({
    name: base.split('/').pop() ?? base,
    html: readFileSync(join(dir, `${base}.html`), 'utf8'),
    gold: JSON.parse(readFileSync(join(dir, `${base}.gold.json`), 'utf8')) as Gold,
  });
  const corpus = readdirSync(join(dir, 'corpus'))
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => `corpus/${f.replace(/\.gold\.json$/, '')}`)
    .sort();
  return [read('seed-article'), ...corpus.map(read)];
}

/** Output lines as the scorer sees them: the lead, then the body split at block elements. */
/** Any window with a DOMParser: a jsdom window, or the test environment's. */
export type ParserWindow = { DOMParser: typeof DOMParser };

export function outputLines(lead: string | null, contentHtml: string, win: ParserWindow): string[] {
  const doc = new win.DOMParser().parseFromString(`<body>${contentHtml}</body>`, 'text/html');
  const lines = blockLines(doc.body);
  return lead ? [collapseWhitespace(lead), ...lines] : lines;
}

const tokens = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function bag(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

export interface PageScore {
  f1: number;
  precision: number;
  recall: number;
  junk: string[];
  missing: string[];
  leaks: string[];
  titleOk: boolean;
  clean: boolean;
}

/** Scores the output lines of one page against its gold. */
export function scorePage(lines: string[], title: string | null, gold: Gold): PageScore {
  const norm = (s: string) => collapseWhitespace(s);
  const expected = [...(gold.lead ? [gold.lead] : []), ...gold.paragraphs].map(norm);
  const optional = gold.optional.map(norm);
  const joined = lines.join('\n');
  const flat = norm(lines.join(' '));

  // Token F1; surplus tokens that belong to optional strings are not counted against precision.
  const got = bag(lines.flatMap(tokens));
  const want = bag(expected.flatMap(tokens));
  const opt = bag(optional.flatMap(tokens));
  let hit = 0;
  let forgiven = 0;
  let total = 0;
  for (const [t, n] of got) {
    total += n;
    const m = Math.min(n, want.get(t) ?? 0);
    hit += m;
    forgiven += Math.min(n - m, opt.get(t) ?? 0);
  }
  const wantTotal = [...want.values()].reduce((a, b) => a + b, 0);
  const precision = total - forgiven > 0 ? hit / (total - forgiven) : 0;
  const recall = wantTotal > 0 ? hit / wantTotal : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;

  const known = [norm(gold.title), ...expected, ...optional];
  const junk = lines.filter((line) => !known.some((k) => k.includes(line)));
  const missing = expected.filter((p) => !joined.includes(p));
  const leaks = gold.mustNotContain.filter((s) => flat.includes(norm(s)));
  const titleOk = title === gold.title;
  return {
    f1,
    precision,
    recall,
    junk,
    missing,
    leaks,
    titleOk,
    clean: titleOk && !junk.length && !missing.length && !leaks.length,
  };
}
