/**
 * Recognises the marker that opens a block's text ("Thứ nhất, …", "Một là …", "Nhiệm vụ thứ hai: …", "Bước 1: …",
 * "1. …", "(1) …", "a) …", "- …") and inline series inside one block ("gồm: (1) …; (2) …"). Pure string code.
 */

import { parseViNumber, parseViOrdinal, VI_NUMBER_WORDS } from '../text/vi-numbers';
import { ANNOUNCE_NOUNS } from './announce';
import { escapeRegExp } from './text';

/** Marker families; a list only ever chains items of one kind ("1." and "1)" never mix). */
export type MarkerKind = 'ordinal' | 'la' | 'named' | 'step' | 'dot' | 'paren' | 'slash' | 'parens' | 'letter' | 'dash';

export interface MarkerMatch {
  kind: MarkerKind;
  /** What items must share to chain: the kind, plus the noun for "Nhiệm vụ thứ …" and "Bước …". */
  group: string;
  n: number;
  /** As written, without trailing punctuation or bullet: "Thứ nhất", "MỘT LÀ", "1", "(1)", "Bước 2", "a)", "-". */
  marker: string;
  /** The item's own text after the marker and its punctuation. */
  text: string;
  /** Text of the same block before the marker ("" unless the marker is inline). */
  prefix: string;
  /** True for a marker inside the block rather than at its start ("… bao gồm: (1) …"). */
  inline: boolean;
}

/**
 * How markers nest: 1 = list items, 2 = lettered sub-items "a)", 3 = dashed sub-items. A lower level belongs to
 * the nearest item of a higher level around it and only stands alone when no such item encloses it.
 */
export const LEVEL: Readonly<Record<MarkerKind, 1 | 2 | 3>> = {
  ordinal: 1,
  la: 1,
  named: 1,
  step: 1,
  dot: 1,
  paren: 1,
  slash: 1,
  parens: 1,
  letter: 2,
  dash: 3,
};

/** Bullets that editors type before an ordinal ("- Thứ nhất, …", "• Thứ hai: …"). */
export const BULLET_SOURCE = '[-–—•●▪■◦*+]';

/** Bullets that make a dashed sub-item on their own. "+" and "*" are a third level or footnotes: left alone. */
const DASH_ITEM = /^([-–—•●▪■◦])\s+(?=\S)/u;

/** JS `\b` is ASCII-only, so Vietnamese words need an explicit "no letter or digit follows". */
const WORD_END = '(?![\\p{L}\\p{N}])';

const NUMBER_WORD = `(?:${VI_NUMBER_WORDS.join('|')})`;
const ORDINAL_WORD = `(?:nhất|${VI_NUMBER_WORDS.join('|')})`;
const ORDINAL_PHRASE = `${ORDINAL_WORD}(?: ${ORDINAL_WORD}){0,2}`;

/**
 * What may follow an ordinal: a comma or colon, "là", or a spaced dash as in headings ("Thứ nhất – Tăng …").
 * Required: without it "Thứ hai tuần trước" is a weekday in prose.
 */
const ORDINAL_PUNCT = `(?: ?[,:]| là${WORD_END} ?[,:]?| [–—-](?= ))`;

/** "Thứ nhất, …" / "Thứ hai: …" / "Thứ ba là …" / "Thứ tư – …". Up to three number words ("thứ hai mươi mốt"). */
const ORDINAL = new RegExp(`^(?:${BULLET_SOURCE}\\s*)?(thứ (${ORDINAL_PHRASE}))${WORD_END}${ORDINAL_PUNCT}\\s*`, 'iu');

/** "Một là, …" / "Hai là …": a cardinal followed by "là" (the list check later demands "Một là" then "Hai là"). */
const CARDINAL_LA = new RegExp(
  `^(?:${BULLET_SOURCE}\\s*)?((${NUMBER_WORD}(?: ${NUMBER_WORD}){0,2}) là)${WORD_END} ?[,:]?\\s*`,
  'iu',
);

/**
 * Heads of named ordinals: the nouns that announce lists name their items too ("Nhiệm vụ thứ nhất:",
 * "Giải pháp thứ hai:"), plus a few that only name parts. "Lần thứ hai," (for the second time) is not one.
 */
const NAMED_HEADS: readonly string[] = [...ANNOUNCE_NOUNS, 'phần', 'mục', 'lĩnh vực', 'câu hỏi', 'kịch bản'];

/**
 * "Nhiệm vụ thứ nhất: …", "Nhóm giải pháp thứ hai – …", "Kiến nghị thứ ba là …". Up to two words may stand
 * between the head and "thứ" ("Nhiệm vụ trọng tâm thứ hai"). The full stop is allowed too: these are often
 * sub-headings ("Giải pháp thứ nhất. Hoàn thiện thể chế").
 */
const NAMED = new RegExp(
  `^(?:${BULLET_SOURCE}\\s*)?((${NAMED_HEADS.map(escapeRegExp).join('|')})(?: \\p{L}+){0,2} thứ (${ORDINAL_PHRASE}))` +
    `${WORD_END}(?:${ORDINAL_PUNCT}| ?\\.)\\s*`,
  'iu',
);

/**
 * "Bước 1: …", "Bước hai – …", "Cách 3. …", "Giai đoạn 1: …". Punctuation is required, so "Bước 2 của quy trình
 * là …" stays prose. A heading may be the bare "Bước 1".
 */
const STEP = new RegExp(
  `^(?:${BULLET_SOURCE}\\s*)?((bước|cách|giai đoạn) (\\d{1,2}|${NUMBER_WORD}(?: ${NUMBER_WORD}){0,2}))${WORD_END}` +
    `(?: ?[:.)]| [–—-](?= )|$)\\s*`,
  'iu',
);

/** "1. " "1) " "1/ " at block start; whitespace must follow so "1.000 tỷ" and "2/3 số" stay prose. */
const DIGIT_PUNCT = /^(\d{1,2})([.)/])(?:\s+|$)/u;

/** "(1) " at block start. */
const DIGIT_PARENS = /^\((\d{1,2})\)(?:\s+|$)/u;

/**
 * Letters of Vietnamese legal numbering, in order: no f, j, w, z, and "đ" after "d" ("a) b) c) d) đ) e) g)").
 * Lowercase only: "A) " is rare, and capitals are initials ("B. Obama").
 */
export const VI_LETTERS = 'abcdđeghiklmnopqrstuvxy';

/** Latin order, for lists written "d) e) f)"; chaining accepts the successor in either alphabet. */
export const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** "a) …", "(b) …", "đ) …" at block start (after any bullet). */
const LETTER = /^(?:[-–—•]\s*)?(\(?([a-zđ])\))\s+(?=\S)/u;

/**
 * Inline markers inside one block: "(2)" or "2)" after a space or clause punctuation. The series must open with
 * "(1)"/"1)" at the block start or right after a colon ("… gồm: (1) …; (2) …"), so a lone cross-reference such
 * as "khoản (1) Điều 5" opens nothing.
 */
const INLINE_MARKERS = /(^|[\s:;,.])(\((\d{1,2})\)|(\d{1,2})\))\s+(?=\S)/gu;

/**
 * What follows "Thứ hai," in a weekday date line: "Thứ năm, 17/9/2026, 07:31", "Thứ Hai, 12/1", "Thứ sáu, ngày 3/5",
 * "Thứ bảy, 7h30". Such lines are dates, never list items. No "-" date separator: "Thứ hai, 2-3 KCN mới …" is an
 * item. A day/month followed by a word that is not a date continuation is a fraction: see FRACTION.
 */
const WEEKDAY_TAIL = /^(?:(?:ngày|mùng|mồng|sáng|trưa|chiều|tối|đêm|lúc) )*\d{1,2}(?:[/.]\d{1,2}|:\d{2}|h|\s?giờ)/iu;

/**
 * "Thứ hai, 2/3 số doanh nghiệp …": a fraction opens the item, not a date. A date "12/1" is followed by the end,
 * punctuation, a year, or one of the words that continue a date; a fraction by the noun it quantifies.
 */
const FRACTION =
  /^(\d{1,2})\/(\d{1,2}) (?!(?:năm|tới|này|vừa|qua|đến|lúc|và|tại|sáng|trưa|chiều|tối|đêm)(?!\p{L}))\p{L}/iu;

/** Weekdays are "Thứ hai" … "Thứ bảy": only those ordinals can be a date. */
const WEEKDAY_MIN = 2;
const WEEKDAY_MAX = 7;

const DIGIT_KIND: Readonly<Record<string, MarkerKind>> = { '.': 'dot', ')': 'paren', '/': 'slash' };

/**
 * Matches the marker that opens `text` (already normalized), or an inline "(1)" after a colon. `bare` accepts a
 * marker with nothing after it ("Thứ nhất", "Bước 1"): right for headings, whose text follows in later blocks.
 */
export function matchMarker(text: string, bare = false): MarkerMatch | null {
  return (
    matchOrdinal(text, bare) ??
    matchNamed(text, bare) ??
    matchCardinalLa(text, bare) ??
    matchStep(text, bare) ??
    matchDigits(text, bare) ??
    matchLetter(text) ??
    matchDash(text) ??
    matchInlineFirst(text)
  );
}

function item(
  kind: MarkerKind,
  n: number,
  marker: string,
  rest: string,
  bare: boolean,
  group: string = kind,
): MarkerMatch | null {
  const text = rest.trim();
  // A marker with nothing after it (a bare "Thứ nhất:" line) gives the reader nothing, unless text follows it.
  if (text === '' && !bare) return null;
  return { kind, group, n, marker, text, prefix: '', inline: false };
}

function matchOrdinal(text: string, bare: boolean): MarkerMatch | null {
  const m = ORDINAL.exec(text) ?? (bare ? bareOrdinal(text) : null);
  const marker = m?.[1];
  const words = m?.[2];
  if (!m || marker === undefined || words === undefined) return null;
  const n = parseViOrdinal(words);
  const rest = text.slice(m[0].length);
  if (n === null || isWeekdayDate(n, rest)) return null;
  return item('ordinal', n, marker, rest, bare);
}

/** A heading that is only "Thứ nhất" (its text follows below). */
function bareOrdinal(text: string): RegExpExecArray | null {
  return new RegExp(`^(thứ (${ORDINAL_PHRASE}))\\s*[.:]?$`, 'iu').exec(text);
}

function isWeekdayDate(n: number, rest: string): boolean {
  if (n < WEEKDAY_MIN || n > WEEKDAY_MAX) return false;
  return WEEKDAY_TAIL.test(rest) && !isFraction(rest);
}

function isFraction(rest: string): boolean {
  const m = FRACTION.exec(rest);
  return m !== null && Number(m[1]) < Number(m[2]);
}

function matchNamed(text: string, bare: boolean): MarkerMatch | null {
  const m = NAMED.exec(text);
  const [, marker, head, words] = m ?? [];
  if (!m || marker === undefined || head === undefined || words === undefined) return null;
  const n = parseViOrdinal(words);
  if (n === null) return null;
  return item('named', n, marker, text.slice(m[0].length), bare, `named:${head.toLowerCase()}`);
}

function matchCardinalLa(text: string, bare: boolean): MarkerMatch | null {
  const m = CARDINAL_LA.exec(text);
  const marker = m?.[1];
  const words = m?.[2];
  if (!m || marker === undefined || words === undefined) return null;
  const n = parseViNumber(words);
  return n === null ? null : item('la', n, marker, text.slice(m[0].length), bare);
}

function matchStep(text: string, bare: boolean): MarkerMatch | null {
  const m = STEP.exec(text);
  const [, marker, head, num] = m ?? [];
  if (!m || marker === undefined || head === undefined || num === undefined) return null;
  const n = /^\d/.test(num) ? Number(num) : parseViNumber(num);
  if (n === null) return null;
  return item('step', n, marker, text.slice(m[0].length), bare, `step:${head.toLowerCase()}`);
}

function matchDigits(text: string, bare: boolean): MarkerMatch | null {
  const series = matchInlineSeries(text);
  if (series && !series[0]?.inline) return series[0] ?? null;
  const p = DIGIT_PARENS.exec(text);
  if (p?.[1] !== undefined) return item('parens', Number(p[1]), `(${p[1]})`, text.slice(p[0].length), bare);
  const d = DIGIT_PUNCT.exec(text);
  const digits = d?.[1];
  const kind = DIGIT_KIND[d?.[2] ?? ''];
  if (!d || digits === undefined || kind === undefined) return null;
  return item(kind, Number(digits), digits, text.slice(d[0].length), bare);
}

function matchLetter(text: string): MarkerMatch | null {
  const m = LETTER.exec(text);
  const [, marker, letter] = m ?? [];
  if (!m || marker === undefined || letter === undefined) return null;
  // n is informative only (lists renumber their items); what chains is isNextLetter().
  const n = letterPosition(letter);
  const group = marker.startsWith('(') ? 'letter:(' : 'letter';
  return item('letter', n, marker, text.slice(m[0].length), false, group);
}

/** 1-based position of a numbering letter: Vietnamese order, else Latin (f, j, w, z). */
function letterPosition(letter: string): number {
  const vi = VI_LETTERS.indexOf(letter);
  return vi >= 0 ? vi + 1 : LATIN_LETTERS.indexOf(letter) + 1;
}

/** True when `next` follows `prev` in Vietnamese ("d" -> "đ") or Latin ("d" -> "e") lettering. */
export function isNextLetter(prev: string, next: string): boolean {
  const p = prev.replace(/[()]/g, '');
  const q = next.replace(/[()]/g, '');
  const vi = VI_LETTERS.indexOf(p);
  const latin = LATIN_LETTERS.indexOf(p);
  return (vi >= 0 && VI_LETTERS[vi + 1] === q) || (latin >= 0 && LATIN_LETTERS[latin + 1] === q);
}

function matchDash(text: string): MarkerMatch | null {
  const m = DASH_ITEM.exec(text);
  const bullet = m?.[1];
  if (!m || bullet === undefined) return null;
  return item('dash', 0, bullet, text.slice(m[0].length), false);
}

function matchInlineFirst(text: string): MarkerMatch | null {
  const series = matchInlineSeries(text);
  return series?.[0]?.inline ? series[0] : null;
}

/**
 * The inline series of a block: "(1) …; (2) …; (3) …" or "… gồm: 1) …; 2) …". Returns the items in order, or
 * null. A series of one is only accepted after a colon ("… bao gồm: (1) …", its "(2)" opens the next paragraph);
 * at the block start a single "(1)" is an ordinary marker.
 */
export function matchInlineSeries(text: string): MarkerMatch[] | null {
  const found: { index: number; end: number; n: number; marker: string; parens: boolean }[] = [];
  for (const m of text.matchAll(INLINE_MARKERS)) {
    const lead = m[1] ?? '';
    const parens = m[3] !== undefined;
    const n = Number(m[3] ?? m[4]);
    const index = (m.index ?? 0) + lead.length;
    const first = found[0];
    if (first === undefined) {
      // The series opens with 1 at the start or after a colon.
      const opens = n === 1 && (index === 0 || /:\s*$/u.test(text.slice(0, index)));
      if (!opens) continue;
    } else if (parens !== first.parens || n !== (found.at(-1)?.n ?? 0) + 1) continue;
    found.push({ index, end: (m.index ?? 0) + m[0].length, n, marker: parens ? `(${n})` : String(n), parens });
  }
  const first = found[0];
  if (first === undefined) return null;
  const inlineStart = first.index > 0;
  // "1) …" at the block start with no "2)" in the block is matched by DIGIT_PUNCT; "1)" inline needs parens or a series.
  if (found.length === 1 && (!inlineStart || !first.parens)) return null;
  const prefix = text.slice(0, first.index).trim();
  const items: MarkerMatch[] = [];
  found.forEach((f, i) => {
    const rest = text.slice(f.end, found[i + 1]?.index ?? text.length).trim();
    if (rest === '') return;
    items.push({
      kind: f.parens ? 'parens' : 'paren',
      group: f.parens ? 'parens' : 'paren',
      n: f.n,
      marker: f.marker,
      text: rest,
      prefix: i === 0 ? prefix : '',
      inline: i > 0 || inlineStart,
    });
  });
  return items.length === found.length ? items : null;
}
