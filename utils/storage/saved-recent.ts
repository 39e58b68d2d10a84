/**
 * `savedRecent`: the newest few saved records (full metadata) and the library's
 * size, kept in one small key so the popup and the library paint their first
 * rows from a single read. It is derived data: the background rewrites it in
 * the same `storage.local.set` as every change (see saved-articles.ts), and the
 * pages always check it against the per-article keys after painting, so a
 * missing, corrupt or stale copy is corrected at once and repaired.
 * No storage wrapper and no heavy imports: this is on the pages' first-paint path.
 */
import { browser } from 'wxt/browser';
import { isCompleteMeta, type SavedArticleMeta } from './saved-schema';

/**
 * Rows kept: the popup's list (the newest ten, then a link to the library) and
 * the library's first screen. Every save rewrites this key, so its size is part
 * of a save's cost: with action items, twenty rows were ~54 KB and about half of
 * a save's storage time at 5,000 articles (tests/bench/library.ts).
 */
export const RECENT_SIZE = 10;
export const RECENT_STORAGE_KEY = 'savedRecent';

export interface RecentRecord {
  schema: 1;
  /** Entries in the order list (the library's total, before any v1 records). */
  total: number;
  /** Newest first, at most RECENT_SIZE, each with `schema: 2` as stored under savedMeta. */
  items: (SavedArticleMeta & { schema: 2 })[];
}

export interface Recent {
  items: SavedArticleMeta[];
  total: number;
}

const byNewest = (a: { savedAt: number }, b: { savedAt: number }) => b.savedAt - a.savedAt;

/** Validates a stored copy; anything off returns null (the caller takes the full path). */
export function parseRecent(raw: unknown): Recent | null {
  const r = raw as Partial<RecentRecord> | null;
  if (!r || typeof r !== 'object' || r.schema !== 1 || !Array.isArray(r.items)) return null;
  if (typeof r.total !== 'number' || !Number.isInteger(r.total) || r.total < r.items.length) return null;
  if (r.items.length > RECENT_SIZE || !r.items.every((m) => isCompleteMeta(m))) return null;
  const items = r.items.map(({ schema: _s, ...m }) => m as SavedArticleMeta);
  for (let i = 1; i < items.length; i++)
    if (byNewest(items[i - 1] as SavedArticleMeta, items[i] as SavedArticleMeta) > 0) return null;
  if (new Set(items.map((m) => m.id)).size !== items.length) return null;
  return { items, total: r.total };
}

/** One storage call, straight to the browser API. */
export async function readRecent(): Promise<Recent | null> {
  try {
    const got = await browser.storage.local.get(RECENT_STORAGE_KEY);
    return parseRecent(got[RECENT_STORAGE_KEY]);
  } catch {
    return null;
  }
}

/** Key order aside (records come from different writes), the same rows and total. */
const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );
export const sameRecent = (a: Recent, b: Recent) => a.total === b.total && canonical(a.items) === canonical(b.items);

/**
 * Library changes as the popup needs them: every write that changes the newest
 * rows carries the new `savedRecent` in the same change event, so nothing is
 * re-read; `null` means the rows must be read from the per-article keys.
 */
export function watchRecent(cb: (recent: Recent | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const change = changes[RECENT_STORAGE_KEY];
    if (change) cb(parseRecent(change.newValue));
    else if (Object.keys(changes).some((k) => k.startsWith('savedMeta:') || k.startsWith('savedOrder:'))) cb(null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
