/**
 * Vietnamese numbered action items ("Thứ nhất, … Thứ bảy, …", "Một là …", "Nhiệm vụ thứ hai: …", "Bước 1: …",
 * "1. 2.", "(1) (2)", <ol>, numbered headings, inline "gồm: (1) …; (2) …", lettered "a) b)" and dashed lists) in an
 * extracted article body. Browser-free: standard DOM only, reached through `root.ownerDocument`.
 *
 * Pipeline: blocks -> marker candidates -> level-1 runs (1, 2, 3 …) -> lettered runs -> dashed groups. A lettered or
 * dashed block inside a list item's range becomes that item's `subItems` (not part of its `text`); outside any item
 * it may stand as a list of its own. Every step is one pass over the blocks.
 */

import type { ActionItem, ActionItemList, ActionSubItem } from '../types';
import { findAnnouncedCount } from './announce';
import { collectUnits, type Unit } from './blocks';
import { BULLET_SOURCE, isNextLetter, LEVEL, type MarkerMatch, matchInlineSeries, matchMarker } from './markers';
import { escapeRegExp, normalizeText, shortTitle } from './text';

export { findAnnouncedCount } from './announce';
export { type MarkerKind, type MarkerMatch, matchInlineSeries, matchMarker } from './markers';
export { shortTitle } from './text';

/** A list needs two items: a lone "Thứ nhất" or "Một là" is a figure of speech, not a list. */
const MIN_ITEMS = 2;

/**
 * Unmarked blocks allowed between two items of a list. Items often carry a few supporting paragraphs; more than
 * this and a later "2." is more likely a new, unrelated numbering. Sub-item blocks ("a)", "- ") do not count.
 */
const MAX_GAP_BLOCKS = 5;

/** Heading items are section titles: their sections are longer than a paragraph item's supporting blocks. */
const MAX_HEADING_GAP_BLOCKS = 15;

/** How many blocks before a list's first item may announce its count ("… bảy trọng tâm công tác."). */
const ANNOUNCE_LOOKBACK_BLOCKS = 2;

/**
 * The section heading that announces a list ("3 hình thức khai thác …", baochinhphu) often stands above an intro
 * paragraph or two, so a heading is looked at a little further back than a paragraph.
 */
const ANNOUNCE_HEADING_LOOKBACK_BLOCKS = 4;

/** Intros of related-news blocks; a list right after one is a set of headlines, not action items. */
const RELATED_INTRO =
  /^(?:tin|bài|video)(?: viết)? (?:liên quan|cùng chuyên mục|đọc nhiều|mới nhất|nổi bật)|^(?:xem|đọc) thêm|^có thể bạn quan tâm|^bạn có thể quan tâm/iu;

/** An intro that opens a dashed list ends with a colon: "… thuộc trường hợp:". */
const INTRO_END = /:\s*$/u;

const ITEM_ATTR = 'data-dg-item';
/** Sub-item blocks carry data-dg-sub="L-N-K" (list, item, sub-item), so the UI can point at them too. */
const SUB_ATTR = 'data-dg-sub';
const MARK_CLASS = 'dg-marker';

/** DOM nodeType constants, spelled out so no `Node` global is needed. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Text nodes that are only spaces or a typed bullet come before the marker's own text node. */
const BLANK_OR_BULLET = new RegExp(`^\\s*(?:${BULLET_SOURCE}\\s*)?$`, 'u');

interface Candidate extends MarkerMatch {
  /** Index into the unit array: gives document order. */
  at: number;
  /** Order among the candidates of one block (inline series). */
  seq: number;
  el: Element;
  level: 1 | 2 | 3;
  /** The chain key: marker group, "h:"-prefixed for headings, or the <ol> it belongs to. */
  key: string;
  heading: boolean;
  /** Only typed markers can be wrapped in <mark>; an <ol> number is not in the text. */
  typed: boolean;
  /** An inline series inside this item's own block ("Thứ nhất, … gồm: (1) …; (2) …"): its sub-items. */
  inlineSubs: MarkerMatch[];
}

interface Run {
  items: Candidate[];
  /** Per item: the blocks [start, end) that belong to it (its sub-items and, for headings, its section). */
  ranges: { start: number; end: number }[];
  /** Per item: its sub-item candidates. */
  subs: Candidate[][];
}

/**
 * Finds numbered action-item lists in an extracted article body. Annotates each item's block element with
 * data-dg-item="<listIndex+1>-<n>" and wraps a typed marker in <mark class="dg-marker"> when it sits whole in one
 * text node. Items 2… of an inline series share their block: their <mark> carries their data-dg-item instead.
 * Returns the lists in document order (by first item).
 */
export function findActionItems(root: Element): ActionItemList[] {
  clearAnnotations(root);
  const units = collectUnits(root);
  const byUnit = units.map(toCandidates);
  const all = byUnit.flat();
  const plain = prefixCounts(byUnit.map((cs) => cs.length === 0));

  // 1. Level-1 lists.
  const primary = chain(
    all.filter((c) => c.level === 1),
    plain,
    null,
  );
  primary.forEach((run) => {
    setRanges(run, units, byUnit);
  });

  // 2. Lettered runs: sub-items of the level-1 item around them, else lists of their own.
  const itemAt = prefixCounts(
    units.map(() => false),
    primary.flatMap((r) => r.items.map((c) => c.at)),
  );
  const lettered: Run[] = [];
  for (const run of chain(
    all.filter((c) => c.level === 2),
    plain,
    itemAt,
  )) {
    const parent = enclosing(primary, run.items[0]?.at ?? -1);
    if (parent)
      parent.run.subs[parent.index]?.push(...run.items.filter((c) => inRange(parent.run, parent.index, c.at)));
    else lettered.push(run);
  }
  lettered.forEach((run) => {
    setRanges(run, units, byUnit);
  });

  // 3. Dashed groups: sub-items of the nearest enclosing item, else a list when a colon intro opens them.
  const dashed: Run[] = [];
  for (const group of dashGroups(byUnit)) {
    const at = group[0]?.at ?? -1;
    const parent = enclosing(lettered, at) ?? enclosing(primary, at);
    if (parent) {
      const subs = parent.run.subs[parent.index];
      if (subs && subs.length === 0) subs.push(...group.filter((c) => inRange(parent.run, parent.index, c.at)));
      continue;
    }
    if (group.length < MIN_ITEMS || !INTRO_END.test(units[at - 1]?.text ?? '')) continue;
    group.forEach((c, i) => {
      c.n = i + 1;
    });
    const run: Run = { items: group, ranges: [], subs: [] };
    setRanges(run, units, byUnit);
    dashed.push(run);
  }

  const runs = [...primary, ...lettered, ...dashed]
    .filter((run) => !isRelatedNews(run, units))
    .sort((a, b) => order(a.items[0]) - order(b.items[0]));
  // A heading's section ends at the next block that opens with a list marker ("up to the next marker").
  const marked = new Set(all.filter((c) => c.level === 1).map((c) => c.at));
  const lists = runs.map((run) => toList(run, units, marked));
  runs.forEach((run, i) => {
    annotate(run, i + 1);
  });
  return lists;
}

/** Document order of a candidate: block, then position inside the block. */
function order(c: Candidate | undefined): number {
  return c ? c.at * 1000 + c.seq : 0;
}

function toCandidates(unit: Unit, at: number): Candidate[] {
  const base = { at, el: unit.el, heading: unit.heading, inlineSubs: [] as MarkerMatch[] };
  // A related-news headline is all link text: never an item, whatever number it carries.
  if (unit.linkOnly) return [];
  if (unit.ol) {
    const { id, n } = unit.ol;
    const m: MarkerMatch = {
      kind: 'dot',
      group: 'dot',
      n,
      marker: String(n),
      text: unit.text,
      prefix: '',
      inline: false,
    };
    return [{ ...m, ...base, seq: 0, level: 1, key: `ol:${id}`, typed: false, heading: false }];
  }
  const head = matchMarker(unit.text, unit.heading);
  const series = matchInlineSeries(unit.text);
  const make = (m: MarkerMatch, seq: number): Candidate => ({
    ...m,
    ...base,
    seq,
    level: LEVEL[m.kind],
    key: unit.headingTag ? `h:${m.group}` : m.group,
    typed: true,
  });
  // "(1) …; (2) …" in one block: the series is the block's items, unless another marker opens the block, in
  // which case the series is that item's sub-items.
  if (series && series.length >= MIN_ITEMS) {
    const opener = head && !head.inline && head.group !== series[0]?.group ? head : null;
    if (!opener) return series.map((m, seq) => ({ ...make(m, seq), key: m.group }));
    return [{ ...make(opener, 0), inlineSubs: series }];
  }
  return head ? [make(head, 0)] : [];
}

/** counts[i] = how many of the first i units are flagged (flags[j], or j listed in `extra`). */
function prefixCounts(flags: readonly boolean[], extra: readonly number[] = []): number[] {
  const marked = [...flags];
  for (const i of extra) marked[i] = true;
  const counts = [0];
  marked.forEach((f, i) => {
    counts.push((counts[i] ?? 0) + (f ? 1 : 0));
  });
  return counts;
}

/** How many flagged units lie strictly between units a and b (a < b). */
function between(counts: readonly number[], a: number, b: number): number {
  return b - a <= 1 ? 0 : (counts[b] ?? 0) - (counts[a + 1] ?? 0);
}

/**
 * Chains candidates of one key into runs 1, 2, 3 … A first item ("1", "a)") always starts a new run; an item that
 * is not the next one (a skip, a jump back, or too far away) ends the open run and is dropped. `plain` counts the
 * unmarked blocks (the gap); `breaks`, when given, counts blocks that end every open run (a level-1 item ends
 * the lettered runs inside the previous item).
 */
function chain(candidates: readonly Candidate[], plain: readonly number[], breaks: readonly number[] | null): Run[] {
  const open = new Map<string, Candidate[]>();
  const done: Run[] = [];
  const close = (key: string): void => {
    const items = open.get(key);
    if (items && items.length >= MIN_ITEMS) {
      // Positions, not the numbers written: lettered lists are numbered 1, 2, 3 … too.
      items.forEach((c, i) => {
        c.n = i + 1;
      });
      done.push({ items, ranges: [], subs: items.map(() => []) });
    }
    open.delete(key);
  };
  for (const c of candidates) {
    const items = open.get(c.key);
    const last = items?.at(-1);
    const maxGap = c.heading ? MAX_HEADING_GAP_BLOCKS : MAX_GAP_BLOCKS;
    // Items of one <ol> are adjacent by construction; anything between them is nested content.
    const near =
      last !== undefined &&
      (c.key.startsWith('ol:') || between(plain, last.at, c.at) <= maxGap) &&
      (breaks === null || between(breaks, last.at, c.at) === 0);
    if (items && last && near && follows(last, c)) items.push(c);
    else {
      close(c.key);
      if (isFirst(c)) open.set(c.key, [c]);
    }
  }
  for (const key of Array.from(open.keys())) close(key);
  return done;
}

function isFirst(c: Candidate): boolean {
  return c.kind === 'letter' ? c.marker.replace(/[()]/g, '') === 'a' : c.n === 1;
}

function follows(last: Candidate, c: Candidate): boolean {
  return c.kind === 'letter' ? isNextLetter(last.marker, c.marker) : c.n === last.n + 1;
}

/**
 * The blocks each item owns. A paragraph item owns the blocks up to the next item; the last one owns only the
 * sub-item blocks right after it. A heading item's text also takes its section (see sectionEnd).
 */
function setRanges(run: Run, units: readonly Unit[], byUnit: readonly Candidate[][]): void {
  const level = run.items[0]?.level ?? 1;
  let longestSection = 0;
  run.items.forEach((c, i) => {
    const next = run.items[i + 1];
    let end: number;
    if (next) end = next.at === c.at ? c.at + 1 : next.at;
    else if (c.heading) end = sectionEnd(c.at, units, byUnit, c.key, longestSection);
    else {
      end = c.at + 1;
      while (end < units.length && (byUnit[end] ?? []).some((s) => s.level > level)) end++;
    }
    if (c.heading && next) longestSection = Math.max(longestSection, sectionEnd(c.at, units, byUnit, c.key) - c.at - 1);
    run.ranges[i] = { start: c.at, end };
    run.subs[i] ??= [];
  });
}

/**
 * Where a heading item's section ends: at the next heading or the next item of its list, or after `cap` blocks
 * (for the last item, the longest earlier section: the article's conclusion is not part of the last item).
 */
function sectionEnd(
  at: number,
  units: readonly Unit[],
  byUnit: readonly Candidate[][],
  key: string,
  cap = Number.POSITIVE_INFINITY,
): number {
  let end = at + 1;
  while (
    end < units.length &&
    end - at - 1 < cap &&
    !units[end]?.heading &&
    !(byUnit[end] ?? []).some((c) => c.key === key)
  )
    end++;
  return end;
}

function inRange(run: Run, index: number, at: number): boolean {
  const r = run.ranges[index];
  return r !== undefined && at > r.start && at < r.end;
}

/** The item whose range holds block `at`, if any. */
function enclosing(runs: readonly Run[], at: number): { run: Run; index: number } | null {
  for (const run of runs) {
    const index = run.ranges.findIndex((_, i) => inRange(run, i, at));
    if (index >= 0) return { run, index };
  }
  return null;
}

/** Runs of consecutive dashed blocks. */
function dashGroups(byUnit: readonly Candidate[][]): Candidate[][] {
  const groups: Candidate[][] = [];
  let current: Candidate[] = [];
  byUnit.forEach((cs) => {
    const dash = cs.length === 1 && cs[0]?.kind === 'dash' ? cs[0] : undefined;
    if (dash) current.push(dash);
    else if (current.length > 0) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A list right after "Tin liên quan" / "Xem thêm" (or that heading one block up) is related news. */
function isRelatedNews(run: Run, units: readonly Unit[]): boolean {
  const at = run.items[0]?.at ?? 0;
  return [units[at - 1], units[at - 2]].some((u) => u !== undefined && RELATED_INTRO.test(u.text));
}

function toList(run: Run, units: readonly Unit[], marked: ReadonlySet<number>): ActionItemList {
  const items: ActionItem[] = run.items.map((c, i) => {
    const subs = run.subs[i] ?? [];
    const own = c.text;
    const text = c.heading ? sectionText(c, run.ranges[i], subs, units, marked) : own;
    const item: ActionItem = { n: c.n, marker: c.marker, text, title: shortTitle(own || text) };
    const subItems: ActionSubItem[] = [...c.inlineSubs, ...subs].map((s) => ({ marker: s.marker, text: s.text }));
    if (subItems.length > 0) item.subItems = subItems;
    return item;
  });
  return { announcedCount: announcedCountFor(run, units), items };
}

/** A heading item's text: the heading after its marker, then its section's blocks (sub-items apart). */
function sectionText(
  c: Candidate,
  range: { start: number; end: number } | undefined,
  subs: readonly Candidate[],
  units: readonly Unit[],
  marked: ReadonlySet<number>,
): string {
  const parts = [c.text];
  const skip = new Set(subs.map((s) => s.at));
  const end = range?.end ?? c.at + 1;
  for (let i = c.at + 1; i < end; i++) {
    const u = units[i];
    if (!u || u.heading || marked.has(i)) break;
    if (skip.has(i)) continue;
    parts.push(u.text);
  }
  return parts.filter(Boolean).join(' ');
}

/**
 * Looks in the first item's own text before its marker, then in the blocks just before it, nearest first, then
 * in the nearest heading a little further up.
 */
function announcedCountFor(run: Run, units: readonly Unit[]): number | null {
  const first = run.items[0];
  if (!first) return null;
  const texts = [first.prefix];
  for (let i = 1; i <= ANNOUNCE_HEADING_LOOKBACK_BLOCKS; i++) {
    const u = units[first.at - i];
    if (!u) break;
    if (i <= ANNOUNCE_LOOKBACK_BLOCKS || u.heading) texts.push(u.text);
    if (u.heading && i > ANNOUNCE_LOOKBACK_BLOCKS) break;
  }
  for (const text of texts) {
    const n = findAnnouncedCount(text);
    if (n !== null) return n;
  }
  return null;
}

function clearAnnotations(root: Element): void {
  for (const attr of [ITEM_ATTR, SUB_ATTR]) {
    root.removeAttribute(attr);
    for (const el of Array.from(root.querySelectorAll(`[${attr}]`))) el.removeAttribute(attr);
  }
}

function annotate(run: Run, listNumber: number): void {
  run.items.forEach((c, i) => {
    const id = `${listNumber}-${c.n}`;
    const ownsBlock = !c.el.hasAttribute(ITEM_ATTR);
    if (ownsBlock) c.el.setAttribute(ITEM_ATTR, id);
    // An inline "2)" is reported as "2" but written with its parenthesis: the <mark> holds what is written.
    const written = c.inline && c.kind === 'paren' ? `${c.marker})` : c.marker;
    const mark = c.typed ? wrapMarker(c.el, written, c.inline) : null;
    // A later item of an inline series shares its block: its anchor is its marker.
    if (!ownsBlock) mark?.setAttribute(ITEM_ATTR, id);
    (run.subs[i] ?? []).forEach((s, k) => {
      if (!s.el.hasAttribute(SUB_ATTR)) s.el.setAttribute(SUB_ATTR, `${id}-${k + 1}`);
    });
  });
}

/**
 * Wraps the marker in <mark class="dg-marker"> only when it lies whole inside one text node: the opening one
 * (after any bullet-only node), or for an inline marker the node holding it after a space or punctuation.
 * Otherwise leaves the DOM alone. Returns the <mark>, or null.
 */
function wrapMarker(block: Element, marker: string, inline: boolean): Element | null {
  const literal = escapeRegExp(marker).replace(/ /g, '\\s+');
  // Already wrapped by an earlier call: reuse it (an inline item's anchor lives on it).
  const done = Array.from(block.querySelectorAll(`mark.${MARK_CLASS}`)).find((m) => m.textContent === marker);
  if (done) return done;
  if (!inline && block.querySelector(`mark.${MARK_CLASS}`)) return null;
  const pattern = inline
    ? new RegExp(`(?:^|[\\s:;,.])(${literal})(?=\\s)`, 'u')
    : new RegExp(`^(?:\\s*(?:${BULLET_SOURCE}\\s*)?)(${literal})`, 'u');
  const node = inline
    ? findText(block, (t) => pattern.test(t.normalize('NFC')))
    : findText(block, (t) => !BLANK_OR_BULLET.test(t));
  if (!node) return null;
  const data = (node.nodeValue ?? '').normalize('NFC'); // offsets below are in NFC, so the node must be too
  const m = pattern.exec(data);
  const found = m?.[1];
  if (!m || found === undefined || normalizeText(found) !== marker) return null;
  const start = m.index + m[0].length - found.length;
  if (node.nodeValue !== data) node.nodeValue = data;
  const markerNode = node.splitText(start);
  markerNode.splitText(found.length);
  const mark = block.ownerDocument.createElement('mark');
  mark.className = MARK_CLASS;
  markerNode.parentNode?.insertBefore(mark, markerNode);
  mark.appendChild(markerNode);
  return mark;
}

/** Depth-first search for the first text node whose value `accept`s. */
function findText(el: Element, accept: (text: string) => boolean): Text | null {
  for (let child = el.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE && accept(child.nodeValue ?? '')) return child as Text;
    if (child.nodeType === ELEMENT_NODE) {
      const found = findText(child as Element, accept);
      if (found) return found;
    }
  }
  return null;
}
