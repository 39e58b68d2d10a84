/** Reading time for Vietnamese text. */
import { words } from './normalize';

/**
 * Vietnamese is written one syllable per token, so "words" here are whitespace
 * tokens (syllables). Adults read Vietnamese news at roughly 200 of them a minute.
 */
export const VI_WORDS_PER_MINUTE = 200;

export function wordCount(text: string): number {
  return words(text).length;
}

/** Whole minutes, rounded, at least 1. */
export function readingMinutes(wordTotal: number, wpm = VI_WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(wordTotal / wpm));
}
