/**
 * Saved articles as Markdown: title, link, dates, the body converted by
 * turndown, and the numbered action items with their done state. Needs a DOM
 * (turndown parses the HTML into an inert document): the library page, or jsdom.
 */
import TurndownService from 'turndown';
import { sanitize } from '../extract/sanitize';
import type { SavedArticle } from '../storage/saved-schema';
import { formatVietnameseDate } from '../text/dates';
import { exportActionItems } from './action-items';

let service: TurndownService | undefined;
function turndown(): TurndownService {
  service ??= new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced' });
  return service;
}

const MD_ESCAPE = /([\\`*_[\]#<>|])/g;
const md = (s: string) => s.replace(MD_ESCAPE, '\\$1');
const savedDate = (ms: number) => formatVietnameseDate(new Date(ms).toISOString());

export function articleToMarkdown(a: SavedArticle): string {
  const out = [`# ${md(a.title)}`, '', `<${a.url}>`, ''];
  const meta = [
    a.siteName || a.site,
    a.byline,
    a.publishedTime && `Đăng: ${formatVietnameseDate(a.publishedTime)}`,
    `Lưu: ${savedDate(a.savedAt)}`,
  ].filter(Boolean);
  out.push(`*${meta.map((m) => md(String(m))).join(' · ')}*`, '');
  if (a.lead) out.push(`**${md(a.lead)}**`, '');
  // Stored HTML is treated as hostile, like everywhere it is used.
  out.push(turndown().turndown(sanitize(a.contentHtml)), '');
  if (a.actionItems.some((l) => l.items.length > 0)) {
    const items = exportActionItems({ title: a.title, url: a.url, lists: a.actionItems }, 'markdown');
    // Drop the link heading exportActionItems adds: the article's own heading is above.
    out.push('## Việc cần làm', '', items.split('\n').slice(2).join('\n').trim(), '');
  }
  return out.join('\n');
}

export function libraryToMarkdown(articles: SavedArticle[]): string {
  return `${articles.map(articleToMarkdown).join('\n---\n\n').trimEnd()}\n`;
}
