/**
 * The sapo (lead / standfirst): the bold paragraph under a Vietnamese
 * headline. Readability often drops it or keeps it inside the body; we take it
 * out of the page before Readability runs and show it exactly once.
 */
import type { SiteRule } from '../sites/rules';
import { collapseWhitespace } from '../text/normalize';

/** Class names sites give their sapo, for pages without a site rule. */
const GENERIC_LEAD_SELECTORS = [
  '.sapo',
  '.article__sapo',
  '.detail-sapo',
  '.singular-sapo',
  '.knc-sapo',
  '.the-article-summary',
  'p.description',
  '.article-summary',
  '.summary',
  '.lead',
  '[class*="sapo"]',
];

/** Parts of the sapo element that are not sapo text (vnexpress "TP HCM" dateline stamp). */
const NOT_LEAD_PARTS = ['.location-stamp', 'a[href*="javascript"]', 'script', 'style'];

export interface LeadMatch {
  text: string;
  element: Element | null;
}

const clean = (s: string | null | undefined) => collapseWhitespace(s ?? '');

function textWithout(el: Element, selectors: string[]): string {
  const copy = el.cloneNode(true) as Element;
  for (const s of selectors) for (const x of copy.querySelectorAll(s)) x.remove();
  return clean(copy.textContent);
}

/**
 * Does visible text `t` show the meta description `d`? Visible sapos carry a
 * prefix the meta lacks ("(Chinhphu.vn) - ", "TPO - "); meta copies may be truncated.
 */
export function sameLead(t: string, d: string): boolean {
  if (!t || !d) return false;
  if (t === d) return true;
  if (t.includes(d) && t.length - d.length <= 40) return true;
  const head = d.replace(/\s*(?:\.\.\.|…)$/, '');
  return head.length >= 60 && t.includes(head.slice(0, Math.min(head.length, 120)));
}

/** Finds the sapo: the site's selector, a generic sapo class, or a block that shows a meta description. */
export function findLead(doc: Document, rule: SiteRule | null, descriptions: string[]): LeadMatch | null {
  const pick = (el: Element | null): LeadMatch | null => {
    if (!el) return null;
    const text = textWithout(el, NOT_LEAD_PARTS);
    return text.length >= 30 ? { text, element: el } : null;
  };
  for (const sel of rule?.lead ?? []) {
    const m = pick(doc.querySelector(sel));
    if (m) return m;
  }
  for (const sel of GENERIC_LEAD_SELECTORS) {
    for (const el of doc.querySelectorAll(sel)) {
      const m = pick(el);
      // A generic class alone is weak evidence: require agreement with a description when there is one.
      if (m && (!descriptions.length || descriptions.some((d) => sameLead(m.text, d)))) return m;
    }
  }
  // Any short block that shows the meta description (dantri's sapo is an unnamed h2).
  if (descriptions.length) {
    for (const el of doc.querySelectorAll('h2, p, div, span')) {
      if (el.querySelector('p, div, h2')) continue;
      const t = clean(el.textContent);
      if (t.length < 30 || t.length > 1200) continue;
      if (descriptions.some((d) => sameLead(t, d))) return pick(el);
    }
  }
  return null;
}

/** Meta description as a last-resort lead when the page shows none. */
export function leadFromMeta(descriptions: string[]): string | null {
  const d = descriptions.find((x) => x.length >= 60 && !/(?:\.\.\.|…)$/.test(x));
  return d ?? null;
}
