/** Recognises the marker that opens a block's text ("Thứ nhất, …", "Một là …", "1. …", "(1) …"). Pure string code. */

import { parseViNumber, parseViOrdinal, VI_NUMBER_WORDS } from '../text/vi-numbers';

/** Marker families; a list only ever chains items of one kind ("1." and "1)" never mix). */
export type MarkerKind = 'ordinal' | 'la' | 'dot' | 'paren' | 'slash' | 'parens';

export interface MarkerMatch {
  kind: MarkerKind;
  n: number;
  /** As written, without punctuation or bullet: "Thứ nhất", "MỘT LÀ", "1", "(1)". */
  marker: string;
  /** The item's own text after the marker and its punctuation. */
  text: string;
  /** Text of the same block before the marker ("" unless the marker is inline). */
  prefix: string;
  /** True for a "(1)" that opens a list at the end of an intro paragraph ("… bao gồm: (1) …"). */
  inline: boolean;
}

/** Bullets that editors type before an ordinal ("- Thứ nhất, …", "• Thứ hai: …"). */
export const BULLET_SOURCE = '[-–—•●▪■◦*+]';

/** JS `\b` is ASCII-only, so Vietnamese words need an explicit "no letter or digit follows". */
const WORD_END = '(?![\\p{L}\\p{N}])';

const NUMBER_WORD = `(?:${VI_NUMBER_WORDS.join('|')})`;
const ORDINAL_WORD = `(?:nhất|${VI_NUMBER_WORDS.join('|')})`;

/**
 * "Thứ nhất, …" / "Thứ hai: …" / "Thứ ba là …" / "Thứ tư – …". Up to three number words ("thứ hai mươi mốt").
 * Punctuation (or "là") after the ordinal is required: without it "Thứ hai tuần trước" is a weekday in prose.
 * The dash form needs spaces around it, as in headings ("Thứ nhất – Tăng cường …").
 */
const ORDINAL = new RegExp(
  `^(?:${BULLET_SOURCE}\\s*)?(thứ (${ORDINAL_WORD}(?: ${ORDINAL_WORD}){0,2}))${WORD_END}` +
    `(?: ?[,:]| là${WORD_END} ?[,:]?| [–—-](?= ))\\s*`,
  'iu',
);

/** "Một là, …" / "Hai là …": a cardinal followed by "là" (the list check later demands "Một là" then "Hai là"). */
const CARDINAL_LA = new RegExp(
  `^(?:${BULLET_SOURCE}\\s*)?((${NUMBER_WORD}(?: ${NUMBER_WORD}){0,2}) là)${WORD_END} ?[,:]?\\s*`,
  'iu',
);

/** "1. " "1) " "1/ " at block start; whitespace must follow so "1.000 tỷ" and "2/3 số" stay prose. */
const DIGIT_PUNCT = /^(\d{1,2})([.)/])\s+/u;

/** "(1) " at block start. */
const DIGIT_PARENS = /^\((\d{1,2})\)\s+/u;

/** An intro paragraph that opens the list inline: "… bao gồm: (1) Miễn phí …". Only "(1)" after a colon. */
const INLINE_FIRST_PARENS = /:\s*(\(1\))\s+(?=\S)/u;

/**
 * What follows "Thứ hai," in a weekday date line: "Thứ năm, 17/9/2026, 07:31", "Thứ Hai, 12/1",
 * "Thứ sáu, ngày 3/5", "Thứ bảy, 7h30". Such lines are dates, never list items. No "-" date separator:
 * "Thứ hai, 2-3 KCN mới …" is a real item. Cost: an item opening with a fraction ("2/3 số …") is missed.
 */
const WEEKDAY_TAIL = /^(?:(?:ngày|mùng|mồng|sáng|trưa|chiều|tối|đêm|lúc) )*\d{1,2}(?:[/.]\d{1,2}|:\d{2}|h|\s?giờ)/iu;

const DIGIT_KIND: Readonly<Record<string, MarkerKind>> = { '.': 'dot', ')': 'paren', '/': 'slash' };

/** Matches the marker that opens `text` (already normalized), or an inline "(1)" after a colon. */
export function matchMarker(text: string): MarkerMatch | null {
  return matchOrdinal(text) ?? matchCardinalLa(text) ?? matchDigits(text) ?? matchInlineFirst(text);
}

function item(kind: MarkerKind, n: number, marker: string, rest: string, prefix = '', inline = false) {
  const text = rest.trim();
  // A marker with nothing after it (a bare "Thứ nhất:" line) gives the reader nothing to jump to.
  if (text === '') return null;
  return { kind, n, marker, text, prefix, inline } satisfies MarkerMatch;
}

function matchOrdinal(text: string): MarkerMatch | null {
  const m = ORDINAL.exec(text);
  const marker = m?.[1];
  const words = m?.[2];
  if (!m || marker === undefined || words === undefined) return null;
  const n = parseViOrdinal(words);
  const rest = text.slice(m[0].length);
  if (n === null || WEEKDAY_TAIL.test(rest)) return null;
  return item('ordinal', n, marker, rest);
}

function matchCardinalLa(text: string): MarkerMatch | null {
  const m = CARDINAL_LA.exec(text);
  const marker = m?.[1];
  const words = m?.[2];
  if (!m || marker === undefined || words === undefined) return null;
  const n = parseViNumber(words);
  return n === null ? null : item('la', n, marker, text.slice(m[0].length));
}

function matchDigits(text: string): MarkerMatch | null {
  const p = DIGIT_PARENS.exec(text);
  if (p?.[1] !== undefined) return item('parens', Number(p[1]), `(${p[1]})`, text.slice(p[0].length));
  const d = DIGIT_PUNCT.exec(text);
  const digits = d?.[1];
  const kind = DIGIT_KIND[d?.[2] ?? ''];
  if (!d || digits === undefined || kind === undefined) return null;
  return item(kind, Number(digits), digits, text.slice(d[0].length));
}

function matchInlineFirst(text: string): MarkerMatch | null {
  const m = INLINE_FIRST_PARENS.exec(text);
  const marker = m?.[1];
  if (!m || marker === undefined) return null;
  const prefix = text.slice(0, m.index + 1);
  return item('parens', 1, marker, text.slice(m.index + m[0].length), prefix, true);
}
