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
}

/** Never reader-visible text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const LIST_TAGS = new Set(['OL', 'UL']);

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
  for (const child of Array.from(parent.children)) visit(child, units, state);
}

function visit(el: Element, units: Unit[], state: { nextOlId: number }): void {
  if (SKIP_TAGS.has(el.tagName)) return;
  const items = orderedItems(el);
  if (items) {
    const id = state.nextOlId++;
    items.forEach((li, i) => {
      const n = i + 1;
      units.push({ el: li, text: stripOwnNumber(textOf(li, true), n), ol: { id, n } });
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
  for (const child of Array.from(el.children)) {
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
  const items = Array.from(el.children).filter((c) => c.tagName === 'LI' && textOf(c, true) !== '');
  return items.length >= 2 ? items : null;
}

function pushLeaf(units: Unit[], el: Element): void {
  const text = textOf(el, false);
  if (text !== '') units.push({ el, text, ol: null });
}

function isLeaf(el: Element): boolean {
  return !hasBlockDescendant(el);
}

function hasBlockDescendant(el: Element): boolean {
  for (const child of Array.from(el.children)) {
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
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push(' ');
  };
  walk(el);
  return normalizeText(parts.join(''));
}

function stripOwnNumber(text: string, n: number): string {
  const m = OWN_NUMBER.exec(text);
  return m && Number(m[1] ?? m[2]) === n ? text.slice(m[0].length) : text;
}
