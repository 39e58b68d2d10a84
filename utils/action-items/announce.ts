/** Finds the count an article announces before a list: "… bảy trọng tâm công tác." -> 7. Pure string code. */

import { parseViNumber, VI_NUMBER_WORDS } from '../text/vi-numbers';
import { escapeRegExp } from './text';

/**
 * Nouns that head an announced enumeration in Vietnamese news and official texts. The number must stand
 * directly before one of them, so "Năm 2024", "2 đến 5 KCN" or "500 triệu" never count.
 */
export const ANNOUNCE_NOUNS: readonly string[] = [
  // From the brief: the heads seen in government and policy articles.
  'nhiệm vụ',
  'giải pháp',
  'trọng tâm',
  'điểm',
  'bước',
  'yêu cầu',
  'kiến nghị',
  'nhóm',
  'nội dung',
  'mục tiêu',
  'biện pháp',
  'vấn đề',
  'chính sách',
  'lưu ý',
  'đột phá',
  // Other common heads of announced lists ("3 hình thức", "ba trường hợp", "hai nguyên tắc", "ba việc cần làm").
  'hình thức',
  'trường hợp',
  'nguyên tắc',
  'định hướng',
  'đề xuất',
  'lý do',
  'lí do',
  'việc',
  'quan điểm',
  'bài học',
  'tiêu chí',
  'điều kiện',
  'ưu tiên',
  'trụ cột',
  'thách thức',
  'yếu tố',
  'phương án',
];

/** Counts of 0 or 1 are prose ("một trong những giải pháp"), not an announced list. */
const MIN_ANNOUNCED = 2;

/** A number word right after "thứ" is an ordinal ("lần thứ hai bước lên đỉnh" = for the second time, steps up). */
const WORD_START = '(?<![\\p{L}\\p{N}])(?<!thứ )';
const WORD_END = '(?![\\p{L}\\p{N}])';

/**
 * A number (1–2 digits, or up to three number words) right before a listed noun. Digits must not follow
 * another digit or "/", "." or "," ("2,5 điểm", "1/3 nhóm"); "điểm phần trăm" is a change, not a count.
 */
const ANNOUNCE = new RegExp(
  `(?:(?<![\\p{N}/.,])(\\d{1,2})|${WORD_START}((?:${VI_NUMBER_WORDS.join('|')})(?: (?:${VI_NUMBER_WORDS.join('|')})){0,2}))` +
    ` (?:${ANNOUNCE_NOUNS.map(escapeRegExp).join('|')})${WORD_END}(?! phần trăm| %)`,
  'giu',
);

/**
 * The number in the last announcing phrase of `text` (normalized), or null. Word numbers may pick up a
 * preceding number word ("trong năm ba nhiệm vụ"): the longest tail that parses wins.
 */
export function findAnnouncedCount(text: string): number | null {
  let found: number | null = null;
  for (const m of text.matchAll(ANNOUNCE)) {
    const n = m[1] !== undefined ? Number(m[1]) : parseWordTail(m[2] ?? '');
    if (n !== null && n >= MIN_ANNOUNCED) found = n;
  }
  return found;
}

function parseWordTail(phrase: string): number | null {
  const words = phrase.split(' ');
  for (let start = 0; start < words.length; start++) {
    const n = parseViNumber(words.slice(start).join(' '));
    if (n !== null) return n;
  }
  return null;
}
