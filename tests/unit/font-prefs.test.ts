/**
 * Display settings joined the stored font preferences in v2. A reader who set
 * sizes under v1 must keep them: the stored v1 dump
 * (tests/fixtures/storage/font-prefs-v1.json, exactly what v1 wrote: the value
 * without a version key) is migrated in place, the display choices get their
 * defaults, and the version is recorded so the migration runs once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DISPLAY_DEFAULTS,
  effectiveFontSize,
  fontPrefsItem,
  loadFontPrefs,
  migrateFontPrefsV1,
  normalizeFontPrefs,
  withFontSize,
} from '@/utils/storage/font-prefs';

const dump = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/storage/font-prefs-v1.json'), 'utf8'),
) as Record<string, unknown>;

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(structuredClone(dump));
});

describe('fontPrefs v1 -> v2', () => {
  it('is pure and keeps the sizes', () => {
    const before = JSON.stringify(dump.fontPrefs);
    const v2 = migrateFontPrefsV1(dump.fontPrefs);
    expect(JSON.stringify(dump.fontPrefs)).toBe(before);
    expect(v2).toEqual({
      size: 24,
      perSite: { 'vnexpress.net': 18, 'tuoitre.vn': 28 },
      face: 'serif',
      lineHeight: 'normal',
      width: 'normal',
      align: 'left',
      theme: 'system',
    });
  });

  it('migrates the stored v1 value in place, once', async () => {
    await fontPrefsItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['fontPrefs', 'fontPrefs$']);
    expect(stored.fontPrefs).toEqual({ ...(dump.fontPrefs as object), ...DISPLAY_DEFAULTS });
    expect(stored.fontPrefs$).toEqual({ v: 2 });
    const prefs = await loadFontPrefs();
    expect(effectiveFontSize(prefs, 'vnexpress.net')).toBe(18);
    expect(effectiveFontSize(prefs, 'dantri.com.vn')).toBe(24);
    // A choice made after the migration is not undone by running it again.
    await fontPrefsItem.setValue({ ...prefs, theme: 'dark' });
    await fontPrefsItem.migrate();
    expect((await loadFontPrefs()).theme).toBe('dark');
  });

  it('a v2-shaped value without its version key keeps its choices', async () => {
    const v2 = { ...migrateFontPrefsV1(dump.fontPrefs), theme: 'dark', face: 'sans' };
    await fakeBrowser.storage.local.set({ fontPrefs: v2 });
    await fontPrefsItem.migrate();
    expect(await loadFontPrefs()).toEqual(v2);
  });

  it('changing the size keeps the display choices', () => {
    const prefs = { ...migrateFontPrefsV1(dump.fontPrefs), theme: 'sepia' as const, width: 'wide' as const };
    expect(withFontSize(prefs, 'plo.vn', 16, true)).toMatchObject({ theme: 'sepia', width: 'wide' });
    expect(withFontSize(prefs, 'vnexpress.net', 16, false)).toMatchObject({
      size: 16,
      perSite: { 'tuoitre.vn': 28 },
      theme: 'sepia',
      width: 'wide',
    });
  });

  it('unknown or missing choices fall back one by one', () => {
    expect(
      normalizeFontPrefs({ size: 20, perSite: {}, face: 'comic', lineHeight: 'loose', width: 3, theme: 'dark' }),
    ).toEqual({ size: 20, perSite: {}, ...DISPLAY_DEFAULTS, lineHeight: 'loose', theme: 'dark' });
  });
});
