/** Vietnamese text normalisation: one Unicode form and one kind of space. */

/**
 * Spaces that news CMSs emit between words: NBSP, thin/figure spaces, the BOM
 * that plo.vn leaves inside figures, zero-width spaces and joiners.
 */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff]/g;

/** NFC (VN sites still mix composed and combining diacritics) without invisible characters. */
export function toNfc(text: string): string {
  return text.normalize('NFC').replace(INVISIBLES, '');
}

/** NFC, every run of whitespace (incl. NBSP) becomes one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return toNfc(text).replace(ODD_SPACES, ' ').replace(/\s+/g, ' ').trim();
}

/** Whitespace-separated tokens, the unit the project counts words in. */
export function words(text: string): string[] {
  const t = collapseWhitespace(text);
  return t ? t.split(' ') : [];
}
