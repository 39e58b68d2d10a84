/**
 * Vietnamese folding for search: people type "khu cong nghiep" and expect
 * "khu công nghiệp". NFD splits every tone and vowel mark (ă â ê ô ơ ư and the
 * five tones) into combining marks, which are dropped; đ has no decomposition,
 * so it is mapped by hand.
 */
const COMBINING = /[\u0300-\u036f]/g;
const D_STROKE = /[đĐ]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(D_STROKE, 'd').toLowerCase();
}

/** Letters and digits of any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Folded words, in order (duplicates kept). */
export function foldedWords(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Folded words, each once, space separated: a compact search field for a long body. */
export function foldedVocabulary(text: string): string {
  return [...new Set(foldedWords(text))].join(' ');
}
