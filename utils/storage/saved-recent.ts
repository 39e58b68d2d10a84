/**
 * `savedRecent`: the newest few saved articles as list rows, and the library's
 * size, kept in one small key so the popup and the library paint their first
 * rows from a single read. It is derived data: the background rewrites it in
 * the same `storage.local.set` as every change (see saved-articles.ts), and the
 * pages always check it against the per-article keys after painting, so a
 * missing, corrupt or stale copy is corrected at once and repaired.
 * No storage wrapper and no heavy imports: this is on the pages' first-paint path.
 */
import { browser } from 'wxt/browser';
import { RECENT_STORAGE_KEY } from './early-keys';
import { isCompleteMeta, isValidRow, rowOf, type SavedArticleMeta, type SavedRow } from './saved-schema';

/**
 * Rows kept: the popup's list (the newest ten, then a link to the library) and
 * the library's first screen. Every save rewrites this key, and its old and new
 * values travel to every open page listening for changes, so its size is part
 * of a save's cost (tests/bench/library.ts).
 */
export const RECENT_SIZE = 10;
export { RECENT_STORAGE_KEY };

/**
 * Schema 2 holds list rows: no item texts, no excerpt. In the bench's library,
 * ten rows took 42 KB as full records (schema 1) and take 10 KB as rows.
 */
export interface RecentRecord {
  schema: 2;
  /** Entries in the order list (the library's total, before any v1 records). */
  total: number;
  /** Newest first, at most RECENT_SIZE. */
  items: SavedRow[];
}

export interface Recent {
  items: SavedRow[];
  total: number;
}

const byNewest = (a: { savedAt: number }, b: { savedAt: number }) => b.savedAt - a.savedAt;

/** Schema 1 rows were full records (`schema: 2` as stored under savedMeta): read as rows. */
function rowsOf(schema: unknown, items: unknown[]): SavedRow[] | null {
  if (schema === 2) return items.every(isValidRow) ? (items as SavedRow[]) : null;
  if (schema !== 1 || !items.every((m) => isCompleteMeta(m))) return null;
  return (items as (SavedArticleMeta & { schema?: number })[]).map(({ schema: _s, ...m }) => rowOf(m));
}

/** Validates a stored copy; anything off returns null (the caller takes the full path). */
export function parseRecent(raw: unknown): Recent | null {
  const r = raw as { schema?: unknown; total?: unknown; items?: unknown } | null;
  if (!r || typeof r !== 'object' || !Array.isArray(r.items) || r.items.length > RECENT_SIZE) return null;
  if (typeof r.total !== 'number' || !Number.isInteger(r.total) || r.total < r.items.length) return null;
  const items = rowsOf(r.schema, r.items);
  if (!items) return null;
  for (let i = 1; i < items.length; i++) if (byNewest(items[i - 1] as SavedRow, items[i] as SavedRow) > 0) return null;
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
/** Whether a copy shows what the per-article keys say (`b`: rows or full records, newest first). */
export const sameRecent = (a: Recent, b: { items: (SavedRow | SavedArticleMeta)[]; total: number }) =>
  a.total === b.total &&
  canonical(a.items) === canonical(b.items.slice(0, RECENT_SIZE).map((m) => ('progress' in m ? m : rowOf(m))));

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
