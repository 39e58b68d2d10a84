/**
 * Vietnamese number words -> numbers, for 1..99 (enough for counts and list positions in news text).
 * Inputs may be in any case and in NFC or NFD; words are separated by whitespace.
 */

/** Units 1..9 as they stand alone or after "mười" ("mười một" = 11). */
const UNITS: Readonly<Record<string, number>> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7, // northern spelling, common in official texts
  tám: 8,
  chín: 9,
};

/**
 * Unit forms that only occur after a tens word: "mốt" (21, 31…), "tư" (24, 34…), "lăm" (15, 25…).
 * Standalone they mean something else ("tư" = private, "lăm" alone is not a number).
 */
const UNITS_AFTER_TENS: Readonly<Record<string, number>> = { ...UNITS, mốt: 1, tư: 4, lăm: 5 };

/** After "mười" the ones are regular except "lăm" (15) and the rare "tư" (14); "mốt" is not used. */
const UNITS_AFTER_MUOI: Readonly<Record<string, number>> = { ...UNITS, tư: 4, lăm: 5 };

/** Every word that can be part of a number 1..99; used to build regexes that find number phrases. */
export const VI_NUMBER_WORDS: readonly string[] = [
  'một',
  'mốt',
  'hai',
  'ba',
  'bốn',
  'tư',
  'năm',
  'lăm',
  'sáu',
  'bảy',
  'bẩy',
  'tám',
  'chín',
  'mười',
  'mươi',
];

/** Ordinal-only words: "thứ nhất" (1st) and "thứ tư" (4th) replace "một"/"bốn". */
const ORDINAL_ONLY: Readonly<Record<string, number>> = { nhất: 1, tư: 4 };

function words(phrase: string): string[] {
  return phrase.normalize('NFC').toLowerCase().trim().split(/\s+/).filter(Boolean);
}

/**
 * Parses a cardinal number phrase: "bảy" -> 7, "mười hai" -> 12, "mười lăm" -> 15, "hai mươi" -> 20,
 * "hai mươi mốt" -> 21, "ba mươi tư" -> 34. Returns null for anything else (including "không", digits, extra words).
 */
export function parseViNumber(phrase: string): number | null {
  const w = words(phrase);
  const [a, b, c] = w;
  if (a === undefined || w.length > 3) return null;
  if (a === 'mười') {
    if (c !== undefined) return null;
    if (b === undefined) return 10;
    const ones = UNITS_AFTER_MUOI[b];
    return ones === undefined ? null : 10 + ones;
  }
  const lead = UNITS[a];
  if (lead === undefined) return null;
  if (b === undefined) return lead;
  // "X mươi [Y]" with X >= 2: tens.
  if (b !== 'mươi' || lead < 2) return null;
  if (c === undefined) return lead * 10;
  const ones = UNITS_AFTER_TENS[c];
  return ones === undefined ? null : lead * 10 + ones;
}

/**
 * Parses the words after "thứ" in an ordinal: "nhất" -> 1, "hai" -> 2, "tư" -> 4, "bảy"/"bẩy" -> 7,
 * "mười một" -> 11, "hai mươi" -> 20. "một" alone is rejected: the first is always "thứ nhất".
 */
export function parseViOrdinal(phrase: string): number | null {
  const w = words(phrase);
  const [a] = w;
  if (a === undefined) return null;
  if (w.length === 1) {
    const only = ORDINAL_ONLY[a];
    if (only !== undefined) return only;
    if (a === 'một') return null;
  }
  return parseViNumber(phrase);
}
