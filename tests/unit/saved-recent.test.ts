/**
 * `savedRecent` (the newest rows and the total, for the pages' first paint) stays
 * equal to what the per-article keys say after every kind of write, is rewritten
 * in the same set() as the change, and a corrupt or stale copy is never trusted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractArticle } from '@/utils/extract';
import {
  deleteSaved,
  getSavedMany,
  type IncomingArticle,
  importArticles,
  loadLibrary,
  migrateLibrary,
  repairRecent,
  StorageWriteError,
  saveArticle,
  setItemDone,
} from '@/utils/storage/saved-articles';
import { parseRecent, RECENT_SIZE, readRecent } from '@/utils/storage/saved-recent';
import { progressOf, rowOf } from '@/utils/storage/saved-schema';
import type { Article } from '@/utils/types';

let seedCache: Article | undefined;
function seed(): Article {
  if (!seedCache) {
    const html = readFileSync(join(process.cwd(), 'tests/fixtures/seed-article.html'), 'utf8');
    const a = extractArticle(new DOMParser().parseFromString(html, 'text/html'), {
      url: 'https://baoquocte.vn/ban-quan-ly-cac-khu-cong-nghiep-263451.html',
    });
    if (!a) throw new Error('seed must extract');
    seedCache = a;
  }
  return structuredClone(seedCache);
}
const article = (i: number): Article => ({ ...seed(), url: `https://baoquocte.vn/bai-${i}.html`, title: `Bài ${i}` });

/** The stored copy, validated, equals the newest rows read from the per-article keys. */
async function expectConsistent() {
  const recent = await readRecent();
  const truth = await loadLibrary(RECENT_SIZE);
  expect(recent).not.toBeNull();
  expect(recent?.items).toEqual(truth.items.map(rowOf));
  expect(recent?.total).toBe(truth.total);
  return recent;
}

async function saveMany(n: number) {
  const metas = [];
  for (let i = 0; i < n; i++) metas.push(await saveArticle(article(i), 1_000 + i));
  return metas;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('savedRecent', () => {
  it('follows saves, beyond its size, and a re-save moves the article to the top', async () => {
    await saveArticle(article(0), 1_000);
    expect((await expectConsistent())?.total).toBe(1);
    const metas = await saveMany(RECENT_SIZE + 5);
    const r = await expectConsistent();
    expect(r?.items).toHaveLength(RECENT_SIZE);
    expect(r?.total).toBe(RECENT_SIZE + 5);
    await saveArticle(article(2), 99_000);
    expect((await expectConsistent())?.items[0]?.id).toBe(metas[2]?.id);
  });

  it('follows deletes: of a shown row (the next one moves up), of an older one, of everything', async () => {
    const metas = await saveMany(RECENT_SIZE + 3);
    const newest = metas.at(-1)?.id ?? '';
    await deleteSaved(newest);
    const r = await expectConsistent();
    expect(r?.items.map((m) => m.id)).not.toContain(newest);
    expect(r?.items).toHaveLength(RECENT_SIZE);
    await deleteSaved(metas[0]?.id ?? '');
    expect((await expectConsistent())?.total).toBe(RECENT_SIZE + 1);
    await deleteSaved((await loadLibrary()).items.map((m) => m.id));
    expect(await expectConsistent()).toEqual({ items: [], total: 0 });
  });

  it('follows undo (the removed records imported back) and imports', async () => {
    const metas = await saveMany(RECENT_SIZE + 2);
    const before = await readRecent();
    const ids = metas.slice(-3).map((m) => m.id);
    const removed = await deleteSaved(ids);
    await expectConsistent();
    await importArticles(removed.map(({ id: _id, ...a }) => a));
    expect(await expectConsistent()).toEqual(before);
    // A mixed import: new articles, one newer copy, one older copy.
    const [first, second] = (await getSavedMany([metas[0]?.id ?? '', metas[1]?.id ?? ''])).map(
      ({ id: _id, ...a }): IncomingArticle => a,
    );
    if (!first || !second) throw new Error('both saved');
    await importArticles([
      ...[100, 101].map((i) => ({ ...first, url: `https://baoquocte.vn/moi-${i}.html`, savedAt: 50_000 + i })),
      { ...first, title: 'Mới hơn', savedAt: 60_000 },
      { ...second, title: 'Cũ hơn', savedAt: 1 },
    ]);
    const r = await expectConsistent();
    expect(r?.items[0]?.title).toBe('Mới hơn');
    expect(r?.total).toBe(RECENT_SIZE + 4);
  });

  it('follows ticks of a shown row; a tick of an older row leaves it alone', async () => {
    const metas = await saveMany(RECENT_SIZE + 1);
    const shown = metas.at(-1) as (typeof metas)[number];
    await setItemDone(shown.id, 0, 2, true);
    expect((await expectConsistent())?.items[0]?.progress).toEqual({
      done: 1,
      total: progressOf(shown.actionItems).total,
    });
    const raw = JSON.stringify((await fakeBrowser.storage.local.get('savedRecent')).savedRecent);
    await setItemDone(metas[0]?.id ?? '', 0, 1, true);
    expect(JSON.stringify((await fakeBrowser.storage.local.get('savedRecent')).savedRecent)).toBe(raw);
    await expectConsistent();
  });

  it('a failed write leaves it unchanged with the rest of the library', async () => {
    await saveMany(3);
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveArticle(article(9), 9_000)).rejects.toBeInstanceOf(StorageWriteError);
    await expect(deleteSaved((await loadLibrary()).items[0]?.id ?? '')).rejects.toBeInstanceOf(StorageWriteError);
    spy.mockRestore();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
  });

  it('a corrupt copy is not trusted, and the next write or a repair rebuilds it', async () => {
    const metas = await saveMany(5);
    const good = (await fakeBrowser.storage.local.get('savedRecent')).savedRecent as {
      items: Record<string, unknown>[];
    };
    const bad: unknown[] = [
      'garbage',
      { schema: 1, total: 5 },
      { ...good, total: 1 },
      { ...good, items: [...good.items].reverse() },
      { ...good, items: [{ ...good.items[0], title: 42 }, ...good.items.slice(1)] },
    ];
    for (const b of bad) expect(parseRecent(b)).toBeNull();
    await fakeBrowser.storage.local.set({ savedRecent: 'garbage' });
    expect(await readRecent()).toBeNull();
    await saveArticle(article(7), 7_000);
    await expectConsistent();
    // Valid in shape but stale (written around the background): a repair rewrites it.
    await fakeBrowser.storage.local.set({ savedRecent: { schema: 1, total: 0, items: [] } });
    expect(await repairRecent()).toBe(true);
    await expectConsistent();
    expect(await repairRecent()).toBe(false);
    await fakeBrowser.storage.local.remove('savedRecent');
    await setItemDone(metas[0]?.id ?? '', 0, 1, true);
    await expectConsistent();
  });

  it('is written by the v1 -> v2 migration', async () => {
    const dump = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/storage/saved-v1.json'), 'utf8'));
    await fakeBrowser.storage.local.set(dump);
    expect(await migrateLibrary()).toBe(true);
    expect((await expectConsistent())?.total).toBe(2);
  });

  it('holds rows, not full records: no item texts, no excerpt, a few KB for a full list', async () => {
    await saveMany(RECENT_SIZE + 2);
    const stored = (await fakeBrowser.storage.local.get('savedRecent')).savedRecent as { schema: number };
    expect(stored.schema).toBe(2);
    const json = JSON.stringify(stored);
    const [sample] = seed().actionItems.lists[0]?.items ?? [];
    expect(sample?.text.length).toBeGreaterThan(20);
    expect(json).not.toContain(sample?.text.slice(0, 20));
    expect(json).not.toContain('"excerpt"');
    // The seed's ten rows as full records were ~19 KB; as rows they are a fraction of that.
    expect(json.length).toBeLessThan(8_000);
  });

  it('a copy written before rows (schema 1, full records) is read as rows and rewritten by a repair', async () => {
    const metas = await saveMany(3);
    const v1 = {
      schema: 1,
      total: 3,
      items: [...metas].reverse().map((m) => ({ schema: 2, ...m })),
    };
    await fakeBrowser.storage.local.set({ savedRecent: v1 });
    expect((await readRecent())?.items).toEqual([...metas].reverse().map(rowOf));
    expect(await repairRecent()).toBe(true);
    expect(((await fakeBrowser.storage.local.get('savedRecent')).savedRecent as { schema: number }).schema).toBe(2);
    await expectConsistent();
  });
});
