import { storage } from 'wxt/utils/storage';
import {
  COLUMN_WIDTHS,
  type ColumnWidth,
  DEFAULT_FONT_SIZE,
  type FontSize,
  LINE_HEIGHTS,
  type LineHeight,
  snapFontSize,
  TEXT_ALIGNS,
  type TextAlign,
  THEMES,
  type Theme,
  TYPEFACES,
  type Typeface,
} from '../font-scale';
import { FONT_PREFS_STORAGE_KEY } from './early-keys';

/** v1: one global size plus per-site overrides keyed by registrable host. */
export interface FontPrefsV1 {
  size: FontSize;
  perSite: Record<string, FontSize>;
}

/** v2: the display settings beside the size. Only the size has per-site overrides. */
export interface FontPrefs extends FontPrefsV1 {
  face: Typeface;
  lineHeight: LineHeight;
  width: ColumnWidth;
  align: TextAlign;
  theme: Theme;
}

/** The display settings, without the size. */
export type DisplayPrefs = Omit<FontPrefs, keyof FontPrefsV1>;

export const DISPLAY_DEFAULTS: DisplayPrefs = {
  face: 'serif',
  lineHeight: 'normal',
  width: 'normal',
  align: 'left',
  // Follows the OS until the reader picks one.
  theme: 'system',
};

export const FONT_PREFS_FALLBACK: FontPrefs = { size: DEFAULT_FONT_SIZE, perSite: {}, ...DISPLAY_DEFAULTS };

/**
 * v1 -> v2: keeps size and per-site sizes, adds the display defaults. Pure.
 * Display choices already present are kept: a value written without its
 * version key (a context that saw the key removed) must not lose them.
 */
export function migrateFontPrefsV1(v1: unknown): FontPrefs {
  return normalizeFontPrefs(v1);
}

export const fontPrefsItem = storage.defineItem<FontPrefs>(`local:${FONT_PREFS_STORAGE_KEY}`, {
  fallback: FONT_PREFS_FALLBACK,
  version: 2,
  migrations: { 2: migrateFontPrefsV1 },
});

const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

/** Validates a loaded value: sizes off the scale are snapped, unknown choices fall back, junk is dropped. */
export function normalizeFontPrefs(raw: unknown): FontPrefs {
  if (!raw || typeof raw !== 'object') return { ...FONT_PREFS_FALLBACK, perSite: {} };
  const r = raw as Partial<Record<keyof FontPrefs, unknown>>;
  const perSite: Record<string, FontSize> = {};
  if (r.perSite && typeof r.perSite === 'object') {
    for (const [host, size] of Object.entries(r.perSite)) {
      if (typeof size === 'number') perSite[host] = snapFontSize(size);
    }
  }
  const d = DISPLAY_DEFAULTS;
  return {
    size: snapFontSize(r.size),
    perSite,
    face: oneOf(TYPEFACES, r.face, d.face),
    lineHeight: oneOf(Object.keys(LINE_HEIGHTS) as LineHeight[], r.lineHeight, d.lineHeight),
    width: oneOf(Object.keys(COLUMN_WIDTHS) as ColumnWidth[], r.width, d.width),
    align: oneOf(TEXT_ALIGNS, r.align, d.align),
    theme: oneOf(THEMES, r.theme, d.theme),
  };
}

export function effectiveFontSize(prefs: FontPrefs, site: string): FontSize {
  return prefs.perSite[site] ?? prefs.size;
}

/** Applies a new size either globally or for one site only. */
export function withFontSize(prefs: FontPrefs, site: string, size: FontSize, siteOnly: boolean): FontPrefs {
  if (siteOnly) return { ...prefs, perSite: { ...prefs.perSite, [site]: size } };
  const { [site]: _dropped, ...rest } = prefs.perSite;
  return { ...prefs, size, perSite: rest };
}

export async function loadFontPrefs(): Promise<FontPrefs> {
  return normalizeFontPrefs(await fontPrefsItem.getValue());
}

/** Calls `onTheme` on every change of the stored theme (popup and library follow the reader). */
export function watchTheme(onTheme: (theme: Theme) => void): () => void {
  return fontPrefsItem.watch((v) => onTheme(normalizeFontPrefs(v).theme));
}
