import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { foldedVocabulary } from '../text/fold';
import type { ActionItem, Article, SafeHtml } from '../types';
import { type MetaRecord, migrateV1ToV2, type OrderEntry, type TermsRecord, termsFromHtml } from './saved-migration';
import { parseRecent, RECENT_SIZE, RECENT_STORAGE_KEY, type RecentRecord } from './saved-recent';
import {
  articleId,
  type IncomingArticle,
  isCompleteMeta,
  LEGACY_ORDER_BUCKETS,
  ORDER_BUCKETS,
  orderBucketOf,
  rowOf,
  type SavedActionList,
  type SavedArticle,
  type SavedArticleContent,
  type SavedArticleMeta,
} from './saved-schema';

export type { OrderEntry } from './saved-migration';
export * from './saved-schema';

/**
 * The saved-article repository (library schema v2, see saved-migration.ts).
 *
 * Every article has its own keys: metadata with item state, content, and
 * search vocabulary. A small ordered list of ids lets the popup read only the
 * newest few and the library list without loading bodies (it is bucketed,
 * see `orderKey`). Each change is one
 * `storage.local.set` call (atomic in Chromium and Firefox), so a failed write
 * leaves nothing half-written. The background is the only writer and runs
 * writes one at a time, so saves from many tabs cannot lose each other's
 * update of the order list.
 *
 * `savedRecent` (saved-recent.ts) repeats the newest rows and the total so the
 * pages paint from one small read; every write above rewrites it in the same
 * set() call, so it is never out of step with the keys it is derived from.
 */

/**
 * The order list: ids with their save time, in 64 buckets by id (`savedOrder:00` … `savedOrder:3f`,
 * order list v3). A save rewrites one bucket (~80 entries, ~3 KB at 5,000 articles) instead of the
 * whole list: a 5,000-entry list cost ~85 ms per read+write in Chromium. v2 had 16 buckets
 * (`savedOrder:0` … `savedOrder:f`, ~13 KB each at 5,000): every save's set() carries the bucket's
 * old and new value to each open page listening, so the smaller bucket is a cheaper save.
 */
export const orderKey = (bucket: string): Key => `local:savedOrder:${bucket}`;
const ALL_BUCKETS = Array.from({ length: ORDER_BUCKETS }, (_, i) => i.toString(16).padStart(2, '0'));
const LEGACY_KEYS = LEGACY_ORDER_BUCKETS.map(orderKey);
/** Raw records that failed validation during a migration: shown as a notice and exportable, never dropped. */
export const savedQuarantineItem = storage.defineItem<unknown[]>('local:savedQuarantine', { fallback: [], version: 1 });
/** v1 index, read only by the migration. */
export const legacySavedIndexItem = storage.defineItem<unknown[] | null>('local:savedIndex', {
  fallback: null,
  version: 1,
});

type Key = `local:${string}`;
/** The newest records and the total, for the pages' first paint (see saved-recent.ts). */
export const recentKey: Key = `local:${RECENT_STORAGE_KEY}`;
export const metaKey = (id: string): Key => `local:savedMeta:${id}`;
export const contentKey = (id: string): Key => `local:savedContent:${id}`;
export const termsKey = (id: string): Key => `local:savedTerms:${id}`;
const META_PREFIX = 'savedMeta:';

export class StorageWriteError extends Error {
  constructor(
    readonly code: 'quota' | 'save-failed',
    cause: unknown,
  ) {
    super(`saved-articles: ${code}`, { cause });
  }
}

export function toWriteError(err: unknown): StorageWriteError {
  if (err instanceof StorageWriteError) return err;
  const msg = String((err as Error)?.message ?? err);
  return new StorageWriteError(/quota|QUOTA_BYTES|disk|space|full/i.test(msg) ? 'quota' : 'save-failed', err);
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs writes one after another within this context (the background). */
function serialize<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The writer's copy of the small shared keys every save rewrites (order buckets,
 * `savedRecent`), so a save reads none of them back: a new URL's save is one
 * write and no read. Safe because the background is the only writer and runs
 * writes one at a time. Anything else that changes one of these keys (a test,
 * another context) is seen in storage.onChanged as a value other than the one
 * written here, and drops that copy, so it is read again; a late event of our
 * own earlier write does the same (a reread, never a stale copy). The copy is
 * trusted only while that listener is attached.
 */
const shared = new Map<string, { value: unknown; json: string }>();
const bare = (key: Key) => key.slice('local:'.length);
const isShared = (key: Key) => key === recentKey || key.startsWith('local:savedOrder:');
function onSharedChange(changes: Record<string, { newValue?: unknown }>, area: string) {
  if (area !== 'local') return;
  for (const [k, { newValue }] of Object.entries(changes)) {
    // A v2 bucket written from elsewhere (an old copy of the extension, a restore): migrate it again.
    if (newValue != null && LEGACY_KEYS.includes(`local:${k}`)) orderMigrated = false;
    const known = shared.get(k);
    if (known && JSON.stringify(newValue ?? null) !== known.json) shared.delete(k);
  }
}
function remember(key: Key, value: unknown) {
  shared.set(bare(key), { value, json: JSON.stringify(value ?? null) });
}
/** Whether the order list was found migrated to v3 (trusted, like the copy, while the listener is on). */
let orderMigrated = false;
function watchShared() {
  if (browser.storage.onChanged.hasListener(onSharedChange)) return;
  shared.clear();
  orderMigrated = false;
  browser.storage.onChanged.addListener(onSharedChange);
}
/** Values of shared keys, from the copy where it has them. */
async function readShared(keys: Key[]): Promise<unknown[]> {
  watchShared();
  const missing = keys.filter((k) => !shared.has(bare(k)));
  if (missing.length) for (const { key, value } of await storage.getItems(missing)) remember(key as Key, value);
  return keys.map((k) => shared.get(bare(k))?.value);
}

/** One atomic write; any failure becomes a StorageWriteError. */
async function commit(items: { key: Key; value: unknown }[]): Promise<void> {
  try {
    await storage.setItems(items);
  } catch (err) {
    // What was written is unknown: read the shared keys again next time.
    shared.clear();
    throw toWriteError(err);
  }
  for (const { key, value } of items) if (isShared(key)) remember(key, value);
}

const byNewest = (a: { savedAt: number }, b: { savedAt: number }) => b.savedAt - a.savedAt;

const validEntries = (raw: unknown): OrderEntry[] =>
  Array.isArray(raw) ? raw.filter((e) => e && typeof e.id === 'string' && typeof e.savedAt === 'number') : [];

/**
 * All entries, newest first, in one storage call. v2 buckets are read too: a page can open before the
 * background has migrated them (their entries count unless a v3 bucket has the id).
 */
async function readOrder(): Promise<OrderEntry[]> {
  const got = await storage.getItems([...ALL_BUCKETS.map(orderKey), ...LEGACY_KEYS]);
  const current = got.slice(0, ALL_BUCKETS.length).flatMap(({ value }) => validEntries(value));
  const have = new Set(current.map((e) => e.id));
  const legacy = got.slice(ALL_BUCKETS.length).flatMap(({ value }) => validEntries(value));
  return [...current, ...legacy.filter((e) => !have.has(e.id))].sort(byNewest);
}

/**
 * Order list v2 -> v3 (16 -> 64 buckets), once per background start before any write that touches
 * the order, inside the write queue. The v2 buckets are emptied in the same write as the v3 ones and
 * removed after it: a crash in between cannot move an entry twice or bring back a deleted one.
 */
async function ensureOrderV3(): Promise<void> {
  watchShared();
  if (orderMigrated) return;
  const legacy = (await storage.getItems(LEGACY_KEYS)).filter(({ value }) => value != null);
  if (legacy.length) {
    const current = new Set(
      (await storage.getItems(ALL_BUCKETS.map(orderKey))).flatMap(({ value }) => validEntries(value).map((e) => e.id)),
    );
    const moved = legacy.flatMap(({ value }) => validEntries(value)).filter((e) => !current.has(e.id));
    const writes = await orderWrites(moved);
    await commit([...writes, ...LEGACY_KEYS.map((key) => ({ key, value: [] }))]);
    await storage.removeItems(LEGACY_KEYS);
  }
  orderMigrated = true;
}

/** The bucket writes for these changes; only the buckets they touch are read. */
async function orderWrites(
  upserts: OrderEntry[],
  removals: Set<string> = new Set(),
  /** Buckets already read by the caller (saves one storage round trip). */
  known: Map<string, unknown> = new Map(),
  /** Filled with how many existing entries the removals dropped. */
  counted?: { removed: number },
): Promise<{ key: Key; value: OrderEntry[] }[]> {
  const touched = [...new Set([...upserts.map((e) => e.id), ...removals].map(orderBucketOf))];
  const toRead = touched.filter((b) => !known.has(b));
  const got = new Map(known);
  const read = toRead.length ? await storage.getItems(toRead.map(orderKey)) : [];
  toRead.forEach((b, i) => {
    got.set(b, read[i]?.value);
  });
  const drop = new Set([...removals, ...upserts.map((e) => e.id)]);
  return touched.map((bucket) => {
    const entries = validEntries(got.get(bucket));
    const kept = entries.filter((e) => !drop.has(e.id));
    if (counted) counted.removed += entries.filter((e) => removals.has(e.id)).length;
    const added = upserts.filter((e) => orderBucketOf(e.id) === bucket);
    return { key: orderKey(bucket), value: [...kept, ...added].sort(byNewest) };
  });
}

/**
 * The `savedRecent` write that goes with a change, in the same set() call.
 * The stored copy is updated in place when it is valid and no removal opens a
 * gap in it; otherwise it is rebuilt from the whole order list.
 */
async function recentWrite(
  prevRaw: unknown,
  upserts: SavedArticleMeta[],
  removed: Set<string>,
  /** The change in the number of order entries. */
  delta: number,
  /** The whole order list after the change (read only for a rebuild). */
  orderAfter: () => Promise<OrderEntry[]>,
): Promise<{ key: Key; value: RecentRecord }> {
  const prev = parseRecent(prevRaw);
  const gone = new Set([...removed, ...upserts.map((m) => m.id)]);
  if (prev && !prev.items.some((m) => removed.has(m.id))) {
    const items = [...prev.items.filter((m) => !gone.has(m.id)), ...upserts.map(rowOf)]
      .sort(byNewest)
      .slice(0, RECENT_SIZE);
    const total = prev.total + delta;
    if (total >= items.length) return { key: recentKey, value: { schema: 2, total, items } };
  }
  return { key: recentKey, value: await buildRecent(await orderAfter(), upserts) };
}

async function buildRecent(order: OrderEntry[], known: SavedArticleMeta[] = []): Promise<RecentRecord> {
  const top = order.slice(0, RECENT_SIZE);
  const have = new Map(known.map((m) => [m.id, m]));
  const need = top.filter((e) => !have.has(e.id)).map((e) => e.id);
  for (const { value } of await storage.getItems(need.map(metaKey)))
    if (isCompleteMeta(value)) have.set(value.id, stripSchema(value));
  // A corrupt record is left out, as the list leaves it out.
  const items = top.flatMap((e) => {
    const m = have.get(e.id);
    return m && m.savedAt === e.savedAt ? [rowOf(m)] : [];
  });
  return { schema: 2, total: order.length, items };
}

/** Applies order bucket writes to a full order list read before them. */
function applyOrder(order: OrderEntry[], writes: { key: Key; value: OrderEntry[] }[]): OrderEntry[] {
  const rewritten = new Set(writes.map((w) => w.key));
  return [
    ...order.filter((e) => !rewritten.has(orderKey(orderBucketOf(e.id)))),
    ...writes.flatMap((w) => w.value),
  ].sort(byNewest);
}

/** Rewrites `savedRecent` from the per-article keys when it is missing, corrupt or stale. */
export function repairRecent(): Promise<boolean> {
  return serialize(async () => {
    const [order, current] = await Promise.all([readOrder(), storage.getItem<unknown>(recentKey)]);
    const fresh = await buildRecent(order);
    const now = parseRecent(current);
    if (now && JSON.stringify(current) === JSON.stringify(fresh)) return false;
    await commit([{ key: recentKey, value: fresh }]);
    return true;
  });
}

// --- migration ---------------------------------------------------------------

/** v1 -> v2 in the background: new keys and the emptied v1 index in one write, then the v1 key removed. */
export function migrateLibrary(): Promise<boolean> {
  return serialize(async () => {
    await ensureOrderV3();
    const legacy = await legacySavedIndexItem.getValue();
    if (legacy == null) return false;
    const ids = Array.isArray(legacy)
      ? legacy.flatMap((m) => {
          const id = (m as { id?: unknown } | null)?.id;
          return typeof id === 'string' ? [id] : [];
        })
      : [];
    const contents = new Map(
      (await storage.getItems(ids.map(contentKey))).map(({ key, value }) => [key, value] as const),
    );
    const v2 = migrateV1ToV2(legacy, (id) => contents.get(contentKey(id)));
    const order = await orderWrites(v2.order);
    const before = await readOrder();
    const recent = await buildRecent(
      applyOrder(before, order),
      v2.metas.map((m) => stripSchema(m)),
    );
    const quarantine = [...((await savedQuarantineItem.getValue()) ?? []), ...v2.quarantine];
    await commit([
      ...v2.metas.map((m) => ({ key: metaKey(m.id), value: m })),
      ...v2.terms.map((t) => ({ key: termsKey(t.id), value: t })),
      ...order,
      { key: recentKey, value: recent },
      ...(v2.quarantine.length ? [{ key: 'local:savedQuarantine' as Key, value: quarantine }] : []),
      // Emptied in the same write: a crash before the removal below cannot migrate twice.
      { key: 'local:savedIndex', value: [] },
    ]);
    await storage.removeItem('local:savedIndex', { removeMeta: true });
    return true;
  });
}

// --- reading (any context) -----------------------------------------------------

export interface CorruptRecord {
  key: string;
  raw: unknown;
}

export interface LibrarySnapshot {
  items: SavedArticleMeta[];
  corrupt: CorruptRecord[];
  total: number;
}

function readMetas(entries: { key: string; value: unknown }[]): LibrarySnapshot {
  const items: SavedArticleMeta[] = [];
  const corrupt: CorruptRecord[] = [];
  for (const { key, value } of entries) {
    if (isCompleteMeta(value)) items.push(stripSchema(value));
    else corrupt.push({ key, raw: value ?? null });
  }
  return { items: items.sort(byNewest), corrupt, total: entries.length };
}

function stripSchema(m: SavedArticleMeta): SavedArticleMeta {
  const { schema: _s, ...meta } = m as MetaRecord;
  return meta;
}

/**
 * Reads the newest `limit` records (all when omitted). A record that fails
 * validation is reported in `corrupt`, never thrown. Before the background has
 * migrated a v1 library, the v1 index is read through the same pure migration.
 */
export async function loadLibrary(limit?: number): Promise<LibrarySnapshot> {
  const [legacy, order] = await Promise.all([legacySavedIndexItem.getValue(), readOrder()]);
  const wanted = limit == null ? order : order.slice(0, limit);
  const snap = readMetas(await storage.getItems(wanted.map((e) => metaKey(e.id))));
  const quarantine = limit == null ? ((await savedQuarantineItem.getValue()) ?? []) : [];
  const corrupt = [...snap.corrupt, ...quarantine.map((raw, i) => ({ key: `local:savedQuarantine[${i}]`, raw }))];
  if (!Array.isArray(legacy) || legacy.length === 0) return { items: snap.items, corrupt, total: order.length };
  // Not migrated yet (or the migration failed, e.g. disk full): show v1 records beside any v2 ones.
  const v1 = migrateV1ToV2(legacy, () => null);
  const have = new Set(order.map((e) => e.id));
  const extra = v1.metas.filter((m) => !have.has(m.id)).map(stripSchema);
  const items = [...snap.items, ...extra].sort(byNewest).slice(0, limit);
  return {
    items,
    corrupt: [...corrupt, ...v1.quarantine.map((raw, i) => ({ key: `local:savedIndex[${i}]`, raw }))],
    total: order.length + extra.length,
  };
}

export async function listSaved(): Promise<SavedArticleMeta[]> {
  return (await loadLibrary()).items;
}

export async function getSaved(id: string): Promise<SavedArticle | null> {
  const [m, content] = await storage.getItems([metaKey(id), contentKey(id)]);
  const meta: unknown = m?.value;
  const c = content?.value as SavedArticleContent | null;
  if (!isCompleteMeta(meta) || !c || typeof c.contentHtml !== 'string') return null;
  return { ...stripSchema(meta), contentHtml: c.contentHtml };
}

/** Full records for export; missing or corrupt ones are left out (they are exported raw elsewhere). */
export async function getSavedMany(ids: string[]): Promise<SavedArticle[]> {
  const got = await storage.getItems(ids.flatMap((id) => [metaKey(id), contentKey(id)]));
  const out: SavedArticle[] = [];
  for (let i = 0; i < got.length; i += 2) {
    const meta = got[i]?.value;
    const content = got[i + 1]?.value as SavedArticleContent | null;
    if (isCompleteMeta(meta) && content && typeof content.contentHtml === 'string')
      out.push({ ...stripSchema(meta), contentHtml: content.contentHtml });
  }
  return out;
}

/** Search vocabularies by id, read in chunks so a big library never sends one giant message. */
export async function getTerms(ids: string[]): Promise<Map<string, string>> {
  const got = await storage.getItems(ids.map(termsKey));
  const out = new Map<string, string>();
  for (const { value } of got) {
    const t = value as TermsRecord | null;
    if (t && typeof t.id === 'string' && typeof t.terms === 'string') out.set(t.id, t.terms);
  }
  return out;
}

export type LibraryChange = { upserted: SavedArticleMeta[]; removed: string[] };

/** Per-record changes from any context; storage events carry the new values, so nothing is re-read. */
export function watchLibrary(cb: (change: LibraryChange) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const change: LibraryChange = { upserted: [], removed: [] };
    for (const [key, { newValue }] of Object.entries(changes)) {
      if (!key.startsWith(META_PREFIX)) continue;
      const id = key.slice(META_PREFIX.length);
      if (isCompleteMeta(newValue)) change.upserted.push(stripSchema(newValue));
      else change.removed.push(id);
    }
    if (change.upserted.length || change.removed.length) cb(change);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The newest `limit` records, re-read on every change (the popup's short list). */
export function watchSaved(cb: (list: SavedArticleMeta[]) => void, limit?: number): () => void {
  return watchLibrary(() => void loadLibrary(limit).then((s) => cb(s.items)));
}

// --- writing (background only) ---------------------------------------------------

/** Keeps done flags of items whose text is unchanged when an article is saved again. */
export function mergeActionItems(
  article: {
    actionItems: { lists: { announcedCount: number | null; items: ActionItem[] }[] };
  },
  previous: SavedActionList[] | undefined,
): SavedActionList[] {
  const doneTexts = new Set(previous?.flatMap((l) => l.items.filter((i) => i.done).map((i) => i.text)) ?? []);
  return article.actionItems.lists.map((list) => ({
    announcedCount: list.announcedCount,
    // Everything the extractor gives an item (short title, sub-points) is kept, plus its state.
    items: list.items.map((item) => ({ ...item, done: doneTexts.has(item.text) })),
  }));
}

const record = (meta: SavedArticleMeta): MetaRecord => ({ schema: 2, ...meta });

/** Saves or updates an article: meta, content, vocabulary, order and `savedRecent` in one write. */
export function saveArticle(article: Article, now: number = Date.now()): Promise<SavedArticleMeta> {
  return serialize(async () => {
    await ensureOrderV3();
    const id = articleId(article.url);
    const bucket = orderBucketOf(id);
    // The order bucket and `savedRecent` from the writer's copy; the previous record (for its ticks)
    // only when the URL was saved before.
    const [bucketValue, recentValue] = await readShared([orderKey(bucket), recentKey]);
    const isNew = !validEntries(bucketValue).some((e) => e.id === id);
    const prevRaw = isNew ? null : await storage.getItem<unknown>(metaKey(id));
    const previous = isCompleteMeta(prevRaw) ? stripSchema(prevRaw) : null;
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
    const order = await orderWrites([{ id, savedAt: now }], undefined, new Map([[bucket, bucketValue]]));
    const recent = await recentWrite(recentValue, [meta], new Set(), isNew ? 1 : 0, async () =>
      applyOrder(await readOrder(), order),
    );
    await commit([
      { key: metaKey(id), value: record(meta) },
      { key: contentKey(id), value: { schema: 1, id, contentHtml: article.contentHtml } satisfies SavedArticleContent },
      { key: termsKey(id), value: { schema: 1, id, terms: foldedVocabulary(article.text) } satisfies TermsRecord },
      ...order,
      recent,
    ]);
    return meta;
  });
}

/**
 * Removes articles. The order list is written first, so a failure there changes
 * nothing; a failed key removal after it only leaves unreachable keys behind.
 * Returns the full records removed, for undo.
 */
export function deleteSaved(ids: string | string[]): Promise<SavedArticle[]> {
  const list = Array.isArray(ids) ? ids : [ids];
  return serialize(async () => {
    await ensureOrderV3();
    const removed = await getSavedMany(list);
    const drop = new Set(list);
    const counted = { removed: 0 };
    const [order, recentRaw] = await Promise.all([
      orderWrites([], drop, undefined, counted),
      storage.getItem<unknown>(recentKey),
    ]);
    const recent = await recentWrite(recentRaw, [], drop, -counted.removed, async () =>
      applyOrder(await readOrder(), order),
    );
    await commit([...order, recent]);
    await storage.removeItems(list.flatMap((id) => [metaKey(id), contentKey(id), termsKey(id)])).catch(() => undefined);
    return removed;
  });
}

export function setItemDone(id: string, listIndex: number, n: number, done: boolean): Promise<void> {
  return serialize(async () => {
    const [metaRaw, recentRaw] = await storage.getItems([metaKey(id), recentKey]);
    if (!isCompleteMeta(metaRaw?.value)) return;
    const meta = stripSchema(metaRaw.value);
    const next: SavedArticleMeta = {
      ...meta,
      actionItems: meta.actionItems.map((l, li) =>
        li !== listIndex ? l : { ...l, items: l.items.map((it) => (it.n === n ? { ...it, done } : it)) },
      ),
    };
    // `savedRecent` is rewritten only when it shows this record (or needs a rebuild).
    const prev = parseRecent(recentRaw?.value);
    const recent =
      prev && !prev.items.some((m) => m.id === id)
        ? []
        : [await recentWrite(recentRaw?.value, [next], new Set(), 0, readOrder)];
    await commit([{ key: metaKey(id), value: record(next) }, ...recent]);
  });
}

export interface ImportReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  rejected: { url: string | null; reason: string }[];
}

/**
 * Merge by URL: an article already in the library is updated only when the
 * incoming copy was saved later; ticks are kept from both copies, so an import
 * never un-ticks an item.
 */
export function mergeIncoming(
  existing: SavedArticleMeta | null,
  incoming: IncomingArticle,
): { kind: 'added' | 'updated' | 'unchanged'; meta: SavedArticleMeta; replaceContent: boolean } {
  const id = articleId(incoming.url);
  const { contentHtml: _c, ...rest } = incoming;
  const fresh: SavedArticleMeta = { ...rest, id };
  if (!existing) return { kind: 'added', meta: fresh, replaceContent: true };
  const newer = incoming.savedAt > existing.savedAt;
  const base = newer ? fresh : existing;
  const other = newer ? existing : fresh;
  const doneTexts = new Set(other.actionItems.flatMap((l) => l.items.filter((i) => i.done).map((i) => i.text)));
  const meta: SavedArticleMeta = {
    ...base,
    actionItems: base.actionItems.map((l) => ({
      ...l,
      items: l.items.map((it) => ({ ...it, done: it.done || doneTexts.has(it.text) })),
    })),
  };
  const same = JSON.stringify(meta) === JSON.stringify(existing);
  return { kind: same ? 'unchanged' : 'updated', meta, replaceContent: newer };
}

/** Imports validated articles in one write; on failure nothing is changed. */
export function importArticles(incoming: IncomingArticle[]): Promise<ImportReport> {
  return serialize(async () => {
    await ensureOrderV3();
    const report: ImportReport = { added: [], updated: [], unchanged: [], rejected: [] };
    const byId = new Map<string, IncomingArticle>();
    for (const a of incoming) {
      const id = articleId(a.url);
      if (byId.has(id)) report.rejected.push({ url: a.url, reason: 'duplicate' });
      // Validation happens before this; a record that still fails is rejected, not written.
      else if (!isCompleteMeta({ ...a, id }) || typeof a.contentHtml !== 'string')
        report.rejected.push({ url: typeof a.url === 'string' ? a.url : null, reason: 'invalid' });
      else byId.set(id, a);
    }
    // Existing records and the order buckets they fall in, in one read.
    const buckets = [...new Set([...byId.keys()].map(orderBucketOf))];
    const read = await storage.getItems([...[...byId.keys()].map(metaKey), ...buckets.map(orderKey), recentKey]);
    const existing = read.slice(0, byId.size);
    const known = new Map(buckets.map((b, i) => [b, read[byId.size + i]?.value]));
    const writes: { key: Key; value: unknown }[] = [];
    const orderUpserts: OrderEntry[] = [];
    const metas: SavedArticleMeta[] = [];
    [...byId.entries()].forEach(([id, a], i) => {
      const prev = existing[i]?.value;
      const res = mergeIncoming(isCompleteMeta(prev) ? stripSchema(prev) : null, a);
      report[res.kind].push(a.url);
      if (res.kind === 'unchanged') return;
      writes.push({ key: metaKey(id), value: record(res.meta) });
      orderUpserts.push({ id, savedAt: res.meta.savedAt });
      metas.push(res.meta);
      if (res.replaceContent) {
        writes.push({ key: contentKey(id), value: { schema: 1, id, contentHtml: a.contentHtml } });
        writes.push({ key: termsKey(id), value: termsFromHtml(id, a.contentHtml) });
      }
    });
    if (writes.length) {
      const order = await orderWrites(orderUpserts, undefined, known);
      const inOrder = new Set(buckets.flatMap((b) => validEntries(known.get(b)).map((e) => e.id)));
      const added = orderUpserts.filter((e) => !inOrder.has(e.id)).length;
      const recentRaw = read[byId.size + buckets.length]?.value;
      writes.push(
        ...order,
        await recentWrite(recentRaw, metas, new Set(), added, async () => applyOrder(await readOrder(), order)),
      );
      await commit(writes);
    }
    return report;
  });
}

/** Used by tests and the bench to tell when queued writes are done. */
export function whenIdle(): Promise<void> {
  return queue.then(() => undefined);
}

export type { SafeHtml };
