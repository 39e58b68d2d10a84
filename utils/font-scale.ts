/**
 * The reading view's text-size scale. Fixed steps (not free pixels) so that
 * A− / A+ are predictable and a remembered size is always one of them.
 * Finer steps at the small end, where 1 px is visible; 2 px above 18.
 */
export const FONT_SIZES = [12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30, 32] as const;
export type FontSize = (typeof FONT_SIZES)[number];

export const DEFAULT_FONT_SIZE: FontSize = 20;

export const FONT_PRESETS = [
  { key: 'presetSmall', size: 16 },
  { key: 'presetMedium', size: 20 },
  { key: 'presetLarge', size: 24 },
  { key: 'presetXLarge', size: 28 },
] as const satisfies readonly { key: string; size: FontSize }[];

/** Snaps any number (e.g. from an old or corrupt record) to the nearest step. */
export function snapFontSize(px: unknown): FontSize {
  if (typeof px !== 'number' || !Number.isFinite(px)) return DEFAULT_FONT_SIZE;
  let best: FontSize = FONT_SIZES[0];
  for (const s of FONT_SIZES) if (Math.abs(s - px) < Math.abs(best - px)) best = s;
  return best;
}

export function stepFontSize(current: number, direction: 1 | -1): FontSize {
  const i = FONT_SIZES.indexOf(snapFontSize(current));
  const next = Math.min(FONT_SIZES.length - 1, Math.max(0, i + direction));
  return FONT_SIZES[next] ?? DEFAULT_FONT_SIZE;
}

/**
 * Display choices beside the size. Stored as keys, never as CSS values, so a
 * later retune of a value does not need a storage migration.
 * Line heights are unitless (they follow the size); widths are in em of the
 * body text, so a larger size keeps the same words per line.
 */
export const TYPEFACES = ['serif', 'sans', 'system'] as const;
export type Typeface = (typeof TYPEFACES)[number];

export const LINE_HEIGHTS = { compact: 1.5, normal: 1.7, loose: 1.95 } as const;
export type LineHeight = keyof typeof LINE_HEIGHTS;

// 34em is about 70 Vietnamese characters at the default size (syllables are short, spaces many).
export const COLUMN_WIDTHS = { narrow: '28em', normal: '34em', wide: '42em' } as const;
export type ColumnWidth = keyof typeof COLUMN_WIDTHS;

export const TEXT_ALIGNS = ['left', 'justify'] as const;
export type TextAlign = (typeof TEXT_ALIGNS)[number];

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
