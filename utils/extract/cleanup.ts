/**
 * Tidying of the body Readability returns: the headline, sapo, date and byline
 * are shown by the reading view from metadata, so copies inside the body go.
 */
import { parseVietnameseDate } from '../text/dates';
import { collapseWhitespace } from '../text/normalize';
import { sameLead } from './lead';

const BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, blockquote, li, figure, table, ul, ol, section, header, footer';

/** Only a date: weekday, "ngày", digits, separators, GMT offset ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)"). */
const DATE_LINE =
  /^(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày|cập nhật|đăng)[\s,:]*)*[\d/.:\-|,\s]+(?:\s*(?:am|pm))?(?:\s*\(?\s*(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?)?$/i;

const text = (el: Element) => collapseWhitespace(el.textContent ?? '');

/** Leaf-most blocks in document order: the lines a reader sees. One pass, not a query per block. */
function leafBlocks(root: Element): Element[] {
  const all = [...root.querySelectorAll(BLOCKS)];
  const blocks = new Set(all);
  const hasBlockInside = new Set<Element>();
  for (const el of all) {
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      if (blocks.has(p)) {
        hasBlockInside.add(p);
        break;
      }
    }
  }
  return all.filter((el) => !hasBlockInside.has(el) && text(el));
}

function isDateLine(t: string): boolean {
  return t.length <= 60 && DATE_LINE.test(t) && parseVietnameseDate(t) !== null;
}

/** Byline-only line: the known byline, optionally with "(tổng hợp)" or "Theo …". */
function isBylineLine(t: string, byline: string | null): boolean {
  if (!byline || t.length > byline.length + 20) return false;
  const core = t.replace(/^theo\s+/i, '').replace(/\s*\([^)]*\)\s*$/, '');
  return core === byline || byline.split(' - ').includes(core) || core.replace(/\s*[-,]\s*/g, ' - ') === byline;
}

/** Removes `el` and then any ancestors it leaves empty, up to `root`. */
function removeUp(el: Element, root: Element): void {
  let node: Element | null = el;
  while (node && node !== root) {
    const parent: Element | null = node.parentElement;
    node.remove();
    if (!parent || parent === root || text(parent) || parent.querySelector('img')) break;
    node = parent;
  }
}

export interface CleanupInfo {
  title: string | null;
  lead: string | null;
  byline: string | null;
}

/**
 * Drops headline / sapo / date / byline copies from the body, demotes stray
 * h1s. Returns the lead if it turned out to be the body's first block.
 */
export function tidyBody(root: Element, info: CleanupInfo): void {
  // The headline repeated as the first heading.
  for (const h of root.querySelectorAll('h1, h2')) {
    if (info.title && text(h) === info.title) h.remove();
  }
  // h1 is the reading view's own title: demote the rest.
  for (const h of [...root.querySelectorAll('h1')]) {
    const h2 = h.ownerDocument.createElement('h2');
    h2.append(...h.childNodes);
    h.replaceWith(h2);
  }

  const blocks = leafBlocks(root);
  const first = blocks.slice(0, 4);
  const last = blocks.slice(-4);
  for (const el of blocks) {
    const t = text(el);
    const edge = first.includes(el) || last.includes(el);
    // The lead, if Readability kept a copy (exact, or with the dateline prefix).
    if (info.lead && first.includes(el) && (t === info.lead || sameLead(t, info.lead))) removeUp(el, root);
    else if (edge && isDateLine(t)) removeUp(el, root);
    else if (edge && isBylineLine(t, info.byline)) removeUp(el, root);
  }
}

/** Makes link and image URLs absolute; drops hrefs that lead nowhere (#, javascript:). */
export function resolveUrls(root: Element, base: string | undefined): void {
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')?.trim() ?? '';
    let abs: URL | null = null;
    try {
      abs = new URL(href, base);
    } catch {
      abs = null;
    }
    if (!abs || href.startsWith('#') || !/^(?:https?|mailto):$/.test(abs.protocol)) a.removeAttribute('href');
    else a.setAttribute('href', abs.href);
  }
}
