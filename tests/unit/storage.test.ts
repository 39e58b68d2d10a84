/**
 * Saved-article repository and font preferences on WXT's fakeBrowser. The
 * article saved is the real seed page's extraction, not a hand-made object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractArticle } from '@/utils/extract';
import { DEFAULT_FONT_SIZE } from '@/utils/font-scale';
import {
  DISPLAY_DEFAULTS,
  effectiveFontSize,
  fontPrefsItem,
  loadFontPrefs,
  normalizeFontPrefs,
  withFontSize,
} from '@/utils/storage/font-prefs';
import {
  articleId,
  deleteSaved,
  getSaved,
  listSaved,
  orderBucketOf,
  StorageWriteError,
  saveArticle,
  setItemDone,
} from '@/utils/storage/saved-articles';
import type { Article } from '@/utils/types';

function seedArticle(): Article {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/seed-article.html'), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = extractArticle(doc, {
    url: 'https://baoquocte.vn/ban-quan-ly-cac-khu-cong-nghiep-va-che-xuat-ha-noi-chung-tay-xay-dung-tp-ha-noi-ngay-cang-van-minh-hien-dai-263451.html',
  });
  if (!article) throw new Error('seed must extract');
  return article;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('saved articles', () => {
  it('saves the seed with its seven items, content under its own key', async () => {
    const article = seedArticle();
    const meta = await saveArticle(article, 1_700_000_000_000);
    expect(meta.id).toBe(articleId(article.url));
    expect(meta.actionItems[0]?.announcedCount).toBe(7);
    expect(meta.actionItems[0]?.items).toHaveLength(7);
    expect(meta.actionItems[0]?.items.every((i) => i.done === false)).toBe(true);
    const all = await fakeBrowser.storage.local.get(null);
    // Version metadata (`key$`) aside: the order list, the newest-rows copy, and the article's own meta, content and vocabulary keys.
    expect(
      Object.keys(all)
        .filter((k) => !k.endsWith('$'))
        .sort(),
    ).toEqual([
      `savedContent:${meta.id}`,
      `savedMeta:${meta.id}`,
      `savedOrder:${orderBucketOf(meta.id)}`,
      'savedRecent',
      `savedTerms:${meta.id}`,
    ]);
    // Listing reads no body.
    expect(JSON.stringify(all[`savedMeta:${meta.id}`])).not.toContain('<p');
    expect(JSON.stringify(all[`savedOrder:${orderBucketOf(meta.id)}`])).not.toContain('<p');
    const full = await getSaved(meta.id);
    expect(full?.contentHtml).toContain('Thứ nhất');
  });

  it('saving the same URL again updates, keeps ticks of unchanged items, and moves it to the top', async () => {
    const article = seedArticle();
    const other = { ...article, url: 'https://baoquocte.vn/khac-1.html', title: 'Bài khác' };
    const first = await saveArticle(article, 1000);
    await saveArticle(other, 2000);
    await setItemDone(first.id, 0, 3, true);
    await saveArticle(article, 3000);
    const list = await listSaved();
    expect(list.map((m) => m.title)).toEqual([article.title, 'Bài khác']);
    expect(list[0]?.actionItems[0]?.items.map((i) => i.done)).toEqual([false, false, true, false, false, false, false]);
  });

  it('a failed write leaves no half-written record and the old data intact', async () => {
    const article = seedArticle();
    const keep = await saveArticle({ ...article, url: 'https://baoquocte.vn/giu-lai.html' }, 1000);
    const spy = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const err = await saveArticle(article, 2000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageWriteError);
    expect((err as StorageWriteError).code).toBe('quota');
    spy.mockRestore();
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).filter((k) => k.startsWith('savedContent:'))).toEqual([`savedContent:${keep.id}`]);
    expect((await listSaved()).map((m) => m.id)).toEqual([keep.id]);
  });

  it('concurrent saves of different articles all land', async () => {
    const article = seedArticle();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => saveArticle({ ...article, url: `https://baoquocte.vn/bai-${i}.html` }, i)),
    );
    expect(await listSaved()).toHaveLength(12);
  });

  it('skips corrupt index entries instead of breaking the list', async () => {
    const meta = await saveArticle(seedArticle(), 1000);
    const bucket = `savedOrder:${orderBucketOf('broken')}`;
    const order = ((await fakeBrowser.storage.local.get(bucket))[bucket] as unknown[] | undefined) ?? [];
    await fakeBrowser.storage.local.set({
      [bucket]: [...order, { id: 'broken', savedAt: 5 }],
      'savedMeta:broken': { id: 42 },
    });
    expect((await listSaved()).map((m) => m.id)).toEqual([meta.id]);
  });

  it('deletes the record and its content', async () => {
    const meta = await saveArticle(seedArticle(), 1000);
    await deleteSaved(meta.id);
    expect(await listSaved()).toEqual([]);
    expect(await getSaved(meta.id)).toBeNull();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).some((k) => k.startsWith('savedContent:'))).toBe(
      false,
    );
  });

  it('ids ignore the URL fragment only', () => {
    expect(articleId('https://vnexpress.net/a-1.html#box')).toBe(articleId('https://vnexpress.net/a-1.html'));
    expect(articleId('https://vnexpress.net/a-1.html')).not.toBe(articleId('https://vnexpress.net/a-2.html'));
  });
});

describe('font preferences', () => {
  it('defaults, persists and applies per-site overrides', async () => {
    expect((await loadFontPrefs()).size).toBe(DEFAULT_FONT_SIZE);
    let prefs = withFontSize(await loadFontPrefs(), 'vnexpress.net', 24, false);
    prefs = withFontSize(prefs, 'tuoitre.vn', 16, true);
    await fontPrefsItem.setValue(prefs);
    const loaded = await loadFontPrefs();
    expect(effectiveFontSize(loaded, 'vnexpress.net')).toBe(24);
    expect(effectiveFontSize(loaded, 'tuoitre.vn')).toBe(16);
    // Turning "this site only" off drops the override and sets the global size.
    const back = withFontSize(loaded, 'tuoitre.vn', 18, false);
    expect(back.perSite).toEqual({});
    expect(back.size).toBe(18);
  });

  it('repairs stored junk instead of failing', () => {
    expect(normalizeFontPrefs({ size: 19.4, perSite: { 'plo.vn': 100, bad: 'x' } })).toEqual({
      size: 20,
      perSite: { 'plo.vn': 32 },
      ...DISPLAY_DEFAULTS,
    });
    expect(normalizeFontPrefs('garbage').size).toBe(DEFAULT_FONT_SIZE);
  });
});
