/** Shapes of saved articles and their validation; plain data, no storage calls. */
import type { ActionItem, SafeHtml } from '../types';

export interface SavedActionItem extends ActionItem {
  done: boolean;
}

export interface SavedActionList {
  announcedCount: number | null;
  items: SavedActionItem[];
}

export interface SavedArticleMeta {
  id: string;
  url: string;
  title: string;
  site: string;
  siteName: string;
  byline: string | null;
  publishedTime: string | null;
  /** ms since epoch */
  savedAt: number;
  lead: string | null;
  excerpt: string;
  wordCount: number;
  readingMinutes: number;
  actionItems: SavedActionList[];
}

export interface SavedArticleContent {
  schema: 1;
  id: string;
  contentHtml: SafeHtml;
}

export type SavedArticle = SavedArticleMeta & { contentHtml: SafeHtml };

/** Stable id from the URL (without hash), so saving the same URL again updates the record. */
export function articleId(url: string): string {
  let u = url;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    u = parsed.href;
  } catch {
    // keep the raw string: ids only need to be stable
  }
  // FNV-1a, twice with different seeds for 64 bits: enough for a personal library.
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < u.length; i++) {
      h ^= u.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36).padStart(7, '0');
  };
  return `a${fnv(0x811c9dc5)}${fnv(0x1b873593)}`;
}

/**
 * The order list's bucket of an id (see saved-articles.ts): 64 buckets `00`…`3f`, by the id's last
 * two characters (base 36, uniform for our ids).
 */
export const ORDER_BUCKETS = 64;
export const orderBucketOf = (id: string) =>
  ((Number.parseInt(id.slice(-2), 36) || 0) % ORDER_BUCKETS).toString(16).padStart(2, '0');
/** Before v3 of the order list: 16 buckets `0`…`f`, by the id's last character (migrated, then removed). */
export const LEGACY_ORDER_BUCKETS = Array.from({ length: 16 }, (_, i) => i.toString(16));

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const strOrNull = (x: unknown) => x === null || typeof x === 'string';

/** The v1 check: the minimum a list row needs. */
export function isValidMeta(x: unknown): x is SavedArticleMeta {
  if (!isObj(x)) return false;
  return (
    typeof x.id === 'string' &&
    typeof x.url === 'string' &&
    typeof x.title === 'string' &&
    typeof x.site === 'string' &&
    typeof x.savedAt === 'number' &&
    Array.isArray(x.actionItems)
  );
}

export function isValidActionLists(x: unknown): x is SavedActionList[] {
  return (
    Array.isArray(x) &&
    x.every(
      (l) =>
        isObj(l) &&
        (l.announcedCount === null || typeof l.announcedCount === 'number') &&
        Array.isArray(l.items) &&
        l.items.every(
          (it) =>
            isObj(it) &&
            typeof it.n === 'number' &&
            typeof it.marker === 'string' &&
            typeof it.text === 'string' &&
            typeof it.done === 'boolean',
        ),
    )
  );
}

/** The full check applied to every v2 record read from storage and every imported article. */
export function isCompleteMeta(x: unknown): x is SavedArticleMeta {
  if (!isValidMeta(x)) return false;
  const r = x as unknown as Record<string, unknown>;
  return (
    /^https?:\/\//i.test(x.url) &&
    typeof r.siteName === 'string' &&
    strOrNull(r.byline) &&
    strOrNull(r.publishedTime) &&
    strOrNull(r.lead) &&
    typeof r.excerpt === 'string' &&
    typeof r.wordCount === 'number' &&
    typeof r.readingMinutes === 'number' &&
    Number.isFinite(x.savedAt) &&
    isValidActionLists(x.actionItems)
  );
}

/** Progress on an article's action items. */
export interface ItemProgress {
  done: number;
  total: number;
}

/**
 * A list row: what the popup and the library list show. It leaves out the item
 * texts and the excerpt, so `savedRecent` stays small (every save rewrites it).
 */
export type SavedRow = Omit<SavedArticleMeta, 'actionItems' | 'excerpt'> & { progress: ItemProgress };

export function progressOf(lists: SavedActionList[]): ItemProgress {
  let done = 0;
  let total = 0;
  for (const l of lists)
    for (const it of l.items) {
      total++;
      if (it.done) done++;
    }
  return { done, total };
}

// One row per record object: a list re-derived after a change keeps the rows that did not change
// (memoized rows skip re-rendering).
const rows = new WeakMap<SavedArticleMeta, SavedRow>();
export function rowOf(meta: SavedArticleMeta): SavedRow {
  let row = rows.get(meta);
  if (!row) {
    const { actionItems, excerpt: _e, ...rest } = meta;
    row = { ...rest, progress: progressOf(actionItems) };
    rows.set(meta, row);
  }
  return row;
}

const count = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** The check applied to every row read from `savedRecent`. */
export function isValidRow(x: unknown): x is SavedRow {
  if (!isObj(x) || !isObj(x.progress)) return false;
  const { done, total } = x.progress;
  return (
    typeof x.id === 'string' &&
    typeof x.url === 'string' &&
    /^https?:\/\//i.test(x.url) &&
    typeof x.title === 'string' &&
    typeof x.site === 'string' &&
    typeof x.siteName === 'string' &&
    strOrNull(x.byline) &&
    strOrNull(x.publishedTime) &&
    strOrNull(x.lead) &&
    typeof x.savedAt === 'number' &&
    Number.isFinite(x.savedAt) &&
    typeof x.wordCount === 'number' &&
    typeof x.readingMinutes === 'number' &&
    count(done) &&
    count(total) &&
    done <= total
  );
}

/** What an import brings in: a complete record without the id, which is derived from the URL. */
export type IncomingArticle = Omit<SavedArticle, 'id'>;
