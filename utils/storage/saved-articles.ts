import { storage } from 'wxt/utils/storage';
import type { ActionItem, Article, SafeHtml } from '../types';

/**
 * Saved articles. The index (metadata + item state) is one key, so listing
 * never loads bodies; each body lives under its own key. The background is
 * the only writer and serializes writes (see `serialize`), so two saves from
 * two tabs cannot interleave their read-modify-write of the index.
 */

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

export const savedIndexItem = storage.defineItem<SavedArticleMeta[]>('local:savedIndex', {
  fallback: [],
  version: 1,
});

type ContentKey = `local:savedContent:${string}`;
const contentKey = (id: string): ContentKey => `local:savedContent:${id}`;

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

/** A record that fails this check is skipped when listing, never allowed to break the list. */
export function isValidMeta(x: unknown): x is SavedArticleMeta {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.url === 'string' &&
    typeof r.title === 'string' &&
    typeof r.site === 'string' &&
    typeof r.savedAt === 'number' &&
    Array.isArray(r.actionItems)
  );
}

/** Keeps done flags of items whose text is unchanged when an article is saved again. */
export function mergeActionItems(article: Article, previous: SavedActionList[] | undefined): SavedActionList[] {
  const doneTexts = new Set(previous?.flatMap((l) => l.items.filter((i) => i.done).map((i) => i.text)) ?? []);
  return article.actionItems.lists.map((list) => ({
    announcedCount: list.announcedCount,
    items: list.items.map((item) => ({ ...item, done: doneTexts.has(item.text) })),
  }));
}

export class StorageWriteError extends Error {
  constructor(
    readonly code: 'quota' | 'save-failed',
    cause: unknown,
  ) {
    super(`saved-articles: ${code}`, { cause });
  }
}

function toWriteError(err: unknown): StorageWriteError {
  const msg = String((err as Error)?.message ?? err);
  return new StorageWriteError(/quota|QUOTA_BYTES|disk|space/i.test(msg) ? 'quota' : 'save-failed', err);
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs writes one after another within this context (the background). */
function serialize<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export async function listSaved(): Promise<SavedArticleMeta[]> {
  const raw = await savedIndexItem.getValue();
  const list = Array.isArray(raw) ? raw.filter(isValidMeta) : [];
  return list.sort((a, b) => b.savedAt - a.savedAt);
}

export async function getSaved(id: string): Promise<SavedArticle | null> {
  const meta = (await listSaved()).find((m) => m.id === id);
  const content = await storage.getItem<SavedArticleContent>(contentKey(id));
  if (!meta || !content || typeof content.contentHtml !== 'string') return null;
  return { ...meta, contentHtml: content.contentHtml };
}

/**
 * Saves or updates an article. Content is written first and the index last;
 * if the index write fails, new content is rolled back, so nothing
 * half-written remains and the previous record stays as it was.
 */
export function saveArticle(article: Article, now: number = Date.now()): Promise<SavedArticleMeta> {
  return serialize(async () => {
    const id = articleId(article.url);
    const index = await listSaved();
    const previous = index.find((m) => m.id === id);
    const previousContent = previous ? await storage.getItem<SavedArticleContent>(contentKey(id)) : null;
    const meta: SavedArticleMeta = {
      id,
      url: article.url,
      title: article.title,
      site: article.site,
      siteName: article.siteName,
      byline: article.byline,
      publishedTime: article.publishedTime,
      savedAt: now,
      lead: article.lead,
      excerpt: article.excerpt,
      wordCount: article.wordCount,
      readingMinutes: article.readingMinutes,
      actionItems: mergeActionItems(article, previous?.actionItems),
    };
    try {
      await storage.setItem<SavedArticleContent>(contentKey(id), { schema: 1, id, contentHtml: article.contentHtml });
    } catch (err) {
      throw toWriteError(err);
    }
    try {
      await savedIndexItem.setValue([meta, ...index.filter((m) => m.id !== id)]);
    } catch (err) {
      // Roll back to exactly what was there before.
      await (previousContent
        ? storage.setItem(contentKey(id), previousContent)
        : storage.removeItem(contentKey(id))
      ).catch(() => undefined);
      throw toWriteError(err);
    }
    return meta;
  });
}

export function deleteSaved(id: string): Promise<void> {
  return serialize(async () => {
    const index = await listSaved();
    await savedIndexItem.setValue(index.filter((m) => m.id !== id));
    await storage.removeItem(contentKey(id));
  });
}

export function setItemDone(id: string, listIndex: number, n: number, done: boolean): Promise<void> {
  return serialize(async () => {
    const index = await listSaved();
    const next = index.map((m) =>
      m.id !== id
        ? m
        : {
            ...m,
            actionItems: m.actionItems.map((l, li) =>
              li !== listIndex ? l : { ...l, items: l.items.map((it) => (it.n === n ? { ...it, done } : it)) },
            ),
          },
    );
    await savedIndexItem.setValue(next);
  });
}

export function watchSaved(cb: (list: SavedArticleMeta[]) => void): () => void {
  return savedIndexItem.watch((v) =>
    cb((Array.isArray(v) ? v.filter(isValidMeta) : []).sort((a, b) => b.savedAt - a.savedAt)),
  );
}
