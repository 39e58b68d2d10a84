import { storage } from 'wxt/utils/storage';
import { DEFAULT_FONT_SIZE, type FontSize, snapFontSize } from '../font-scale';

/** v1: one global size plus per-site overrides keyed by registrable host. */
export interface FontPrefs {
  size: FontSize;
  perSite: Record<string, FontSize>;
}

export const FONT_PREFS_FALLBACK: FontPrefs = { size: DEFAULT_FONT_SIZE, perSite: {} };

export const fontPrefsItem = storage.defineItem<FontPrefs>('local:fontPrefs', {
  fallback: FONT_PREFS_FALLBACK,
  version: 1,
});

/** Validates a loaded value: sizes off the scale are snapped, junk is dropped. */
export function normalizeFontPrefs(raw: unknown): FontPrefs {
  if (!raw || typeof raw !== 'object') return { ...FONT_PREFS_FALLBACK, perSite: {} };
  const r = raw as Partial<FontPrefs>;
  const perSite: Record<string, FontSize> = {};
  if (r.perSite && typeof r.perSite === 'object') {
    for (const [host, size] of Object.entries(r.perSite)) {
      if (typeof size === 'number') perSite[host] = snapFontSize(size);
    }
  }
  return { size: snapFontSize(r.size), perSite };
}

export function effectiveFontSize(prefs: FontPrefs, site: string): FontSize {
  return prefs.perSite[site] ?? prefs.size;
}

/** Applies a new size either globally or for one site only. */
export function withFontSize(prefs: FontPrefs, site: string, size: FontSize, siteOnly: boolean): FontPrefs {
  if (siteOnly) return { ...prefs, perSite: { ...prefs.perSite, [site]: size } };
  const { [site]: _dropped, ...rest } = prefs.perSite;
  return { size, perSite: rest };
}

export async function loadFontPrefs(): Promise<FontPrefs> {
  return normalizeFontPrefs(await fontPrefsItem.getValue());
}
