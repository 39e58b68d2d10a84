/**
 * Library schema v1 -> v2 from a stored v1 dump (tests/fixtures/storage/saved-v1.json):
 * one index key with every article's metadata, plus a duplicate and a corrupt
 * entry, as an old version could have left them. After the migration each
 * article has its own keys, ticks are kept, the corrupt entry is quarantined
 * (still exportable) and the v1 key is gone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadLibrary, migrateLibrary, saveArticle, setItemDone } from '@/utils/storage/saved-articles';
import { migrateV1ToV2 } from '@/utils/storage/saved-migration';

const dump = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/storage/saved-v1.json'), 'utf8')) as Record<
  string,
  unknown
>;

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(structuredClone(dump));
});

describe('migration v1 -> v2', () => {
  it('is pure: same input, same output, input untouched', () => {
    const before = JSON.stringify(dump);
    const contentOf = (id: string) => dump[`savedContent:${id}`];
    const a = migrateV1ToV2(dump.savedIndex, contentOf);
    const b = migrateV1ToV2(dump.savedIndex, contentOf);
    expect(a).toEqual(b);
    expect(JSON.stringify(dump)).toBe(before);
    expect(a.metas).toHaveLength(2);
    // The corrupt entry and the duplicate are kept raw, not dropped.
    expect(a.quarantine).toHaveLength(2);
    expect(a.order.map((e) => e.savedAt)).toEqual([1705634400000, 1705548000000]);
    // Body vocabulary is folded: "công nghiệp" is findable as "cong nghiep", "&amp;" is decoded away.
    const terms = a.terms.find((t) => t.terms.includes('nghiep'))?.terms ?? '';
    expect(terms.split(' ')).toEqual(expect.arrayContaining(['thu', 'nhat', 'khu', 'cong', 'nghiep', 'che', 'xuat']));
    expect(terms).not.toContain('amp');
  });

  it('migrates the stored fixture in the repository, once', async () => {
    expect(await migrateLibrary()).toBe(true);
    const all = await fakeBrowser.storage.local.get(null);
    expect(all.savedIndex).toBeUndefined();
    expect(all.savedIndex$).toBeUndefined();
    expect(Object.keys(all).filter((k) => k.startsWith('savedMeta:'))).toHaveLength(2);
    expect(Object.keys(all).filter((k) => k.startsWith('savedTerms:'))).toHaveLength(2);
    // Unrelated keys are left alone.
    expect(all.fontPrefs).toEqual({ size: 20, perSite: {} });

    const lib = await loadLibrary();
    expect(lib.items.map((m) => m.title)).toEqual([
      'Mở lại đường bay quốc tế từ 15/2',
      'Ban Quản lý các khu công nghiệp và chế xuất Hà Nội chung tay xây dựng Thủ đô',
    ]);
    expect(lib.items[1]?.actionItems[0]?.items.map((i) => i.done)).toEqual([true, false]);
    expect(lib.corrupt.map((c) => c.raw)).toContainEqual({ id: 'hong', title: 42 });
    expect(lib.total).toBe(2);

    // A second run finds nothing to do and changes nothing.
    const snapshot = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(await migrateLibrary()).toBe(false);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(snapshot);
  });

  it('readers see the v1 library before the background has migrated it', async () => {
    const lib = await loadLibrary(1);
    expect(lib.total).toBe(2);
    expect(lib.items.map((m) => m.siteName)).toEqual(['VnExpress']);
  });

  it('the migrated library keeps working: tick, save', async () => {
    await migrateLibrary();
    const [, older] = (await loadLibrary()).items;
    if (!older) throw new Error('two articles');
    await setItemDone(older.id, 0, 2, true);
    expect((await loadLibrary()).items[1]?.actionItems[0]?.items.every((i) => i.done)).toBe(true);
  });

  it('a failed migration write leaves the v1 data as it was', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: disk full'));
    await expect(migrateLibrary()).rejects.toThrow();
    spy.mockRestore();
    const all = await fakeBrowser.storage.local.get(null);
    expect(all.savedIndex).toEqual(dump.savedIndex);
    expect(Object.keys(all).some((k) => k.startsWith('savedMeta:'))).toBe(false);
    // Until it succeeds, the v1 records still list.
    expect((await loadLibrary()).items).toHaveLength(2);
    // And it succeeds on the next start.
    expect(await migrateLibrary()).toBe(true);
    expect((await loadLibrary()).items).toHaveLength(2);
  });

  it('a save queued during the migration lands after it', async () => {
    const { articleId } = await import('@/utils/storage/saved-schema');
    const migrating = migrateLibrary();
    const saving = saveArticle(
      {
        url: 'https://tuoitre.vn/gia-hoa-8-3.htm',
        site: 'tuoitre.vn',
        siteName: 'Tuổi Trẻ',
        title: 'Giá hoa 8/3',
        byline: null,
        publishedTime: null,
        lead: null,
        excerpt: '',
        contentHtml: '<p>Hoa hồng</p>' as never,
        text: 'Hoa hồng',
        wordCount: 2,
        readingMinutes: 1,
        actionItems: { lists: [] },
      },
      1800000000000,
    );
    await Promise.all([migrating, saving]);
    const lib = await loadLibrary();
    expect(lib.items.map((m) => m.id)[0]).toBe(articleId('https://tuoitre.vn/gia-hoa-8-3.htm'));
    expect(lib.items).toHaveLength(3);
  });
});
