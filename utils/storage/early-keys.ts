/**
 * What the popup and the library read first, named here for entrypoints/recent-early.ts,
 * which must not import the polyfill or the storage wrapper: no imports in this file.
 */
export const RECENT_STORAGE_KEY = 'savedRecent';
export const FONT_PREFS_STORAGE_KEY = 'fontPrefs';
/** Where entrypoints/recent-early.ts leaves its read (a promise of the storage result) for the page. */
export const EARLY_READ_GLOBAL = '__dgEarlyRead';
