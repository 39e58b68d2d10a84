// @vitest-environment jsdom
/**
 * The library's data paths on fakeBrowser with real extractions of corpus
 * pages: export to JSON and back, merge by URL with a report, a bad file
 * rejected without touching the library, storage failures (quota, disk full)
 * leaving everything as it was, delete with undo, and Markdown export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { offlineHtml } from '@/components/library/offline-html';
import { buildExport, EXPORT_VERSION, parseImport, rejectReason } from '@/utils/export/library-json';
import { articleToMarkdown } from '@/utils/export/library-markdown';
import { extractArticle } from '@/utils/extract';
import {
  deleteSaved,
  getSavedMany,
  getTerms,
  type IncomingArticle,
  importArticles,
  loadLibrary,
  mergeIncoming,
  migrateLibrary,
  StorageWriteError,
  saveArticle,
  setItemDone,
} from '@/utils/storage/saved-articles';
import { articleId, orderBucketOf } from '@/utils/storage/saved-schema';
import type { Article } from '@/utils/types';

const CORPUS = [
  'dantri.com.vn--gia-vang-giam',
  'tuoitre.vn--gia-hoa-nhap-khau-8-3',
  'genk.vn--vi-sao-apple-cat-qua-tang-sinh-vien',
];

const extracted = new Map<string, Article>();
function corpusArticle(slug: string): Article {
  const cached = extracted.get(slug);
  if (cached) return structuredClone(cached);
  const dir = join(process.cwd(), 'tests/fixtures/corpus');
  const { url } = JSON.parse(readFileSync(join(dir, `${slug}.gold.json`), 'utf8')) as { url: string };
  const doc = new DOMParser().parseFromString(readFileSync(join(dir, `${slug}.html`), 'utf8'), 'text/html');
  const a = extractArticle(doc, { url });
  if (!a) throw new Error(`${slug} must extract`);
  extracted.set(slug, a);
  return structuredClone(a);
}
let seedCache: Article | undefined;
const seed = (): Article => {
  if (seedCache) return structuredClone(seedCache);
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/seed-article.html'), 'utf8');
  const { url } = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/seed-article.gold.json'), 'utf8'));
  const a = extractArticle(new DOMParser().parseFromString(html, 'text/html'), { url });
  if (!a) throw new Error('seed must extract');
  seedCache = a;
  return structuredClone(a);
};

async function saveThree() {
  const metas = [];
  for (const [i, slug] of CORPUS.entries()) metas.push(await saveArticle(corpusArticle(slug), 1_000 + i));
  return metas;
}
const storageDump = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));
const exportAll = async () => buildExport(await getSavedMany((await loadLibrary()).items.map((m) => m.id)));
const reimport = (json: string) => {
  const parsed = parseImport(json);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('export and import', () => {
  it('round-trips the whole library: export, delete all, import, everything back with ticks', async () => {
    const [first] = await saveThree();
    const s = await saveArticle(seed(), 2_000);
    await setItemDone(s.id, 0, 2, true);
    const before = await loadLibrary();
    const json = JSON.stringify(await exportAll());
    expect(JSON.parse(json)).toMatchObject({ format: 'doc-gon-library', version: EXPORT_VERSION });

    await deleteSaved(before.items.map((m) => m.id));
    expect((await loadLibrary()).items).toEqual([]);
    const left = await fakeBrowser.storage.local.get(null);
    // Only the (now empty) order buckets remain.
    expect(Object.keys(left).filter((k) => /^saved\w+:/.test(k) && !k.startsWith('savedOrder:'))).toEqual([]);
    expect(Object.entries(left).filter(([k, v]) => k.startsWith('savedOrder:') && (v as unknown[]).length)).toEqual([]);

    const parsed = reimport(json);
    const report = await importArticles(parsed.articles);
    expect(report.added).toHaveLength(4);
    expect(report.rejected).toEqual([]);
    const after = await loadLibrary();
    expect(after.items).toEqual(before.items);
    expect(after.items.find((m) => m.id === s.id)?.actionItems[0]?.items[1]?.done).toBe(true);
    // Content and search vocabulary come back too.
    const [full] = await getSavedMany([first?.id ?? '']);
    expect(full?.contentHtml.length).toBeGreaterThan(500);
    expect((await getTerms([s.id])).get(s.id)).toContain('cong');
  });

  it('merges by URL without duplicating, and reports added / updated / unchanged / rejected', async () => {
    const [a, b] = await saveThree();
    if (!a || !b) throw new Error('saved');
    const exported = await exportAll();
    // Import the same file again: nothing changes.
    const again = await importArticles(exported.articles);
    expect(again.unchanged).toHaveLength(3);
    expect(again.added.length + again.updated.length).toBe(0);

    // A later copy of `a` with a tick, a new article, a duplicate and junk.
    const aLater: IncomingArticle = {
      ...(exported.articles.find((x) => x.url === a.url) as IncomingArticle),
      savedAt: 9_999,
      title: 'Tiêu đề mới',
    };
    const fresh: IncomingArticle = { ...aLater, url: 'https://vnexpress.net/bai-moi-1.html', title: 'Bài mới' };
    const file = JSON.stringify({ ...exported, articles: [aLater, fresh, fresh, { url: 'javascript:alert(1)' }, 42] });
    const parsed = reimport(file);
    expect(parsed.rejected.map((r) => r.reason)).toEqual(['bad-url', 'not-an-object']);
    const report = await importArticles(parsed.articles);
    expect(report).toMatchObject({ added: [fresh.url], updated: [a.url], unchanged: [] });
    expect(report.rejected).toEqual([{ url: fresh.url, reason: 'duplicate' }]);
    const lib = await loadLibrary();
    expect(lib.items).toHaveLength(4);
    expect(lib.items.find((m) => m.id === a.id)?.title).toBe('Tiêu đề mới');
  });

  it('an older imported copy does not overwrite, but its ticks are kept', () => {
    const base = {
      url: 'https://vnexpress.net/x-1.html',
      title: 'X',
      site: 'vnexpress.net',
      siteName: 'VnExpress',
      byline: null,
      publishedTime: null,
      lead: null,
      excerpt: '',
      wordCount: 1,
      readingMinutes: 1,
      contentHtml: '<p>x</p>' as never,
    };
    const items = (done: boolean) => [{ announcedCount: null, items: [{ n: 1, marker: '1', text: 'một', done }] }];
    const existing = { ...base, id: 'a', savedAt: 5, title: 'Mới', actionItems: items(false) };
    const res = mergeIncoming(existing, { ...base, savedAt: 1, actionItems: items(true) });
    expect(res.kind).toBe('updated');
    expect(res.replaceContent).toBe(false);
    expect(res.meta.title).toBe('Mới');
    expect(res.meta.actionItems[0]?.items[0]?.done).toBe(true);
  });

  it('a bad file is refused as a whole and the library is untouched', async () => {
    await saveThree();
    const before = await storageDump();
    expect(parseImport('{not json')).toEqual({ error: 'not-json' });
    expect(parseImport('{"format":"pocket","articles":[]}')).toEqual({ error: 'wrong-format' });
    expect(parseImport('{"format":"doc-gon-library","version":99,"articles":[]}')).toEqual({ error: 'newer-version' });
    expect(await storageDump()).toBe(before);
  });

  it('validates every field of an imported record', () => {
    const ok = {
      url: 'https://vnexpress.net/a-1.html',
      title: 'A',
      site: 'vnexpress.net',
      siteName: 'VnExpress',
      byline: null,
      publishedTime: null,
      savedAt: 1,
      lead: null,
      excerpt: '',
      wordCount: 1,
      readingMinutes: 1,
      actionItems: [],
      contentHtml: '<p>a</p>',
    };
    expect(rejectReason(ok)).toBeNull();
    expect(rejectReason({ ...ok, contentHtml: undefined })).toBe('no-content');
    expect(rejectReason({ ...ok, savedAt: 'hôm qua' })).toBe('bad-fields');
    expect(rejectReason({ ...ok, actionItems: [{ items: [{ n: 1 }] }] })).toBe('bad-fields');
    expect(rejectReason({ ...ok, url: 'file:///etc/passwd' })).toBe('bad-url');
    // Unknown fields are not carried into storage.
    const parsed = reimport(JSON.stringify({ format: 'doc-gon-library', version: 1, articles: [{ ...ok, evil: 1 }] }));
    expect(parsed.articles[0]).not.toHaveProperty('evil');
  });
});

describe('storage failures', () => {
  it.each([
    ['quota', 'QUOTA_BYTES quota exceeded'],
    ['quota', 'IO error: No space left on device (disk full)'],
    ['save-failed', 'Unknown storage error'],
  ])('%s (%s): save and import fail cleanly and the library is unchanged', async (code, message) => {
    await saveThree();
    const before = await storageDump();
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error(message));
    const err = await saveArticle(seed(), 5_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageWriteError);
    expect((err as StorageWriteError).code).toBe(code);
    const fresh = { ...(await exportAll()).articles[0], url: 'https://vnexpress.net/moi-2.html' } as IncomingArticle;
    await expect(importArticles([fresh])).rejects.toBeInstanceOf(StorageWriteError);
    await expect(deleteSaved((await loadLibrary()).items.map((m) => m.id))).rejects.toBeInstanceOf(StorageWriteError);
    spy.mockRestore();
    expect(await storageDump()).toBe(before);
  });
});

describe('saves read no shared key back, and never lose an outside change', () => {
  /*
   * The background keeps the order buckets and `savedRecent` it wrote, so a save
   * of a new URL reads nothing. These pin that the copy never hides a change made
   * elsewhere (a test, another context): such a change is seen in
   * storage.onChanged, and the next save reads the key again.
   */
  it('a save into a bucket already written reads neither that bucket nor savedRecent', async () => {
    const first = await saveArticle(corpusArticle(CORPUS[0] as string), 1_000);
    // Another real article, under a URL whose id falls in the same order bucket.
    const other = corpusArticle(CORPUS[1] as string);
    const base = other.url;
    for (let i = 0; orderBucketOf(articleId(other.url)) !== orderBucketOf(first.id); i++) other.url = `${base}?v=${i}`;
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const second = await saveArticle(other, 2_000);
    const read = get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]));
    get.mockRestore();
    expect(read.filter((k) => typeof k === 'string' && /^saved(Order|Recent)/.test(k))).toEqual([]);
    expect((await loadLibrary()).items.map((m) => m.id)).toEqual([second.id, expect.any(String)]);
  });

  it('an entry written to a bucket from elsewhere survives the next save into that bucket', async () => {
    await saveArticle(corpusArticle(CORPUS[0] as string), 1_000);
    const b = corpusArticle(CORPUS[1] as string);
    // Another writer adds an entry to the bucket b's save will rewrite.
    const key = `savedOrder:${orderBucketOf(articleId(b.url))}`;
    const outside = { id: 'outside-entry', savedAt: 500 };
    const current = ((await fakeBrowser.storage.local.get(key))[key] as unknown[] | undefined) ?? [];
    await fakeBrowser.storage.local.set({ [key]: [...current, outside] });
    await saveArticle(b, 2_000);
    const bucket = (await fakeBrowser.storage.local.get(key))[key] as { id: string }[];
    expect(bucket.map((e) => e.id)).toContain('outside-entry');
    expect(bucket.map((e) => e.id)).toContain(articleId(b.url));
  });

  it('re-saving a URL keeps its ticks (the previous record is read only then)', async () => {
    const first = await saveArticle(seed(), 1_000);
    await setItemDone(first.id, 0, 2, true);
    const again = await saveArticle(seed(), 2_000);
    expect(again.actionItems[0]?.items.find((i) => i.n === 2)?.done).toBe(true);
    expect((await loadLibrary()).items).toHaveLength(1);
  });
});

describe('order list v2 (16 buckets) -> v3 (64 buckets)', () => {
  /** How v2 bucketed an id: by its last character, 16 buckets `0`…`f`. */
  const v2Bucket = (id: string) => ((id.charCodeAt(id.length - 1) || 0) % 16).toString(16);
  /** Rewrites the stored order as v2 stored it, from real saves. */
  async function storeAsV2() {
    const all = await fakeBrowser.storage.local.get(null);
    const entries = Object.entries(all)
      .filter(([k]) => k.startsWith('savedOrder:'))
      .flatMap(([, v]) => v as { id: string; savedAt: number }[]);
    await fakeBrowser.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('savedOrder:')));
    const v2: Record<string, unknown[]> = {};
    for (const e of entries) {
      const key = `savedOrder:${v2Bucket(e.id)}`;
      v2[key] = [...(v2[key] ?? []), e];
    }
    await fakeBrowser.storage.local.set(v2);
    return Object.keys(v2);
  }
  const orderKeys = async () =>
    Object.keys(await fakeBrowser.storage.local.get(null))
      .filter((k) => k.startsWith('savedOrder:'))
      .sort();

  it('lists v2 entries before the migration, moves them on the next write, and removes the v2 keys', async () => {
    const metas = await saveThree();
    const before = (await loadLibrary()).items;
    const v2Keys = await storeAsV2();
    expect(v2Keys.every((k) => /^savedOrder:[0-9a-f]$/.test(k))).toBe(true);
    // A page opened before the background migrates still lists everything.
    expect((await loadLibrary()).items).toEqual(before);
    // The background's first write migrates, then saves.
    const fourth = await saveArticle(seed(), 9_000);
    const keys = await orderKeys();
    expect(keys.every((k) => /^savedOrder:[0-3][0-9a-f]$/.test(k))).toBe(true);
    const stored = await fakeBrowser.storage.local.get(keys);
    for (const [k, v] of Object.entries(stored))
      for (const e of v as { id: string }[]) expect(k).toBe(`savedOrder:${orderBucketOf(e.id)}`);
    expect((await loadLibrary()).items.map((m) => m.id)).toEqual([fourth.id, ...metas.map((m) => m.id).reverse()]);
  });

  it('a migration cut short (v3 written, v2 emptied but not removed) finishes without moving anything twice', async () => {
    await saveThree();
    const before = (await loadLibrary()).items;
    const v2Keys = await storeAsV2();
    expect(await migrateLibrary()).toBe(false);
    // As if the removal after the write had not happened.
    await fakeBrowser.storage.local.set(Object.fromEntries(v2Keys.map((k) => [k, []])));
    const victim = before[0]?.id ?? '';
    await deleteSaved(victim);
    expect((await orderKeys()).some((k) => /^savedOrder:[0-9a-f]$/.test(k))).toBe(false);
    expect((await loadLibrary()).items).toEqual(before.slice(1));
  });

  it('a failed migration write changes nothing and the save reports it', async () => {
    await saveThree();
    await storeAsV2();
    const dump = await storageDump();
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveArticle(seed(), 9_000)).rejects.toBeInstanceOf(StorageWriteError);
    spy.mockRestore();
    expect(await storageDump()).toBe(dump);
    // The next write migrates.
    await saveArticle(seed(), 9_000);
    expect((await loadLibrary()).items).toHaveLength(4);
  });
});

describe('delete with undo, corrupt records', () => {
  it('delete returns the full records; re-importing them restores the article as it was', async () => {
    const [a] = await saveThree();
    if (!a) throw new Error('saved');
    const before = await loadLibrary();
    const removed = await deleteSaved(a.id);
    expect(removed.map((r) => r.id)).toEqual([a.id]);
    expect((await loadLibrary()).items).toHaveLength(2);
    await importArticles(removed.map(({ id: _id, ...r }) => r));
    expect(await loadLibrary()).toEqual(before);
  });

  it('a corrupt record is skipped, reported with its raw value, and the rest still lists', async () => {
    const [a, b] = await saveThree();
    if (!a || !b) throw new Error('saved');
    await fakeBrowser.storage.local.set({ [`savedMeta:${a.id}`]: { schema: 2, id: a.id, title: null } });
    const lib = await loadLibrary();
    expect(lib.items.map((m) => m.id)).not.toContain(a.id);
    expect(lib.items).toHaveLength(2);
    expect(lib.corrupt).toEqual([{ key: `local:savedMeta:${a.id}`, raw: { schema: 2, id: a.id, title: null } }]);
    // Exports leave it out instead of failing.
    expect((await exportAll()).articles).toHaveLength(2);
  });

  it('20 concurrent saves land, none overwrites another', async () => {
    const article = corpusArticle(CORPUS[0] ?? '');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => saveArticle({ ...article, url: `https://dantri.com.vn/bai-${i}.htm` }, i)),
    );
    const lib = await loadLibrary();
    expect(lib.items).toHaveLength(20);
    expect(lib.total).toBe(20);
  });
});

describe('markdown and offline view', () => {
  it('markdown has title, link, dates, converted body and numbered items with done state', async () => {
    const s = await saveArticle(seed(), Date.UTC(2024, 0, 20, 3));
    await setItemDone(s.id, 0, 1, true);
    const [full] = await getSavedMany([s.id]);
    if (!full) throw new Error('saved');
    const md = articleToMarkdown(full);
    expect(md.startsWith(`# ${full.title.replace(/([\\`*_[\]#<>|])/g, '\\$1')}`)).toBe(true);
    expect(md).toContain(`<${full.url}>`);
    expect(md).toContain('Đăng: Thứ Năm, 18/01/2024 09:15');
    expect(md).toContain('Lưu: ');
    expect(md).toContain('## Việc cần làm');
    expect(md).toMatch(/^1\. \[x\] \*\*Thứ nhất:\*\*/m);
    expect(md).toMatch(/^2\. \[ \] \*\*Thứ hai:\*\*/m);
    expect(md).not.toMatch(/<p>|<div/);
  });

  it('offline html replaces remote images with a labelled placeholder and keeps the text', () => {
    const html = offlineHtml(
      '<p>Đoạn một</p><figure><img src="https://x.vn/a.jpg" alt="Toàn cảnh"><figcaption>Chú thích</figcaption></figure><img src="https://x.vn/b.jpg" onerror="alert(1)">',
      'Ảnh',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror');
    expect(html).toContain('<span data-dg-img="off">Ảnh: Toàn cảnh</span>');
    expect(html).toContain('Chú thích');
    expect(html).toContain('Đoạn một');
  });
});
