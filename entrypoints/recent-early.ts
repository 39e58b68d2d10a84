import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_READ_GLOBAL, FONT_PREFS_STORAGE_KEY, RECENT_STORAGE_KEY } from '@/utils/storage/early-keys';

/**
 * Loaded `async` by popup.html and library.html: sends the pages' first storage
 * read (the newest rows and the theme) as soon as this small file arrives,
 * instead of after the page's script (~50-65 KB) has loaded and run. The browser
 * API is used bare, without the polyfill, which would put that weight back in
 * front of the read: Chromium's MV3 API and Firefox's `browser` both return promises.
 * utils/storage/recent-early.ts takes the result.
 */
export default defineUnlistedScript(() => {
  const g = globalThis as unknown as Record<string, unknown> & { browser?: typeof chrome };
  const api = g.browser ?? chrome;
  performance.mark('dg:early');
  g[EARLY_READ_GLOBAL] = api.storage.local.get([RECENT_STORAGE_KEY, FONT_PREFS_STORAGE_KEY]);
});
