/** Turns an article body into "units": the blocks a reader sees as paragraphs, in document order. DOM only. */

import { BLOCK_TAGS } from '../text/block-tags';
import { normalizeText } from './text';

export interface Unit {
  /** The block element that carries data-dg-item when this unit is a list item. */
  el: Element;
  /** Normalized text (NFC, single spaces). */
  text: string;
  /** Set for an item of a real <ol>: which <ol> (per call) and its 1-based position. */
  ol: { id: number; n: number } | null;
  /** An h1–h6, or a short paragraph that is bold from end to end (a "bold lead-in" sub-heading). */
  heading: boolean;
  /** A real h1–h6: its items chain only with other headings, so "1." paragraphs below cannot break them. */
  headingTag: boolean;
  /** All of its text sits inside links: a related-news headline, never an action item. */
  linkOnly: boolean;
}

/** Never reader-visible text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const LIST_TAGS = new Set(['OL', 'UL']);

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Bold inline tags that make a paragraph a lead-in heading when they cover all of it. */
const BOLD_TAGS = new Set(['STRONG', 'B']);

/** A bold paragraph longer than this is an emphasised paragraph, not a sub-heading. */
const MAX_LEAD_IN_WORDS = 30;

/** Text left outside the bold or link that does not count against it: spaces and punctuation. */
const INSIGNIFICANT = /^[\s\p{P}]*$/u;

/** DOM nodeType constants, spelled out so no `Node` global is needed. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A numbered item that repeats its own number in the text ("<li>1. Nội dung</li>"); stripped from the item text. */
const OWN_NUMBER = /^(?:\((\d{1,2})\)|(\d{1,2})[.)/])\s+/u;

/** Collects the units of `root` in document order. */
export function collectUnits(root: Element): Unit[] {
  const units: Unit[] = [];
  const state = { nextOlId: 0 };
  if (isLeaf(root)) pushLeaf(units, root);
  else visitChildren(root, units, state);
  return units;
}

function visitChildren(parent: Element, units: Unit[], state: { nextOlId: number }): void {
  for (const child of elementChildren(parent)) visit(child, units, state);
}

function visit(el: Element, units: Unit[], state: { nextOlId: number }): void {
  if (SKIP_TAGS.has(el.tagName)) return;
  const items = orderedItems(el);
  if (items) {
    const id = state.nextOlId++;
    items.forEach((li, i) => {
      const n = i + 1;
      const text = stripOwnNumber(textOf(li, true), n);
      units.push({
        el: li,
        text,
        ol: { id, n },
        heading: false,
        headingTag: false,
        linkOnly: coveredBy(li, LINK_TAGS),
      });
      visitNestedLists(li, units, state);
    });
    return;
  }
  if (!BLOCK_TAGS.has(el.tagName) && !hasBlockDescendant(el)) return; // inline content of a non-leaf parent
  if (isLeaf(el)) pushLeaf(units, el);
  else visitChildren(el, units, state);
}

/** Lists nested in an <ol> item are visited on their own; the item's other blocks belong to its text. */
function visitNestedLists(el: Element, units: Unit[], state: { nextOlId: number }): void {
  for (const child of elementChildren(el)) {
    if (LIST_TAGS.has(child.tagName)) visit(child, units, state);
    else if (child.querySelector('ol, ul')) visitNestedLists(child, units, state);
  }
}

/**
 * The <li> items of an <ol> that counts as a numbered list: at least two items with text, numbering from 1.
 * An <ol start="3"> continues a list cut by the CMS and so cannot start one.
 */
function orderedItems(el: Element): Element[] | null {
  if (el.tagName !== 'OL') return null;
  const start = el.getAttribute('start');
  if (start !== null && start.trim() !== '1') return null;
  const items = elementChildren(el).filter((c) => c.tagName === 'LI' && textOf(c, true) !== '');
  return items.length >= 2 ? items : null;
}

const LINK_TAGS = new Set(['A']);

/**
 * Child elements by sibling links: jsdom's live `children` collection makes elementChildren(el) quadratic in
 * the number of children (3,000 paragraphs took a second).
 */
function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c !== null; c = c.nextElementSibling) out.push(c);
  return out;
}

function pushLeaf(units: Unit[], el: Element): void {
  const text = textOf(el, false);
  if (text === '') return;
  const headingTag = HEADING_TAGS.has(el.tagName);
  const heading = headingTag || (text.split(' ').length <= MAX_LEAD_IN_WORDS && coveredBy(el, BOLD_TAGS));
  units.push({ el, text, ol: null, heading, headingTag, linkOnly: coveredBy(el, LINK_TAGS) });
}

/**
 * True when every significant character of `el` lies inside an element with one of `tags` (bold for lead-ins,
 * links for headlines), and there is such text at all. Nested lists are outside the question.
 */
function coveredBy(el: Element, tags: ReadonlySet<string>): boolean {
  let inside = false;
  let outside = false;
  const walk = (node: Node, covered: boolean): void => {
    if (outside) return;
    if (node.nodeType === TEXT_NODE) {
      const t = node.nodeValue ?? '';
      if (INSIGNIFICANT.test(t)) return;
      if (covered) inside = true;
      else outside = true;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName;
    if (SKIP_TAGS.has(tag) || (node !== el && LIST_TAGS.has(tag))) return;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child, covered || tags.has(tag));
  };
  walk(el, false);
  return inside && !outside;
}

function isLeaf(el: Element): boolean {
  return !hasBlockDescendant(el);
}

function hasBlockDescendant(el: Element): boolean {
  for (const child of elementChildren(el)) {
    if (BLOCK_TAGS.has(child.tagName) || hasBlockDescendant(child)) return true;
  }
  return false;
}

/** Normalized text; <br> and block boundaries become spaces so words never glue together. */
export function textOf(el: Element, skipNestedLists: boolean): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName;
    if (SKIP_TAGS.has(tag) || (skipNestedLists && node !== el && LIST_TAGS.has(tag))) return;
    if (tag === 'BR') {
      parts.push(' ');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push(' ');
    for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (block) parts.push(' ');
  };
  walk(el);
  return normalizeText(parts.join(''));
}

function stripOwnNumber(text: string, n: number): string {
  const m = OWN_NUMBER.exec(text);
  return m && Number(m[1] ?? m[2]) === n ? text.slice(m[0].length) : text;
}
