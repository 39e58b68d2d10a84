/**
 * Library search over real saved pages (the seed and corpus fixtures, extracted
 * as a save would, bodies indexed from their stored vocabulary).
 *
 * The search evaluates the words already typed once and reuses their MiniSearch
 * result while the next word is typed (utils/search/library-search.ts). That
 * reuse wraps a private MiniSearch step, so these tests pin that it changes
 * nothing: at every keystroke of real queries the results equal one flat
 * MiniSearch AND query and a cold index's, and they follow edits.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixturePages } from '../../scripts/lib/corpus';
import { extractArticle } from '../../utils/extract';
import { LibrarySearch, PREFIX_BUDGET } from '../../utils/search/library-search';
import { termsFromHtml } from '../../utils/storage/saved-migration';
import { articleId, type SavedArticleMeta } from '../../utils/storage/saved-schema';
import { fold } from '../../utils/text/fold';

interface Saved {
  meta: SavedArticleMeta;
  terms: string;
}

const saved: Saved[] = [];
beforeAll(() => {
  for (const [i, page] of loadFixturePages(process.cwd()).entries()) {
    const win = new JSDOM(page.html, { url: page.gold.url, virtualConsole: new VirtualConsole() }).window;
    const a = extractArticle(win.document, { url: page.gold.url, win: win as unknown as Window });
    if (!a) throw new Error(`no article in ${page.name}`);
    const id = articleId(a.url);
    const { contentHtml: _c, text: _t, actionItems, ...rest } = a;
    const meta: SavedArticleMeta = {
      ...rest,
      id,
      savedAt: 1_700_000_000_000 + i * 60_000,
      actionItems: actionItems.lists.map((l) => ({
        announcedCount: l.announcedCount,
        items: l.items.map((it) => ({ ...it, done: false })),
      })),
    };
    saved.push({ meta, terms: termsFromHtml(id, a.contentHtml).terms });
  }
}, 120_000);

async function library(list: Saved[] = saved) {
  const s = new LibrarySearch(async () => undefined);
  s.setArticles(list.map((x) => x.meta));
  const bodies = new Map(list.map((x) => [x.meta.id, x.terms]));
  expect(await s.addBodies(async (ids) => new Map(ids.map((id) => [id, bodies.get(id) ?? '']))));
  return s;
}

const title = (id: string) => saved.find((x) => x.meta.id === id)?.meta.title;
/** Every keystroke of `q`, as typed. */
const keystrokes = (q: string) => Array.from({ length: q.length }, (_, k) => q.slice(0, k + 1));

// Titles, sapo words and body words of the fixtures, folded as people type them.
const QUERIES = [
  'khu cong nghiep',
  'gia vang',
  'apple',
  'chuyen muc dich su dung dat',
  'tay ban nha',
  'nhap khau hoa',
  'duong bay quoc te',
];

describe('library search on real saved pages', () => {
  it('finds each article by its own title typed without diacritics, ranked first', async () => {
    const s = await library();
    for (const { meta } of saved) {
      const q = fold(meta.title).split(/\s+/).slice(0, 5).join(' ');
      expect([q, title(s.search(q)?.[0] ?? '')]).toEqual([q, meta.title]);
    }
  });

  it('finds words only the body has once bodies are indexed, not before', async () => {
    const tuoitre = saved.find((x) => x.meta.url.includes('tuoitre.vn')) as Saved;
    // "Ecuador" is in that article's body only.
    expect(fold(`${tuoitre.meta.title} ${tuoitre.meta.lead}`)).not.toContain('ecuador');
    expect(tuoitre.terms.split(' ')).toContain('ecuador');
    const s = new LibrarySearch(async () => undefined);
    s.setArticles(saved.map((x) => x.meta));
    expect(s.search('ecuador')).toEqual([]);
    expect(s.complete).toBe(false);
    await s.addBodies(
      async (ids) => new Map(saved.filter((x) => ids.includes(x.meta.id)).map((x) => [x.meta.id, x.terms])),
    );
    expect(s.complete).toBe(true);
    expect(s.search('Ecuador')).toEqual([tuoitre.meta.id]);
  });

  it('at every keystroke, equals one flat MiniSearch AND query and a cold index', async () => {
    const typed = await library();
    for (const q of QUERIES) {
      for (const k of [...keystrokes(q), `${q} `]) {
        const cold = await library();
        const got = typed.search(k);
        expect([k, got]).toEqual([k, typed.searchFlat(k)]);
        expect([k, got]).toEqual([k, cold.search(k)]);
      }
    }
  });

  it('follows saves and deletions between keystrokes', async () => {
    const s = await library();
    const before = s.search('gia vang giam') ?? [];
    expect(before.length).toBeGreaterThan(0);
    const [first] = before;
    s.remove(first as string);
    expect(s.search('gia vang giam')).toEqual(before.slice(1));
    expect(s.search('gia vang giam')).toEqual(s.searchFlat('gia vang giam'));
    const back = saved.find((x) => x.meta.id === first) as Saved;
    s.upsert({ ...back.meta, title: `${back.meta.title} Zeppelin` }, back.terms);
    expect(s.search('gia vang zeppelin')).toEqual([first]);
    expect(s.search('gia vang giam')).toEqual(before);
  });
});

/** `copies` copies of the real pages under their own URLs, newest first (as the library lists them). */
function copiesOf(copies: number): Saved[] {
  const big: Saved[] = [];
  for (let c = 0; c < copies; c++)
    for (const [i, x] of saved.entries()) {
      const url = `${x.meta.url}?copy=${c}`;
      big.push({ meta: { ...x.meta, url, id: articleId(url), savedAt: c * 1000 + i }, terms: x.terms });
    }
  return big.sort((a, b) => b.meta.savedAt - a.meta.savedAt);
}

describe('a big library', () => {
  it('searches the newest articles by metadata at once and the rest once indexing starts, edits included', async () => {
    const big = copiesOf(60);
    const s = new LibrarySearch(async () => undefined);
    s.setArticles(big.map((x) => x.meta));
    const newest = new Set(big.slice(0, 500).map((x) => x.meta.id));
    const q = fold(saved[0]?.meta.title ?? '')
      .split(/\s+/)
      .slice(0, 4)
      .join(' ');
    const atOnce = s.search(q) ?? [];
    expect(atOnce.length).toBeGreaterThan(0);
    expect(atOnce.every((id) => newest.has(id))).toBe(true);
    // Edits to articles not indexed yet.
    const old = big.filter((x) => !newest.has(x.meta.id) && x.meta.title === saved[0]?.meta.title);
    const [gone, renamed] = old as [Saved, Saved];
    s.remove(gone.meta.id);
    s.upsert({ ...renamed.meta, title: `${renamed.meta.title} Zeppelin` }, renamed.terms);
    expect(s.search('zeppelin')).toEqual([renamed.meta.id]);
    const bodies = new Map(big.map((x) => [x.meta.id, x.terms]));
    expect(await s.addBodies(async (ids) => new Map(ids.map((id) => [id, bodies.get(id) ?? ''])))).toBe(true);
    const all = s.search(q) ?? [];
    for (const x of big) if (x.meta.title === saved[0]?.meta.title && x !== gone) expect(all).toContain(x.meta.id);
    expect(all).not.toContain(gone.meta.id);
    expect(s.search('zeppelin')).toEqual([renamed.meta.id]);
  });

  it('the word being typed waits while its prefix is too common to narrow anything', async () => {
    // Enough copies for the common prefixes to exceed the budget.
    const copies = Math.ceil(PREFIX_BUDGET / saved.length / 2);
    const s = await library(copiesOf(copies));
    // "c" begins hundreds of words found in every copy: "khu c" narrows nothing yet.
    expect(s.search('khu c')).toEqual(s.search('khu '));
    // "gia" begins giai, giam, gian…: it counts once finished.
    expect(s.search('gia')).toBeNull();
    expect(s.search('gia ')?.length).toBeGreaterThan(0);
    // A rarer prefix still matches as a prefix.
    expect(s.search('ecuad')).toEqual(s.search('ecuador'));
    expect(s.search('ecuad')?.length).toBe(copies);
    expect(s.search('c')).toBeNull();
    // The small library takes every prefix, even one letter (each of its articles has a word in c-).
    const small = await library();
    expect(small.search('c')).toHaveLength(saved.length);
    expect(small.search('ecu')).toEqual(small.search('ecuador'));
    expect(small.search('ecu')).toHaveLength(1);
  });
});
