/** Text helpers shared by the action-item modules. */

import { collapseWhitespace } from '../text/normalize';

/** NFC (pages and pasted text are sometimes NFD), no zero-width characters, single spaces, trimmed. */
export const normalizeText: (raw: string) => string = collapseWhitespace;

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
