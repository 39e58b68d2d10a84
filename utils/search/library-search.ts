/**
 * Search over saved articles with Vietnamese folding: "khu cong nghiep" finds
 * "khu công nghiệp" in the title, the sapo, the site, an action item or the body.
 *
 * Matching and ranking are split, because bodies are large and Vietnamese
 * syllables are few and common (nearly every article contains "cong", "gia",
 * "nha"):
 * - Matching: an article matches when every query word (the last one as a
 *   prefix while it is being typed) is among its folded words, from its
 *   metadata and its body vocabulary (stored at save time): see VocabMatcher.
 * - Ranking: MiniSearch (BM25) over title, sapo, site and items orders the
 *   matches; body-only matches follow, newest first.
 * A MiniSearch index over 5,000 bodies took seconds to build and ~170 MB, and
 * common syllables made each keystroke score thousands of postings
 * (tests/bench/library.ts).
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { SavedArticleMeta } from '../storage/saved-schema';
import { foldedWords } from '../text/fold';
import { type Needle, VocabMatcher } from './vocab-matcher';

interface Doc {
  id: string;
  title: string;
  lead: string;
  site: string;
  items: string;
}

const FIELDS = ['title', 'lead', 'site', 'items'] as const;

const RANK: SearchOptions = {
  boost: { title: 3, lead: 2, items: 1.5, site: 1.5 },
  combineWith: 'OR',
  // Only the word being typed is a prefix, and only from 3 letters: a 1-2 letter prefix
  // expands to hundreds of terms and costs more than it tells about relevance.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
};

function newIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize: foldedWords,
    // Tokens are already folded and lower-cased.
    processTerm: (t) => t,
    searchOptions: RANK,
  });
}

const toDoc = (m: SavedArticleMeta): Doc => ({
  id: m.id,
  title: m.title,
  lead: m.lead ?? '',
  site: `${m.site} ${m.siteName}`,
  items: m.actionItems.flatMap((l) => l.items.map((i) => `${i.marker} ${i.text}`)).join('\n'),
});

/** Folded words of the metadata and the body's vocabulary, each once. */
const vocabulary = (m: SavedArticleMeta, body: string): string[] => {
  const d = toDoc(m);
  const words = new Set(foldedWords(`${d.title} ${d.lead} ${d.site} ${d.items}`));
  for (const w of body.split(' ')) if (w) words.add(w);
  return [...words];
};

export class LibrarySearch {
  private index = newIndex();
  private metas = new Map<string, SavedArticleMeta>();
  private bodies = new Map<string, string>();
  private matcher = new VocabMatcher();
  private generation = 0;
  /** The previous query's matches: typing on narrows them, so only those are scanned again. */
  private last: { needles: Needle[]; ids: string[] } | null = null;
  /** True once every body vocabulary is loaded. */
  complete = false;

  setArticles(metas: SavedArticleMeta[]): void {
    this.last = null;
    this.generation++;
    this.metas = new Map(metas.map((m) => [m.id, m]));
    this.index = newIndex();
    this.index.addAll(metas.map(toDoc));
    this.compile();
    this.complete = metas.every((m) => this.bodies.has(m.id));
  }

  /** Loads body vocabularies in chunks; a newer setArticles() call makes this return false. */
  async addBodies(loadBodies: (ids: string[]) => Promise<Map<string, string>>, opts: { chunk?: number } = {}) {
    const gen = this.generation;
    const chunk = opts.chunk ?? 250;
    const ids = [...this.metas.keys()].filter((id) => !this.bodies.has(id));
    for (let i = 0; i < ids.length; i += chunk) {
      const got = await loadBodies(ids.slice(i, i + chunk));
      if (gen !== this.generation) return false;
      for (const [id, body] of got) if (!this.bodies.has(id)) this.bodies.set(id, body);
    }
    this.compile();
    this.complete = true;
    return true;
  }

  /** One article added or changed (its body vocabulary, when known, comes with it). */
  upsert(meta: SavedArticleMeta, body?: string): void {
    this.last = null;
    if (body != null) this.bodies.set(meta.id, body);
    if (this.index.has(meta.id)) this.index.discard(meta.id);
    this.metas.set(meta.id, meta);
    this.index.add(toDoc(meta));
    this.matcher.set(meta.id, vocabulary(meta, this.bodies.get(meta.id) ?? ''));
  }

  remove(id: string): void {
    this.last = null;
    if (this.index.has(id)) this.index.discard(id);
    this.metas.delete(id);
    this.bodies.delete(id);
    this.matcher.delete(id);
  }

  private compile(): void {
    this.last = null;
    this.matcher.build(
      new Map([...this.metas.values()].map((m) => [m.id, vocabulary(m, this.bodies.get(m.id) ?? '')])),
    );
  }

  /** Ids of matching articles, best first; null for an empty query (the caller keeps its own order). */
  search(query: string): string[] | null {
    const words = foldedWords(query);
    const last = words.pop();
    if (last == null) return null;
    // A query ending in a space has no word in progress.
    const typing = !/\s$/.test(query);
    const needles: Needle[] = [...words.map((word) => ({ word, prefix: false })), { word: last, prefix: typing }];
    // Typing on (each needle extends the previous one) can only narrow the previous matches.
    const prev = this.last;
    const narrows = !!prev?.needles.every((p, i) => {
      const n = needles[i];
      return n != null && (p.prefix ? n.word.startsWith(p.word) : n.word === p.word && !n.prefix);
    });
    const matched = this.matcher.match(needles, narrows ? prev?.ids : undefined);
    this.last = { needles, ids: matched };
    if (matched.length === 0) return [];
    const score = new Map<string, number>();
    for (const r of this.index.search(query)) score.set(r.id as string, r.score);
    // Keys computed once: thousands of matches sort in a few ms.
    const keyed = matched.map((id) => ({ id, s: score.get(id) ?? 0, t: this.metas.get(id)?.savedAt ?? 0 }));
    keyed.sort((a, b) => b.s - a.s || b.t - a.t);
    return keyed.map((k) => k.id);
  }
}
