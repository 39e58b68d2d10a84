/**
 * Typefaces bundled with the reading view. Both cover Vietnamese in one font:
 * the latin subset (a–z, punctuation, ₫ is in the other) plus the vietnamese
 * subset (ă â đ ê ô ơ ư and every stacked tone mark), regular and bold. A
 * latin-only subset would leave ơ, ư, đ and the tone marks to a fallback font
 * glyph by glyph.
 *
 * The reader is a shadow root on the news page and Chrome ignores @font-face
 * there, so faces are registered on the document with the FontFace API, from
 * bytes inlined in the script: no web-accessible resource, no fetch, nothing a
 * page's CSP (font-src) can block. Family names carry our prefix so a page's
 * own "Noto Serif" never collides. Italic is synthesized: true italics would
 * add ~60 KB to a script injected on every open.
 */
import { useEffect } from 'preact/hooks';
import type { Typeface } from '@/utils/font-scale';

/** unicode-range of each @fontsource subset (their unicode.json; a unit test keeps them equal). */
export const SUBSET_RANGES = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  vietnamese:
    'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
} as const;
export type Subset = keyof typeof SUBSET_RANGES;

export const BUNDLED_FAMILIES = { serif: 'Doc Gon Serif', sans: 'Doc Gon Sans' } as const;

/** CSS font-family stacks per choice; the bundled face first, then system faces known to cover Vietnamese. */
export const FONT_STACKS: Record<Typeface, string> = {
  serif: `"${BUNDLED_FAMILIES.serif}", "Noto Serif", Georgia, "Times New Roman", serif`,
  sans: `"${BUNDLED_FAMILIES.sans}", "Noto Sans", Arial, sans-serif`,
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
};

/** The bytes of a `data:…;base64,` URL. */
export function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

const registered = new WeakMap<Document, Map<Typeface, Promise<void>>>();

/**
 * Adds the bundled faces of `face` to `doc.fonts`, once per document. Decoding
 * waits until a face is chosen, so the default view pays only for the serif.
 * The bytes are a dynamic import: the library page loads them only when an
 * article is opened (the content script, one file, has them inline anyway).
 */
export function ensureTypeface(doc: Document, face: Typeface): Promise<void> {
  if (face === 'system' || !doc.fonts || typeof FontFace === 'undefined') return Promise.resolve();
  let perDoc = registered.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    registered.set(doc, perDoc);
  }
  let done = perDoc.get(face);
  if (!done) {
    // A face the browser refuses leaves the system fallbacks of the stack in place.
    const warn = (err: unknown) => console.warn('[Đọc Gọn] font not loaded', err);
    done = import('./font-files')
      .then(({ BUNDLED_FILES }) => {
        const faces = BUNDLED_FILES[face].map(
          (f) =>
            new FontFace(BUNDLED_FAMILIES[face], dataUrlBytes(f.data).buffer, {
              weight: String(f.weight),
              style: 'normal',
              unicodeRange: SUBSET_RANGES[f.subset],
            }),
        );
        for (const f of faces) doc.fonts.add(f);
        return Promise.all(faces.map((f) => f.load())).then(() => undefined);
      })
      .catch(warn);
    perDoc.set(face, done);
  }
  return done;
}

/** Registers the chosen face in the document the component renders into. */
export function useTypeface(face: Typeface): void {
  useEffect(() => {
    void ensureTypeface(document, face);
  }, [face]);
}
