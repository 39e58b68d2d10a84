/**
 * The bundled typefaces must draw every letter the reading view shows in one
 * font. Some readers' fonts declare only Latin glyphs, so ơ, ư, đ and stacked
 * tone marks fall back glyph by glyph to another font. Here every character of
 * the title, byline, lead and body that our extraction gives on each real
 * corpus page (and the seed) must fall inside the unicode-ranges of the
 * subsets we bundle; the ranges must be the @fontsource packages' own, and the
 * bundled bytes must be woff2 files of exactly the latin + vietnamese subsets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FILES } from '@/components/reader/font-files';
import { dataUrlBytes, SUBSET_RANGES, type Subset } from '@/components/reader/fonts';
import { extractArticle } from '@/utils/extract';
import { loadFixturePages } from '../../scripts/lib/corpus';

const ROOT = process.cwd();

/** Parses a CSS unicode-range list into [from, to] code point pairs. */
function parseRanges(list: string): [number, number][] {
  return list.split(',').map((part) => {
    const m = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(part.trim());
    if (!m?.[1]) throw new Error(`bad range ${part}`);
    const from = Number.parseInt(m[1], 16);
    return [from, m[2] ? Number.parseInt(m[2], 16) : from];
  });
}

const inRanges = (cp: number, ranges: [number, number][]) => ranges.some(([a, b]) => cp >= a && cp <= b);

describe('bundled typefaces', () => {
  for (const [face, files] of Object.entries(BUNDLED_FILES)) {
    it(`${face}: woff2 files of the latin and vietnamese subsets, regular and bold`, () => {
      expect(files.map((f) => `${f.subset}-${f.weight}`).sort()).toEqual([
        'latin-400',
        'latin-700',
        'vietnamese-400',
        'vietnamese-700',
      ]);
      for (const f of files) {
        expect(f.data.startsWith('data:font/woff2;base64,')).toBe(true);
        const bytes = dataUrlBytes(f.data);
        expect(String.fromCharCode(...bytes.slice(0, 4))).toBe('wOF2');
        // The very file of the package, not a stand-in.
        const file = join(
          ROOT,
          'node_modules',
          f.pkg,
          'files',
          `${f.pkg.split('/')[1]}-${f.subset}-${f.weight}-normal.woff2`,
        );
        expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
      }
    });
  }

  it('declares the unicode-ranges the @fontsource packages publish', () => {
    for (const pkg of new Set(Object.values(BUNDLED_FILES).flatMap((fs) => fs.map((f) => f.pkg)))) {
      const published = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'unicode.json'), 'utf8')) as Record<
        Subset,
        string
      >;
      for (const subset of Object.keys(SUBSET_RANGES) as Subset[])
        expect(SUBSET_RANGES[subset]).toBe(published[subset]);
    }
  });

  it('the vietnamese subset alone would not do: it has no a–z', () => {
    expect(inRanges('a'.codePointAt(0) ?? 0, parseRanges(SUBSET_RANGES.vietnamese))).toBe(false);
  });

  it('covers every character the reader shows on the real corpus pages', () => {
    const ranges = parseRanges(`${SUBSET_RANGES.latin},${SUBSET_RANGES.vietnamese}`);
    const missing = new Map<string, string>();
    let checked = 0;
    for (const page of loadFixturePages(ROOT)) {
      const doc = new DOMParser().parseFromString(page.html, 'text/html');
      const article = extractArticle(doc, { url: page.gold.url });
      if (!article) throw new Error(`${page.name}: no article`);
      // The body as the reader renders it (contentHtml) as well as `text`: whatever the page sent
      // (some send tone marks as combining characters) must be covered once extracted.
      const body = new DOMParser().parseFromString(article.contentHtml, 'text/html').body.textContent ?? '';
      const shown = [article.title, article.byline, article.lead, article.siteName, article.text, body].join('\n');
      expect(body.length).toBeGreaterThan(500);
      for (const ch of new Set(shown)) {
        checked++;
        const cp = ch.codePointAt(0) ?? 0;
        if (!inRanges(cp, ranges)) missing.set(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${ch}`, page.name);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('covers the whole Vietnamese alphabet with every tone', () => {
    const ranges = parseRanges(`${SUBSET_RANGES.latin},${SUBSET_RANGES.vietnamese}`);
    const bases = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const letters = [...bases].flatMap((b) => tones.map((t) => (b + t).normalize('NFC'))).concat(['đ', 'Đ', '₫']);
    expect(letters.filter((l) => [...l].some((c) => !inRanges(c.codePointAt(0) ?? 0, ranges)))).toEqual([]);
  });
});
