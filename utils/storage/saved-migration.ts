/**
 * Library schema v1 -> v2, as a pure function over stored values.
 *
 * v1: one key `savedIndex` holding every article's metadata (an array), plus
 *     `savedContent:<id>` ({schema: 1, id, contentHtml}) per article.
 * v2: per-article keys, so a save writes a few small keys instead of
 *     rewriting an index that grows with the library:
 *     `savedOrder:<0-f>` ({id, savedAt}[] in 16 buckets by id), `savedMeta:<id>` ({schema: 2, ...meta}),
 *     `savedContent:<id>` (unchanged), `savedTerms:<id>` (folded body vocabulary for search).
 * v1 entries that fail validation are kept raw in `savedQuarantine`, so they
 * can still be exported, and never block the others.
 * The order list has since moved to 64 buckets (`savedOrder:00`…`3f`, v3); the
 * background moves v2 buckets before its first write (saved-articles.ts, ensureOrderV3).
 */
import { htmlToText } from '../search/html-text';
import { foldedVocabulary } from '../text/fold';
import { isValidMeta, type SavedArticleMeta } from './saved-schema';

export interface OrderEntry {
  id: string;
  savedAt: number;
}

export type MetaRecord = SavedArticleMeta & { schema: 2 };
export interface TermsRecord {
  schema: 1;
  id: string;
  terms: string;
}

export interface V2Values {
  order: OrderEntry[];
  metas: MetaRecord[];
  terms: TermsRecord[];
  quarantine: unknown[];
}

/** Fills fields v1 allowed to be absent; v2 validation requires them. */
function upgradeMeta(m: SavedArticleMeta): MetaRecord {
  return {
    schema: 2,
    id: m.id,
    url: m.url,
    title: m.title,
    site: m.site,
    siteName: typeof m.siteName === 'string' ? m.siteName : m.site,
    byline: typeof m.byline === 'string' ? m.byline : null,
    publishedTime: typeof m.publishedTime === 'string' ? m.publishedTime : null,
    savedAt: m.savedAt,
    lead: typeof m.lead === 'string' ? m.lead : null,
    excerpt: typeof m.excerpt === 'string' ? m.excerpt : '',
    wordCount: typeof m.wordCount === 'number' ? m.wordCount : 0,
    readingMinutes: typeof m.readingMinutes === 'number' ? m.readingMinutes : 0,
    actionItems: m.actionItems.map((l) => ({
      announcedCount: typeof l?.announcedCount === 'number' ? l.announcedCount : null,
      items: Array.isArray(l?.items)
        ? l.items.map((it) => ({
            ...it,
            n: it.n,
            marker: String(it.marker ?? ''),
            text: String(it.text ?? ''),
            done: !!it.done,
          }))
        : [],
    })),
  };
}

export function termsFromHtml(id: string, html: string): TermsRecord {
  return { schema: 1, id, terms: foldedVocabulary(htmlToText(html)) };
}

/**
 * @param index the raw v1 `savedIndex` value
 * @param contentHtmlOf the v1 content of an id (raw stored value), for the search vocabulary
 */
export function migrateV1ToV2(index: unknown, contentHtmlOf: (id: string) => unknown): V2Values {
  const out: V2Values = { order: [], metas: [], terms: [], quarantine: [] };
  const seen = new Set<string>();
  for (const raw of Array.isArray(index) ? index : []) {
    if (!isValidMeta(raw) || seen.has(raw.id)) {
      out.quarantine.push(raw);
      continue;
    }
    seen.add(raw.id);
    const meta = upgradeMeta(raw);
    out.metas.push(meta);
    out.order.push({ id: meta.id, savedAt: meta.savedAt });
    const content = contentHtmlOf(meta.id) as { contentHtml?: unknown } | null | undefined;
    out.terms.push(termsFromHtml(meta.id, typeof content?.contentHtml === 'string' ? content.contentHtml : ''));
  }
  out.order.sort((a, b) => b.savedAt - a.savedAt);
  return out;
}
