/** Action items as text a reader pastes into notes or chat: numbered, with the article's title and link. */
import type { ActionItem } from '../types';

export type ExportFormat = 'text' | 'markdown';

interface ExportSource {
  title: string;
  url: string;
  lists: { announcedCount: number | null; items: (ActionItem & { done?: boolean })[] }[];
}

/** Markdown special characters that would change the meaning of item text. */
const MD_ESCAPE = /([\\`*_[\]#<>|])/g;
const md = (s: string) => s.replace(MD_ESCAPE, '\\$1');

export function exportActionItems({ title, url, lists }: ExportSource, format: ExportFormat): string {
  const many = lists.length > 1;
  if (format === 'markdown') {
    const out = [`## [${md(title)}](${url.replace(/[()\s]/g, encodeURIComponent)})`, ''];
    lists.forEach((list, i) => {
      if (many) out.push(`### ${i + 1}.`, '');
      for (const it of list.items) out.push(`${it.n}. [${it.done ? 'x' : ' '}] **${md(it.marker)}:** ${md(it.text)}`);
      out.push('');
    });
    return `${out.join('\n').trimEnd()}\n`;
  }
  const out = [title, url, ''];
  lists.forEach((list, i) => {
    if (many) out.push(`(${i + 1})`);
    for (const it of list.items) out.push(`${it.n}. ${it.done ? '[x] ' : ''}${it.marker}: ${it.text}`);
    out.push('');
  });
  return `${out.join('\n').trimEnd()}\n`;
}
