/**
 * Vietnamese numbered action items ("Thứ nhất, … Thứ bảy, …", "Một là … Hai là …", "1. 2.", "(1) (2)", <ol>)
 * in an extracted article body. Browser-free: standard DOM only, reached through `root.ownerDocument`.
 */

import type { ActionItem, ActionItemList } from '../types';
import { findAnnouncedCount } from './announce';
import { collectUnits, type Unit } from './blocks';
import { BULLET_SOURCE, type MarkerMatch, matchMarker } from './markers';
import { escapeRegExp, normalizeText } from './text';

export { findAnnouncedCount } from './announce';
export { type MarkerKind, type MarkerMatch, matchMarker } from './markers';

/** A list needs two items: a lone "Thứ nhất" or "Một là" is a figure of speech, not a list. */
const MIN_ITEMS = 2;

/**
 * Unmarked blocks allowed between two items of a list. Items often carry a few supporting paragraphs or
 * dash sub-bullets (baochinhphu: four "- …" lines between "(1)" and "(2)"); more than this and a later
 * "2." is more likely a new, unrelated numbering.
 */
const MAX_GAP_BLOCKS = 5;

/** How many blocks before a list's first item may announce its count ("… bảy trọng tâm công tác."). */
const ANNOUNCE_LOOKBACK_BLOCKS = 2;

const ITEM_ATTR = 'data-dg-item';
const MARK_CLASS = 'dg-marker';

/** DOM nodeType constants, spelled out so no `Node` global is needed. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Text nodes that are only spaces or a typed bullet come before the marker's own text node. */
const BLANK_OR_BULLET = new RegExp(`^\\s*(?:${BULLET_SOURCE}\\s*)?$`, 'u');

/** Where the inline "(1)" sits in its text node (mirrors the parser's rule: right after a colon). */
const INLINE_MARK = /:\s*(\(1\))/u;

interface Candidate extends MarkerMatch {
  /** Index into the unit array: gives document order. */
  at: number;
  el: Element;
  /** A chain key: marker kind, or the <ol> it belongs to. */
  key: string;
  /** Only typed markers can be wrapped in <mark>; an <ol> number is not in the text. */
  typed: boolean;
}

interface Run {
  items: Candidate[];
  /** Unmarked blocks seen since the last item. */
  gap: number;
}

/**
 * Finds numbered action-item lists in an extracted article body. Annotates each item's block element with
 * data-dg-item="<listIndex+1>-<n>" and wraps a typed marker in <mark class="dg-marker"> when it sits whole in
 * one text node. Returns the lists in document order (by first item).
 */
export function findActionItems(root: Element): ActionItemList[] {
  clearAnnotations(root);
  const units = collectUnits(root);
  const runs = chainRuns(units.map(toCandidate));
  const lists = runs.map((run) => toList(run, units));
  runs.forEach((run, i) => {
    annotate(run, i + 1);
  });
  return lists;
}

function toCandidate(unit: Unit, at: number): Candidate | null {
  if (unit.ol) {
    const { id, n } = unit.ol;
    return {
      kind: 'dot',
      n,
      marker: String(n),
      text: unit.text,
      prefix: '',
      inline: false,
      at,
      el: unit.el,
      key: `ol:${id}`,
      typed: false,
    };
  }
  const m = matchMarker(unit.text);
  return m ? { ...m, at, el: unit.el, key: m.kind, typed: true } : null;
}

/**
 * Chains candidates of one key into runs 1, 2, 3 … A "1" always starts a new run; a number that is not the
 * next one (a skip, a jump back, or too far away) ends the open run and is dropped. Runs are returned in
 * document order of their first item.
 */
function chainRuns(candidates: readonly (Candidate | null)[]): Run[] {
  const open = new Map<string, Run>();
  const done: Run[] = [];
  const close = (key: string): void => {
    const run = open.get(key);
    if (run && run.items.length >= MIN_ITEMS) done.push(run);
    open.delete(key);
  };
  for (const c of candidates) {
    if (c === null) {
      for (const run of open.values()) run.gap++;
      continue;
    }
    const run = open.get(c.key);
    const last = run?.items.at(-1);
    // Items of one <ol> are adjacent by construction; anything between them is nested content.
    const near = run !== undefined && (c.key.startsWith('ol:') || run.gap <= MAX_GAP_BLOCKS);
    if (run && last && near && c.n === last.n + 1) {
      run.items.push(c);
      run.gap = 0;
    } else {
      close(c.key);
      if (c.n === 1) open.set(c.key, { items: [c], gap: 0 });
    }
  }
  for (const key of Array.from(open.keys())) close(key);
  return done.sort((a, b) => (a.items[0]?.at ?? 0) - (b.items[0]?.at ?? 0));
}

function toList(run: Run, units: readonly Unit[]): ActionItemList {
  const items: ActionItem[] = run.items.map(({ n, marker, text }) => ({ n, marker, text }));
  return { announcedCount: announcedCountFor(run, units), items };
}

/** Looks in the first item's own text before its marker, then in the blocks just before it, nearest first. */
function announcedCountFor(run: Run, units: readonly Unit[]): number | null {
  const first = run.items[0];
  if (!first) return null;
  const texts = [first.prefix];
  for (let i = 1; i <= ANNOUNCE_LOOKBACK_BLOCKS; i++) texts.push(units[first.at - i]?.text ?? '');
  for (const text of texts) {
    const n = findAnnouncedCount(text);
    if (n !== null) return n;
  }
  return null;
}

function clearAnnotations(root: Element): void {
  root.removeAttribute(ITEM_ATTR);
  for (const el of Array.from(root.querySelectorAll(`[${ITEM_ATTR}]`))) el.removeAttribute(ITEM_ATTR);
}

function annotate(run: Run, listNumber: number): void {
  for (const c of run.items) {
    c.el.setAttribute(ITEM_ATTR, `${listNumber}-${c.n}`);
    if (c.typed) wrapMarker(c.el, c.marker, c.inline);
  }
}

/**
 * Wraps the marker in <mark class="dg-marker"> only when it lies whole inside one text node: the opening one
 * (after any bullet-only node), or for an inline "(1)" the node holding ": (1)". Otherwise leaves the DOM alone.
 */
function wrapMarker(block: Element, marker: string, inline: boolean): void {
  if (block.querySelector(`mark.${MARK_CLASS}`)) return; // already wrapped by an earlier call
  const node = inline ? findText(block, (t) => INLINE_MARK.test(t)) : firstMeaningfulText(block);
  if (!node) return;
  const data = (node.nodeValue ?? '').normalize('NFC'); // offsets below are in NFC, so the node must be too
  const pattern = inline
    ? INLINE_MARK
    : new RegExp(`^(?:\\s*(?:${BULLET_SOURCE}\\s*)?)(${escapeRegExp(marker).replace(/ /g, '\\s+')})`, 'u');
  const m = pattern.exec(data);
  const found = m?.[1];
  if (!m || found === undefined || normalizeText(found) !== marker) return;
  const start = m.index + m[0].length - found.length;
  const doc = block.ownerDocument;
  if (node.nodeValue !== data) node.nodeValue = data;
  const markerNode = node.splitText(start);
  markerNode.splitText(found.length);
  const mark = doc.createElement('mark');
  mark.className = MARK_CLASS;
  markerNode.parentNode?.insertBefore(mark, markerNode);
  mark.appendChild(markerNode);
}

/** First text node that is not blank or a lone bullet. */
function firstMeaningfulText(el: Element): Text | null {
  return findText(el, (t) => !BLANK_OR_BULLET.test(t));
}

/** Depth-first search for the first text node whose value `accept`s. */
function findText(el: Element, accept: (text: string) => boolean): Text | null {
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === TEXT_NODE && accept(child.nodeValue ?? '')) return child as Text;
    if (child.nodeType === ELEMENT_NODE) {
      const found = findText(child as Element, accept);
      if (found) return found;
    }
  }
  return null;
}
