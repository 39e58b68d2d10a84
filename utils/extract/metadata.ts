/**
 * Article metadata read from the untouched page: title, byline, date, site
 * name, canonical URL and the page's own description. Reads only; never mutates.
 */
import type { SiteRule } from '../sites/rules';
import { normalizeIsoDate, parseVietnameseDate } from '../text/dates';
import { collapseWhitespace } from '../text/normalize';
import { decodeEntities } from './entities';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
  /** Canonical URL: <link rel=canonical>, else og:url, else the URL we were given. */
  url: string | null;
  /** Meta / JSON-LD descriptions, used to recognise and recover the sapo. */
  descriptions: string[];
  /** og:type=article or a JSON-LD (News)Article is present. */
  declaresArticle: boolean;
}

/** Separators between a headline and a site-name suffix in <title> / og:title. */
const TITLE_SUFFIX = /\s+[|\-–—:]\s+[^|\-–—]{2,40}$/;
/** JSON-LD types that describe an article page. */
const ARTICLE_TYPES = /^(?:News|Report|Blog|Analysis|Opinion)?Article$|^BlogPosting$|^LiveBlogPosting$/;
/** Bylines that are really the site or an organisation ("VnExpress", "VCCorp.vn", a URL). */
const NOT_A_PERSON = /(?:https?:|www\.|\.(?:vn|com|net)\b|^báo\b|online|tòa soạn|^admin$)/i;
/** "Theo Hồ Hương" (cafef) -> "Hồ Hương"; "Hà Thu (tổng hợp)" -> "Hà Thu". */
const BYLINE_NOISE = [
  /^\s*(?:theo|bài(?: và ảnh)?|ảnh|tác giả)\s*:?\s+/i,
  /\s*\((?:tổng hợp|theo [^)]*|ảnh[^)]*)\)\s*$/i,
];

/** Where a visible date line lives when the page has no machine-readable date; first parseable wins. */
const VISIBLE_DATE_SELECTORS: ReadonlyArray<[selector: string, reason: string]> = [
  ['time', 'semantic date element'],
  ['[class*="date"], [class*="time"]', 'most CMSs ("date-time", "the-article-publish time")'],
  ['[class*="publish"], [class*="meta"]', 'meta line under the headline ("article-meta", "meta")'],
];
/** A visible date line is short; longer text is a paragraph that mentions a date. */
const MAX_DATE_LINE = 60;

const clean = (s: string | null | undefined) => (s ? collapseWhitespace(decodeEntities(s)) : '');

type MetaMap = Map<string, string>;

/** All <meta> contents by property / name / itemprop, first one wins. One DOM pass (jsdom selectors are slow). */
function metaMap(doc: Document): MetaMap {
  const map: MetaMap = new Map();
  for (const m of doc.getElementsByTagName('meta')) {
    const key = m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop');
    const v = clean(m.getAttribute('content'));
    if (key && v && !map.has(key)) map.set(key, v);
  }
  return map;
}

function metaContent(metas: MetaMap, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = metas.get(key);
    if (v) return v;
  }
  return null;
}

type JsonObject = Record<string, unknown>;

/** Every JSON-LD object on the page, @graph and arrays flattened. Malformed blocks are skipped. */
export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as JsonObject;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  // getElementsByTagName, not an attribute selector: it is many times faster on big pages in jsdom.
  for (const s of doc.getElementsByTagName('script')) {
    if (s.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // Sites ship broken JSON-LD (trailing commas, raw newlines); the other sources cover it.
    }
  }
  return out;
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

export function isArticleLd(o: JsonObject): boolean {
  return typesOf(o).some((t) => ARTICLE_TYPES.test(t));
}

const str = (v: unknown): string => (typeof v === 'string' ? clean(v) : '');

/** Person names from a JSON-LD author value (object, array or string). */
function ldAuthors(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.flatMap((a) => {
    if (typeof a === 'string') return [clean(a)];
    if (a && typeof a === 'object') {
      const o = a as JsonObject;
      if (typesOf(o).includes('Organization')) return [];
      return [str(o.name)];
    }
    return [];
  });
}

/** One byline from several names, the Vietnamese way: "NHẬT XUÂN - NGHI VŨ". */
export function cleanByline(names: string[], siteName?: string | null): string | null {
  const parts = names
    .flatMap((n) => n.split(/\s*[,;]\s*/))
    .map((n) => BYLINE_NOISE.reduce((s, re) => s.replace(re, ''), collapseWhitespace(n)))
    .filter((n) => n && n.length <= 60 && !NOT_A_PERSON.test(n))
    .filter((n) => !siteName || n.toLowerCase() !== siteName.toLowerCase());
  const unique = [...new Set(parts)];
  return unique.length ? unique.join(' - ') : null;
}

function firstText(doc: Document, selectors: string[] | undefined): string | null {
  for (const sel of selectors ?? []) {
    const t = clean(doc.querySelector(sel)?.textContent);
    if (t) return t;
  }
  return null;
}

/** Headline: og:title / JSON-LD headline / the page's h1, checked against each other. */
function pickTitle(doc: Document, metaTitles: string[]): string | null {
  const h1s = [...doc.getElementsByTagName('h1')].map((h) => clean(h.textContent)).filter((t) => t.length > 3);
  // 1. a meta title that the page shows as its h1.
  for (const h of h1s) if (metaTitles.includes(h)) return h;
  // 2. a meta title with a " - VnExpress" style suffix on top of the h1.
  for (const h of h1s)
    for (const m of metaTitles) if (m.startsWith(h) && TITLE_SUFFIX.test(m.slice(h.length - 1))) return h;
  // 3. og:title / headline as is, then a single h1.
  if (metaTitles[0]) return metaTitles[0];
  if (h1s.length === 1 && h1s[0]) return h1s[0];
  // 4. <title> without its site suffix.
  const t = clean(doc.title);
  return t ? t.replace(TITLE_SUFFIX, '') || t : null;
}

function pickPublished(doc: Document, metas: MetaMap, ld: JsonObject | undefined): string | null {
  const machine = [
    metaContent(metas, 'article:published_time'),
    str(ld?.datePublished),
    metaContent(metas, 'pubdate', 'datePublished', 'og:pubdate', 'publishdate', 'date'),
    [...doc.getElementsByTagName('time')].find((t) => t.hasAttribute('datetime'))?.getAttribute('datetime') ?? null,
  ];
  for (const v of machine) {
    const iso = v ? normalizeIsoDate(v) : null;
    if (iso) return iso;
  }
  // Visible dates: the first date-looking element, by the table above.
  for (const [selector] of VISIBLE_DATE_SELECTORS) {
    for (const el of doc.querySelectorAll(selector)) {
      const t = clean(el.textContent);
      if (t.length > MAX_DATE_LINE) continue;
      const iso = parseVietnameseDate(t);
      if (iso) return iso;
    }
  }
  return null;
}

function absolute(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function canonicalHref(doc: Document): string | null {
  for (const l of doc.getElementsByTagName('link')) {
    if (l.getAttribute('rel')?.toLowerCase().split(/\s+/).includes('canonical')) return l.getAttribute('href');
  }
  return null;
}

export function readMetadata(doc: Document, pageUrl: string | undefined, rule: SiteRule | null): PageMetadata {
  const metas = metaMap(doc);
  const lds = jsonLdObjects(doc);
  const ld = lds.find(isArticleLd);
  const ogType = metaContent(metas, 'og:type');

  const metaTitles = [metaContent(metas, 'og:title'), str(ld?.headline), metaContent(metas, 'twitter:title')].filter(
    (t): t is string => !!t,
  );

  const publisher = ld?.publisher as JsonObject | undefined;
  const siteName =
    rule?.name ?? metaContent(metas, 'og:site_name') ?? (publisher ? str(publisher.name) || null : null) ?? null;

  const byline =
    cleanByline(ldAuthors(ld?.author), siteName) ??
    cleanByline([firstText(doc, rule?.byline) ?? ''], siteName) ??
    cleanByline([metaContent(metas, 'article:author', 'dable:author') ?? ''], siteName);

  const base = pageUrl ?? doc.baseURI;
  const url =
    absolute(canonicalHref(doc), base) ?? absolute(metaContent(metas, 'og:url'), base) ?? absolute(pageUrl, undefined);

  const descriptions = [
    metaContent(metas, 'og:description'),
    str(ld?.description),
    metaContent(metas, 'description'),
    metaContent(metas, 'twitter:description'),
  ].filter((d): d is string => !!d && d.length > 20);

  return {
    title: pickTitle(doc, metaTitles),
    byline,
    publishedTime: pickPublished(doc, metas, ld),
    siteName,
    url,
    descriptions: [...new Set(descriptions)],
    declaresArticle: ogType === 'article' || !!ld,
  };
}
