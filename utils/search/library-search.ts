/**
 * Search over saved articles with Vietnamese folding: "khu cong nghiep" finds
 * "khu công nghiệp" in the title, the sapo, the site, an action item or the body.
 *
 * MiniSearch does all of it: matching (every query word must match some field:
 * an AND query), BM25 ranking with field boosts, and prefix matching of the word
 * being typed. Tokens are folded before they reach it (utils/text/fold.ts); a
 * body is indexed as its folded vocabulary (`savedTerms`, stored at save time),
 * so nothing here parses HTML.
 *
 * Three choices keep keystrokes fast at 5,000 articles of ~20 KB
 * (tests/bench/library.ts), where common syllables ("cong", "gia", "nha") are in
 * nearly every body (MiniSearch's cost grows with the postings it scores):
 * - The words already typed are evaluated once: each keystroke is one MiniSearch
 *   query in which the finished words are a nested AND subquery whose raw result
 *   is kept (see `memoize`). Only the word being typed is looked up again, and
 *   MiniSearch still combines and ranks everything.
 * - The word being typed is a prefix only while the words it begins are cheap to
 *   score (PREFIX_BUDGET): "c", "ch" or "ngh" begin dozens of words found in
 *   every article, cost tens of ms and narrow nothing, so such a word waits for
 *   its next letter or the space that ends it. (Taken as a whole word instead,
 *   a rare "c" token would empty the list for a keystroke.) In a small library
 *   every prefix counts.
 * - Bodies are indexed after the metadata, into a second index built in short
 *   slices between frames, which replaces the first when complete (`complete`):
 *   title, sapo, site and item search works at once (for a big library: the
 *   newest 500 at once, the others within the first slices).
 */
import MiniSearch, { type Options, type Query, type SearchOptions } from 'minisearch';
import type { SavedArticleMeta } from '../storage/saved-schema';
import { foldedWords } from '../text/fold';

interface Doc {
  id: string;
  /** Each field holds folded words, space separated (folded once, here, not per field by MiniSearch). */
  title: string;
  lead: string;
  site: string;
  items: string;
  /** The folded body vocabulary ('' in the metadata-only index). */
  body: string;
}

const FIELDS = ['title', 'lead', 'site', 'items', 'body'];
/** The body weighs 1: a word in the title says more about the article than one among thousands. */
const BOOST = { title: 3, lead: 2, items: 1.5, site: 1.5 };
/**
 * Postings the completions of the word being typed may add (about one word found
 * in half the articles of a 5,000-article library); a costlier prefix waits.
 */
export const PREFIX_BUDGET = 2500;
/**
 * Articles whose metadata is indexed before the list is searchable: the newest
 * screenfuls, at once (~5,000 took seconds of a frozen page); the rest follow in slices.
 */
const SYNC_METADATA = 500;
/** Indexing yields to the page after this much work, so typing stays smooth meanwhile. */
const SLICE_MS = 8;
/** Finished-word results kept: a few queries' worth (each is one Map of up to all articles). */
const MEMO_SIZE = 8;

const OPTIONS: Options<Doc> = {
  fields: FIELDS,
  storeFields: [],
  tokenize: (text) => (text ? text.split(' ') : []),
  // Query words are folded by `search` before they reach MiniSearch.
  processTerm: (t) => t,
  searchOptions: { boost: BOOST },
};

const folded = (text: string) => foldedWords(text).join(' ');

const toDoc = (m: SavedArticleMeta, body = ''): Doc => ({
  id: m.id,
  title: folded(m.title),
  lead: folded(m.lead ?? ''),
  site: folded(`${m.site} ${m.siteName}`),
  items: folded(m.actionItems.flatMap((l) => l.items.map((i) => `${i.marker} ${i.text}`)).join(' ')),
  body,
});

/** MiniSearch's raw result of a (sub)query; internal to MiniSearch, only passed back to it. */
type RawResult = unknown;
type ExecuteQuery = (this: unknown, query: Query, options?: SearchOptions) => RawResult;
/** A subquery whose raw result may be reused while the index is unchanged. */
type MemoQuery = Query & { memoKey?: string };

/**
 * Makes subqueries carrying a `memoKey` evaluate once per index state; `forget()`
 * after any change to the index (documents, statistics). It wraps `executeQuery`,
 * the (private) step that turns a query tree into raw results, on this one
 * instance, because MiniSearch has no public hook for it; minisearch is pinned
 * and tests/unit/search.test.ts compares every result with one flat MiniSearch
 * AND query, so an upgrade that changes that step fails there.
 *
 * Safe reuse: MiniSearch's AND combinator mutates only the entries of its first
 * operand, so a memoized result is only ever placed second (see `buildQuery`).
 */
function memoize(index: MiniSearch<Doc>): { forget: () => void } {
  const internals = index as unknown as { executeQuery: ExecuteQuery };
  const base = internals.executeQuery;
  const memo = new Map<string, RawResult>();
  internals.executeQuery = function (this: unknown, q: Query, options?: SearchOptions) {
    const key = typeof q === 'object' ? (q as MemoQuery & object).memoKey : undefined;
    if (key == null) return base.call(this, q, options);
    if (memo.has(key)) return memo.get(key);
    const raw = base.call(this, q, options);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    memo.set(key, raw);
    return raw;
  };
  return { forget: () => memo.clear() };
}

function lowerBound(xs: string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as string) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One MiniSearch index plus what queries need to know about its words. */
class Index {
  readonly search: MiniSearch<Doc>;
  private readonly memo: { forget: () => void };
  /**
   * Articles per word, for the prefix budget only. Words of discarded versions are
   * not subtracted (their bodies are not kept), so after edits it may run high.
   */
  private readonly df = new Map<string, number>();
  /** `df`'s words, sorted, so the words a prefix begins form one range; rebuilt when needed. */
  private sorted: string[] | null = null;

  constructor() {
    this.search = new MiniSearch<Doc>(OPTIONS);
    this.memo = memoize(this.search);
  }

  add(doc: Doc): void {
    this.search.add(doc);
    this.count(doc, 1);
    this.memo.forget();
  }

  /** Exact removal: `doc` must be the version indexed. */
  remove(doc: Doc): void {
    this.search.remove(doc);
    this.count(doc, -1);
    this.memo.forget();
  }

  /** Removal by id alone; MiniSearch drops the entries lazily. */
  discard(id: string): void {
    if (!this.search.has(id)) return;
    this.search.discard(id);
    this.memo.forget();
  }

  private count(doc: Doc, by: 1 | -1): void {
    const words = new Set(`${doc.title} ${doc.lead} ${doc.site} ${doc.items} ${doc.body}`.split(' '));
    for (const w of words) {
      if (!w) continue;
      const n = (this.df.get(w) ?? 0) + by;
      if (n > 0) {
        if (!this.df.has(w)) this.sorted = null;
        this.df.set(w, n);
      } else this.df.delete(w);
    }
  }

  /**
   * What the words `prefix` begins, other than itself, cost to score: 'none' when
   * there are none (as a prefix it matches exactly what the whole word matches),
   * 'cheap' within the budget, 'costly' beyond it.
   */
  completions(prefix: string): 'none' | 'cheap' | 'costly' {
    this.sorted ??= [...this.df.keys()].sort();
    let cost = 0;
    let others = false;
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const w = this.sorted[i] as string;
      if (!w.startsWith(prefix)) break;
      if (w === prefix) continue;
      others = true;
      cost += this.df.get(w) ?? 0;
      if (cost > PREFIX_BUDGET) return 'costly';
    }
    return others ? 'cheap' : 'none';
  }
}

/**
 * The MiniSearch query for folded `words`, the last one still being typed when
 * `typing`: AND(word being typed, AND(finished words…)). With `memo`, each
 * finished part is memoized and nested, so a keystroke adds one word to a kept
 * result; without, it is one flat AND query (the reference tests compare with).
 */
function buildQuery(index: Index, words: string[], typing: boolean, memo: boolean): Query | null {
  const last = words[words.length - 1] as string;
  const completions = typing ? index.completions(last) : 'none';
  // A word no other word begins with counts as finished: its result is then kept for the next keystroke.
  const done = typing && completions !== 'none' ? words.slice(0, -1) : words;
  const current: Query | null = completions === 'cheap' ? { queries: [last], prefix: true } : null;
  if (!memo) {
    const flat: Query[] = typing ? [...words.slice(0, -1), ...(current ? [current] : [])] : words;
    if (typing && completions === 'none') flat.push({ queries: [last], prefix: true });
    return flat.length ? { combineWith: 'AND', queries: flat } : null;
  }
  let finished: MemoQuery | null = null;
  for (const [i, word] of done.entries()) {
    const memoKey = done.slice(0, i + 1).join(' ');
    finished = { combineWith: 'AND', queries: finished ? [word, finished] : [word], memoKey };
  }
  // The fresh part goes first: MiniSearch mutates only the first operand's entries.
  if (current && finished) return { combineWith: 'AND', queries: [current, finished] };
  return current ?? finished;
}

/** Lets input and rendering run: scheduler.yield() where there is one (no 4 ms timer clamp), else a timer. */
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((r) => setTimeout(r, 0));
};

export class LibrarySearch {
  /** The index searched: metadata only until the bodies are in. */
  private live = new Index();
  /** The index with bodies while it is being built. */
  private building: { index: Index; added: Set<string> } | null = null;
  private metas = new Map<string, SavedArticleMeta>();
  /** Articles whose metadata addBodies() indexes first (beyond SYNC_METADATA). */
  private metadataLeft: string[] = [];
  private generation = 0;
  /** True once every body is indexed. */
  complete = false;

  constructor(private readonly pause: () => Promise<void> = yieldToPage) {}

  /**
   * The whole list, newest first. The metadata of the first SYNC_METADATA articles
   * is searchable at once; the rest follows at the start of addBodies(), in slices.
   */
  setArticles(metas: SavedArticleMeta[]): void {
    this.generation++;
    this.building = null;
    this.metas = new Map(metas.map((m) => [m.id, m]));
    this.live = new Index();
    for (const m of metas.slice(0, SYNC_METADATA)) this.live.add(toDoc(m));
    this.metadataLeft = metas.slice(SYNC_METADATA).map((m) => m.id);
    this.complete = false;
  }

  /**
   * Indexes the remaining metadata, then builds the index with bodies, loading
   * them in chunks; all in short slices between which the page runs. The index
   * with bodies replaces the metadata-only one when complete. A newer
   * setArticles() makes it return false.
   */
  async addBodies(loadBodies: (ids: string[]) => Promise<Map<string, string>>, opts: { chunk?: number } = {}) {
    const gen = this.generation;
    const chunk = opts.chunk ?? 250;
    let sliceStart = performance.now();
    for (const id of this.metadataLeft) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await this.pause();
        if (gen !== this.generation) return false;
        sliceStart = performance.now();
      }
      const meta = this.metas.get(id);
      if (meta && !this.live.search.has(id)) this.live.add(toDoc(meta));
    }
    this.metadataLeft = [];
    const building = { index: new Index(), added: new Set<string>() };
    this.building = building;
    const ids = [...this.metas.keys()];
    for (let i = 0; i < ids.length; i += chunk) {
      const got = await loadBodies(ids.slice(i, i + chunk));
      if (gen !== this.generation) return false;
      sliceStart = performance.now();
      for (const [id, body] of got) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await this.pause();
          if (gen !== this.generation) return false;
          sliceStart = performance.now();
        }
        const meta = this.metas.get(id);
        // Removed meanwhile, or changed and already indexed with its new body by upsert().
        if (!meta || building.added.has(id)) continue;
        building.index.add(toDoc(meta, body));
        building.added.add(id);
      }
    }
    if (gen !== this.generation) return false;
    // Articles whose body could not be read (corrupt or missing) are searchable by metadata.
    for (const m of this.metas.values()) if (!building.added.has(m.id)) building.index.add(toDoc(m));
    this.live = building.index;
    this.building = null;
    this.complete = true;
    return true;
  }

  /** One article added or changed, with its body vocabulary ('' when unknown). */
  upsert(meta: SavedArticleMeta, body: string): void {
    const previous = this.metas.get(meta.id);
    this.metas.set(meta.id, meta);
    if (this.complete) {
      this.live.discard(meta.id);
      this.live.add(toDoc(meta, body));
      return;
    }
    // The metadata-only index, exactly; and the one being built, which then skips it.
    if (previous && this.live.search.has(meta.id)) this.live.remove(toDoc(previous));
    this.live.add(toDoc(meta));
    if (this.building) {
      this.building.index.discard(meta.id);
      this.building.index.add(toDoc(meta, body));
      this.building.added.add(meta.id);
    }
  }

  remove(id: string): void {
    const previous = this.metas.get(id);
    if (!previous) return;
    this.metas.delete(id);
    if (this.complete) {
      this.live.discard(id);
    } else {
      if (this.live.search.has(id)) this.live.remove(toDoc(previous));
      this.building?.index.discard(id);
    }
  }

  /** Ids of matching articles, best first (newest first among equals); null for an empty query. */
  search(text: string): string[] | null {
    return this.run(text, true);
  }

  /** `search` as one flat MiniSearch AND query, nothing memoized: the reference for tests. */
  searchFlat(text: string): string[] | null {
    return this.run(text, false);
  }

  private run(text: string, memo: boolean): string[] | null {
    const words = foldedWords(text);
    if (words.length === 0) return null;
    // A query ending in a space has no word in progress.
    const q = buildQuery(this.live, words, !/\s$/.test(text), memo);
    // Only a prefix too common to count: nothing narrows the list yet.
    if (!q) return null;
    // Scores are compared to 1e-9: sums of the same terms in another order differ in the last bits.
    const keyed = this.live.search.search(q).map((r) => ({
      id: r.id as string,
      s: Math.round(r.score * 1e9),
      t: this.metas.get(r.id)?.savedAt ?? 0,
    }));
    keyed.sort((a, b) => b.s - a.s || b.t - a.t);
    return keyed.map((k) => k.id);
  }
}
