/**
 * Imported first by the popup and library entrypoints: their first storage read
 * (the newest rows and the theme), sent by entrypoints/recent-early.ts before
 * this page's script had loaded, or else now, while the rest of it is evaluated.
 * The User Timing marks show where a page's first paint goes (DevTools, tests/bench/library.ts).
 */
import { browser } from 'wxt/browser';
import type { Theme } from '../font-scale';
import { EARLY_READ_GLOBAL, FONT_PREFS_STORAGE_KEY, RECENT_STORAGE_KEY } from './early-keys';
import { normalizeFontPrefs } from './font-prefs';
import { parseRecent, type Recent } from './saved-recent';

performance.mark('dg:script');

const g = globalThis as Record<string, unknown>;
const sent = g[EARLY_READ_GLOBAL] as Promise<Record<string, unknown>> | undefined;
// Taken once: any later read must see later writes.
delete g[EARLY_READ_GLOBAL];
const first: Promise<Record<string, unknown>> = (
  sent ?? browser.storage.local.get([RECENT_STORAGE_KEY, FONT_PREFS_STORAGE_KEY])
).catch(() => ({}));

export const recentEarly: Promise<Recent | null> = first
  .then((got) => parseRecent(got[RECENT_STORAGE_KEY]))
  .finally(() => performance.mark('dg:recent'));
export const themeEarly: Promise<Theme> = first.then((got) => normalizeFontPrefs(got[FONT_PREFS_STORAGE_KEY]).theme);
