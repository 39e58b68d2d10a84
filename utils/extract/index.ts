/**
 * Document + URL -> Article, browser-free. The page is only read, never
 * touched: the part we extract from is copied into a working document first.
 * Each step below is a small module of its own.
 */
import { Readability } from '@mozilla/readability';
import { findActionItems } from '../action-items';
import { newsHostOf } from '../sites/hosts';
import { type SiteRule, siteRuleFor } from '../sites/rules';
import { collapseWhitespace } from '../text/normalize';
import { readingMinutes, wordCount } from '../text/reading-time';
import type { Article } from '../types';
import { resolveUrls, tidyBody } from './cleanup';
import { removeClutter, removeEmpty } from './clutter';
import { fixImages } from './images';
import { findLead, sameLead } from './lead';
import { readMetadata } from './metadata';
import { sanitize } from './sanitize';
import { blockLines } from './text';

export { detectArticle } from './detect';
export { sanitize } from './sanitize';

export interface ExtractOptions {
  /** The page's URL (the document's own URL is used when absent). */
  url?: string;
  /** Window to bind DOMPurify to; defaults to the document's window, then the global one. */
  win?: Window;
  /** false: ignore site rules and run the generic path only (tests prove it carries unseen sites). */
  siteRules?: boolean;
}

/** Below this much body text (and no lead) a page is not an article. */
const MIN_BODY_CHARS = 250;
/** A site-rule body root must hold at least this much text to be trusted. */
const MIN_RULE_BODY_CHARS = 200;
/** Readability's own threshold; our cleaned pages are small, so we lower it. */
const READABILITY_CHAR_THRESHOLD = 200;

/** A prose paragraph is at least this long; teaser summaries on listing pages are shorter. */
const MIN_PROSE_CHARS = 160;

/**
 * Listing pages (section fronts, tag pages) survive Readability as a column of
 * linked headlines with one-line summaries. Headlines that are links
 * outnumbering real paragraphs means there is no article here.
 */
function looksLikeListing(body: Element): boolean {
  let teasers = 0;
  for (const h of body.querySelectorAll('h2, h3, h4')) {
    const t = collapseWhitespace(h.textContent ?? '').length;
    const linked = [...h.querySelectorAll('a')].reduce((n, a) => n + collapseWhitespace(a.textContent ?? '').length, 0);
    if (t && linked / t > 0.8) teasers++;
  }
  if (teasers < 3) return false;
  const prose = [...body.querySelectorAll('p, li, blockquote')].filter(
    (p) => collapseWhitespace(p.textContent ?? '').length >= MIN_PROSE_CHARS,
  ).length;
  return prose < teasers;
}

/**
 * The site rule's body root: the first selector match that holds text and is
 * not inside something the rule removes (tuoitre's hidden popup copy). Null
 * when the layout changed and nothing matches: the generic path takes over.
 */
function ruleBody(doc: Document, rule: SiteRule | null, removeSel: string): Element | null {
  for (const sel of rule?.body ?? []) {
    for (const el of doc.querySelectorAll(sel)) {
      if (removeSel && el.closest(removeSel)) continue;
      if (collapseWhitespace(el.textContent ?? '').length >= MIN_RULE_BODY_CHARS) return el;
    }
  }
  return null;
}

/**
 * Photo stories (tienphong.vn) have no <p>: the text lives in figcaptions,
 * which Readability does not score. Give such captions paragraph form.
 */
function promoteLongCaptions(root: Element): void {
  if (root.querySelector('p')) return;
  for (const cap of [...root.querySelectorAll('figcaption')]) {
    if (collapseWhitespace(cap.textContent ?? '').length < 120) continue;
    const p = cap.ownerDocument.createElement('p');
    p.append(...cap.childNodes);
    const figure = cap.closest('figure');
    (figure ?? cap).after(p);
    cap.remove();
  }
}

/** Element-index path from `root` down to `el` (which it contains). */
function pathTo(root: Element, el: Element): number[] {
  const path: number[] = [];
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    const parent: Element | null = n.parentElement;
    if (!parent) break;
    path.unshift(Array.prototype.indexOf.call(parent.children, n));
  }
  return path;
}

function follow(root: Element, path: number[]): Element | null {
  let n: Element | null = root;
  for (const i of path) n = n?.children[i] ?? null;
  return n;
}

/**
 * A fresh, inert document holding a deep copy of `source` (the rule's body root)
 * or of the page body's children. Cloning only what we read is the main speed
 * lever: the page's head (styles, scripts) and, with a rule, its menus, rails
 * and footer are never copied, and Readability scores a small tree.
 */
function workingDocument(doc: Document, source: Element, url: string): Document {
  const work = doc.implementation.createHTMLDocument('');
  if (url) {
    const base = work.createElement('base');
    base.setAttribute('href', url);
    work.head.append(base);
  }
  if (source === doc.body) for (const n of source.childNodes) work.body.append(work.importNode(n, true));
  else work.body.append(work.importNode(source, true));
  return work;
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): Article | null {
  const pageUrl = options.url ?? (doc.URL && !doc.URL.startsWith('about:') ? doc.URL : undefined);
  const host = (() => {
    try {
      return pageUrl ? new URL(pageUrl).hostname : '';
    } catch {
      return '';
    }
  })();
  const ruleFor = (h: string) => (options.siteRules === false ? null : siteRuleFor(h));

  // 1. Metadata, read from the page itself (read-only; the canonical link may name the host when no URL is given).
  let rule = ruleFor(host);
  let meta = readMetadata(doc, pageUrl, rule);
  if (!rule && meta.url) {
    rule = ruleFor(new URL(meta.url).hostname);
    if (rule) meta = readMetadata(doc, pageUrl, rule);
  }
  const url = meta.url ?? pageUrl ?? '';
  const siteHost = (() => {
    try {
      const h = new URL(url).hostname;
      return newsHostOf(h) ?? h.replace(/^www\./, '');
    } catch {
      return host;
    }
  })();

  // 2. The sapo and the rule's body root, found on the page without touching it.
  const leadMatch = findLead(doc, rule, meta.descriptions);
  let lead = leadMatch?.text ?? null;
  const removeSel = rule?.remove?.join(', ') ?? '';
  const ruleRoot = ruleBody(doc, rule, removeSel);
  const source = ruleRoot ?? doc.body;
  if (!source) return null;

  // 3. Work on a copy of just that part: the live page must never change. The sapo
  // comes out of the copy so Readability neither drops nor duplicates it.
  const work = workingDocument(doc, source, url);
  const workRoot = ruleRoot ? work.body.firstElementChild : work.body;
  if (leadMatch?.element && workRoot && source.contains(leadMatch.element))
    follow(workRoot, pathTo(source, leadMatch.element))?.remove();
  if (removeSel) for (const el of work.body.querySelectorAll(removeSel)) el.remove();

  // 4. Generic Vietnamese clutter (related boxes, labels, share bars, hidden widgets).
  const headline = [...work.getElementsByTagName('h1')].find(
    (h) => collapseWhitespace(h.textContent ?? '') === meta.title,
  );
  removeClutter(
    work.body,
    [ruleRoot ? workRoot : null, headline].filter((e): e is Element => !!e),
  );

  // 5. Lazy images and photo-story captions.
  fixImages(work.body, url || undefined);
  promoteLongCaptions(work.body);

  // 6. Readability on the cleaned copy; we keep its element, not a string.
  // Readability deletes the first heading that resembles the title. Give it the real
  // title to delete, or it takes a subheading ("Vay ngân hàng mua biệt thự", plo.vn).
  const title0 = meta.title;
  if (title0) {
    const decoy = work.createElement('h1');
    decoy.textContent = title0;
    work.body.prepend(decoy);
  }
  const parsed = new Readability<Element>(work, {
    charThreshold: READABILITY_CHAR_THRESHOLD,
    serializer: (el) => el as Element,
  }).parse();
  const body = parsed?.content;
  if (!parsed || !body) return null;

  // 7. Headline / sapo / date / byline copies inside the body.
  const title = meta.title ?? collapseWhitespace(parsed.title ?? '');
  // No visible sapo: the body's first block may be it, when it is also the meta description.
  if (!lead) {
    const firstBlock = body.querySelector('p');
    const t = collapseWhitespace(firstBlock?.textContent ?? '');
    if (firstBlock && t && meta.descriptions.some((d) => sameLead(t, d))) {
      lead = t;
      firstBlock.remove();
    }
  }
  tidyBody(body, { title, lead, byline: meta.byline });
  removeEmpty(body);
  resolveUrls(body, url || undefined);

  // 8. Action items annotate their blocks (data-dg-item) before sanitizing.
  const lists = findActionItems(body);

  // 9. Text and the length gate.
  const text = blockLines(body).join('\n');
  if ((text.length < MIN_BODY_CHARS && !lead) || looksLikeListing(body)) return null;

  // 10. Sanitize: the only way out for HTML.
  const contentHtml = sanitize(body, options.win ?? doc.defaultView ?? undefined);

  const words = wordCount(`${lead ?? ''} ${text}`);
  return {
    url,
    site: siteHost,
    siteName: meta.siteName ?? siteHost,
    title: title || collapseWhitespace(parsed.title ?? ''),
    byline: meta.byline,
    publishedTime: meta.publishedTime,
    lead,
    excerpt: lead ?? meta.descriptions[0] ?? text.slice(0, 200),
    contentHtml,
    text,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    actionItems: { lists },
  };
}
