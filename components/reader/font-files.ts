/**
 * The woff2 bytes of the bundled faces (see fonts.ts), inlined by Vite as
 * data: URLs. Kept apart so that extension pages load them on demand.
 */
import sansLatin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?inline';
import sansLatin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?inline';
import sansViet400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?inline';
import sansViet700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2?inline';
import serifLatin400 from '@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff2?inline';
import serifLatin700 from '@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff2?inline';
import serifViet400 from '@fontsource/noto-serif/files/noto-serif-vietnamese-400-normal.woff2?inline';
import serifViet700 from '@fontsource/noto-serif/files/noto-serif-vietnamese-700-normal.woff2?inline';
import type { BUNDLED_FAMILIES, Subset } from './fonts';

export interface BundledFile {
  /** npm package the bytes come from (for the coverage test). */
  pkg: '@fontsource/noto-serif' | '@fontsource/noto-sans';
  subset: Subset;
  weight: 400 | 700;
  /** data: URL of the woff2 file, inlined by Vite. */
  data: string;
}

export const BUNDLED_FILES: Record<keyof typeof BUNDLED_FAMILIES, BundledFile[]> = {
  serif: [
    { pkg: '@fontsource/noto-serif', subset: 'latin', weight: 400, data: serifLatin400 },
    { pkg: '@fontsource/noto-serif', subset: 'vietnamese', weight: 400, data: serifViet400 },
    { pkg: '@fontsource/noto-serif', subset: 'latin', weight: 700, data: serifLatin700 },
    { pkg: '@fontsource/noto-serif', subset: 'vietnamese', weight: 700, data: serifViet700 },
  ],
  sans: [
    { pkg: '@fontsource/noto-sans', subset: 'latin', weight: 400, data: sansLatin400 },
    { pkg: '@fontsource/noto-sans', subset: 'vietnamese', weight: 400, data: sansViet400 },
    { pkg: '@fontsource/noto-sans', subset: 'latin', weight: 700, data: sansLatin700 },
    { pkg: '@fontsource/noto-sans', subset: 'vietnamese', weight: 700, data: sansViet700 },
  ],
};
