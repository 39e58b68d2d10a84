/** Text helpers shared by the action-item modules. */

import { collapseWhitespace } from '../text/normalize';

/** NFC (pages and pasted text are sometimes NFD), no zero-width characters, single spaces, trimmed. */
export const normalizeText: (raw: string) => string = collapseWhitespace;

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A title longer than this many words is cut: it is a label in a checklist, not the item. */
const TITLE_MAX_WORDS = 12;

/** A first clause shorter than this ("Khai thác, sử dụng …", "Bộ, cơ quan …") is a fragment: the next clause joins it. */
const TITLE_MIN_WORDS = 4;

/**
 * Ends of clauses: ",", ";", ":", ".", "?", "!" or "…" followed by a space or the end. Digits keep their separators
 * ("1.000 tỷ", "2,5%"), which are not followed by a space.
 */
const CLAUSE_END = /[,;:.?!…](?=\s|$)/gu;

/** The first clause of `text` (of at least TITLE_MIN_WORDS words), at most TITLE_MAX_WORDS words (cut with "…"). */
export function shortTitle(text: string): string {
  let clause = text;
  for (const m of text.matchAll(CLAUSE_END)) {
    const head = text.slice(0, m.index).trim();
    if (head.split(' ').length >= TITLE_MIN_WORDS || /[.:;?!]/u.test(m[0])) {
      clause = head;
      break;
    }
  }
  const words = clause.trim().split(' ');
  if (words.length > TITLE_MAX_WORDS) return `${words.slice(0, TITLE_MAX_WORDS).join(' ')}…`;
  return clause.replace(/[\s,;:.?!…–—-]+$/u, '') || clause.trim();
}
