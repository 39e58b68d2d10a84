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

/** The order list's bucket of an id (see saved-articles.ts): 16 buckets, by the id's last character. */
export const ORDER_BUCKETS = 16;
export const orderBucketOf = (id: string) => ((id.charCodeAt(id.length - 1) || 0) % ORDER_BUCKETS).toString(16);

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

/** What an import brings in: a complete record without the id, which is derived from the URL. */
export type IncomingArticle = Omit<SavedArticle, 'id'>;
