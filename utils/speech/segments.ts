/**
 * The rendered article as a list of utterances, each tied to the block it
 * reads (for the highlight). One block per utterance keeps the highlight in
 * step and avoids the bugs of long utterances: Chrome stops network voices
 * after roughly 15 seconds of one utterance, and some engines drop text past
 * a few thousand characters. Blocks longer than MAX_UTTERANCE_CHARS are cut
 * at sentence, then clause, then word boundaries.
 */
import { BLOCK_TAGS } from '../text/block-tags';
import { collapseWhitespace } from '../text/normalize';

/** ~12 s of Vietnamese at 1x (about 16-18 characters a second), under Chrome's ~15 s cut-off. */
export const MAX_UTTERANCE_CHARS = 200;

export interface SpeechSegment {
  text: string;
  /** The element to highlight while `text` is spoken. */
  block: Element;
}

/** Not read: the offline image placeholder, hidden decoration, separators. */
const SKIP = (el: Element) =>
  el.hasAttribute('data-dg-img') ||
  el.getAttribute('aria-hidden') === 'true' ||
  /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|HR|IMG|svg)$/i.test(el.tagName);

/** Something a voice would say: letters or digits, not a lone "•" or "—". */
const speakable = (text: string) => /[\p{L}\p{N}]/u.test(text);

const hasBlockInside = (el: Element) => Array.from(el.querySelectorAll('*')).some((d) => BLOCK_TAGS.has(d.tagName));

/** Text of an inline subtree; <br> is a space, skipped elements say nothing. */
function inlineText(node: Node): string {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  if (el.tagName === 'BR') return ' ';
  if (SKIP(el)) return '';
  let s = '';
  for (const child of Array.from(el.childNodes)) s += inlineText(child);
  return s;
}

/**
 * Utterances for `root` and everything inside it, in reading order. Works on
 * the reading view's live DOM and on a parsed document alike.
 */
export function speechSegments(root: Element, max = MAX_UTTERANCE_CHARS): SpeechSegment[] {
  const out: SpeechSegment[] = [];
  const push = (raw: string, block: Element) => {
    const text = collapseWhitespace(raw);
    if (!speakable(text)) return;
    for (const piece of splitForSpeech(text, max)) out.push({ text: piece, block });
  };
  const walk = (el: Element) => {
    // A table row is one utterance, its cells read as a list.
    if (el.tagName === 'TR') {
      const cells = Array.from(el.children).map((c) => collapseWhitespace(inlineText(c)));
      push(cells.filter(speakable).join(', '), el);
      return;
    }
    let run = '';
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType !== 1) {
        run += inlineText(child);
        continue;
      }
      const c = child as Element;
      if (SKIP(c)) continue;
      // Blocks (and inline wrappers around blocks, which pages do produce) end the text before them.
      if (BLOCK_TAGS.has(c.tagName) || hasBlockInside(c)) {
        push(run, el);
        run = '';
        walk(c);
      } else run += inlineText(c);
    }
    push(run, el);
  };
  walk(root);
  return out;
}

/** Sentence ends (also before a closing quote or bracket), then clause punctuation, then spaces. */
const LEVELS = [/(?<=[.!?…]["”’»)\]]*)\s+/u, /(?<=[,;:–—])\s+/u, /\s+/u];

/** Cuts `text` into pieces of at most `max` characters at the coarsest boundary that fits. */
export function splitForSpeech(text: string, max = MAX_UTTERANCE_CHARS, level = 0): string[] {
  if (text.length <= max) return [text];
  const sep = LEVELS[level];
  // A single word longer than max (a URL): leave it whole rather than spell out fragments.
  if (!sep) return [text];
  const pieces: string[] = [];
  let cur = '';
  for (const part of text.split(sep)) {
    if (!part) continue;
    const joined = cur ? `${cur} ${part}` : part;
    if (joined.length <= max) {
      cur = joined;
      continue;
    }
    if (cur) pieces.push(cur);
    if (part.length <= max) cur = part;
    else {
      pieces.push(...splitForSpeech(part, max, level + 1));
      cur = '';
    }
  }
  if (cur) pieces.push(cur);
  return pieces;
}
