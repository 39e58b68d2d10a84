/** Reading time for Vietnamese text. */
import { words } from './normalize';

/**
 * Vietnamese is written one syllable per whitespace token, so "words" here are
 * syllables (tiếng). No published study gives an adult silent rate for Vietnamese,
 * so the figure is derived from two that do exist:
 * - Brysbaert (2019), "How many words do we read per minute?", J. Memory and
 *   Language 109:104047: adults read English non-fiction silently at 238 words/min,
 *   and other languages at the same message rate, scaled by how many words they
 *   need for the same content;
 * - Trauzettel-Klosinski & Dietz (2012), IReST, IOVS 53(9):5452: reading aloud in
 *   17 languages averages 370 ± 80 syllables/min (silent reading is faster).
 * Our own rough count (not a published figure) puts a Vietnamese rendering of
 * English prose at about 1.3 syllables per English word: 238 × 1.3 ≈ 310. We use
 * 300 because news text is dense with names and figures.
 */
export const VI_WORDS_PER_MINUTE = 300;

export function wordCount(text: string): number {
  return words(text).length;
}

/** Whole minutes, rounded, at least 1. */
export function readingMinutes(wordTotal: number, wpm = VI_WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(wordTotal / wpm));
}
