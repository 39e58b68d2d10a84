/**
 * The library's exchange file: complete (metadata, item state, sanitized
 * content), versioned, and re-importable. Import validates everything before
 * anything is written; one bad record is rejected, never the whole file.
 */
import { type IncomingArticle, isCompleteMeta, type SavedArticle } from '../storage/saved-schema';

export const EXPORT_FORMAT = 'doc-gon-library';
export const EXPORT_VERSION = 1;

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: IncomingArticle[];
}

export function buildExport(articles: SavedArticle[], now: Date = new Date()): LibraryExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    articles: articles.map(({ id: _id, ...a }) => a),
  };
}

export type ParseError = 'not-json' | 'wrong-format' | 'newer-version';

export interface ParsedImport {
  articles: IncomingArticle[];
  rejected: { index: number; url: string | null; reason: string }[];
}

/** Why one record cannot be imported, or null when it can. */
export function rejectReason(x: unknown): string | null {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return 'not-an-object';
  const r = x as Record<string, unknown>;
  if (typeof r.url !== 'string' || !/^https?:\/\//i.test(r.url)) return 'bad-url';
  if (typeof r.contentHtml !== 'string') return 'no-content';
  // The id is derived from the URL on import; a placeholder satisfies the shared check.
  if (!isCompleteMeta({ ...r, id: 'import' })) return 'bad-fields';
  return null;
}

const validSubItems = (x: unknown): x is { marker: string; text: string }[] =>
  Array.isArray(x) &&
  x.every((s) => !!s && typeof s === 'object' && typeof s.marker === 'string' && typeof s.text === 'string');

/** Keeps only the known fields, so a crafted file cannot smuggle extra keys into storage. */
function pick(r: IncomingArticle): IncomingArticle {
  return {
    url: r.url,
    title: r.title,
    site: r.site,
    siteName: r.siteName,
    byline: r.byline,
    publishedTime: r.publishedTime,
    savedAt: r.savedAt,
    lead: r.lead,
    excerpt: r.excerpt,
    wordCount: r.wordCount,
    readingMinutes: r.readingMinutes,
    actionItems: r.actionItems.map((l) => ({
      announcedCount: l.announcedCount,
      items: l.items.map((it) => ({
        n: it.n,
        marker: it.marker,
        text: it.text,
        // Optional extractor fields, kept when well-formed (rendered as text only).
        ...(typeof it.title === 'string' ? { title: it.title } : {}),
        ...(validSubItems(it.subItems)
          ? { subItems: it.subItems.map((x) => ({ marker: x.marker, text: x.text })) }
          : {}),
        done: it.done,
      })),
    })),
    contentHtml: r.contentHtml,
  };
}

export function parseImport(text: string): ParsedImport | { error: ParseError } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'not-json' };
  }
  const d = data as Partial<LibraryExport> | null;
  if (!d || d.format !== EXPORT_FORMAT || !Array.isArray(d.articles)) return { error: 'wrong-format' };
  if (typeof d.version !== 'number' || d.version > EXPORT_VERSION) return { error: 'newer-version' };
  const out: ParsedImport = { articles: [], rejected: [] };
  d.articles.forEach((a: unknown, index) => {
    const reason = rejectReason(a);
    if (reason) {
      const url = (a as { url?: unknown } | null)?.url;
      out.rejected.push({ index, url: typeof url === 'string' ? url : null, reason });
    } else out.articles.push(pick(a as IncomingArticle));
  });
  return out;
}
