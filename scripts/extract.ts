/**
 * Runs the extraction core on a saved HTML page under jsdom and prints the result.
 *
 *   tsx scripts/extract.ts [--format json|markdown] [--url URL] [FILE | -]
 *
 * No FILE: the bundled sample tests/fixtures/seed-article.html. "-": stdin.
 * Exit codes: 0 ok, 1 bad usage or unreadable input, 2 no article on the page.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../utils/extract';
import { blockLines } from '../utils/extract/text';
import { formatVietnameseDate } from '../utils/text/dates';
import { collapseWhitespace } from '../utils/text/normalize';
import type { Article } from '../utils/types';
import type { ParserWindow } from './lib/corpus';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests/fixtures/seed-article.html');

const USAGE = `Usage: npm run extract -- [--format json|markdown] [--url URL] [FILE | -]
  FILE       saved HTML page (default: the bundled sample ${'tests/fixtures/seed-article.html'}); "-" reads stdin
  --format   json (default) or markdown
  --url      the page's original URL (default: its canonical link)`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseCli() {
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      options: {
        format: { type: 'string', short: 'f', default: 'json' },
        url: { type: 'string', short: 'u' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (values.format !== 'json' && values.format !== 'markdown') throw new Error(`unknown format "${values.format}"`);
    if (positionals.length > 1) throw new Error('only one FILE may be given');
    if (values.url !== undefined && !URL.canParse(values.url)) throw new Error(`--url is not a URL: "${values.url}"`);
    return { format: values.format, url: values.url, file: positionals[0] ?? SAMPLE };
  } catch (e) {
    return fail(1, `${(e as Error).message}\n${USAGE}`);
  }
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    return fail(
      1,
      `Không đọc được tệp (cannot read file): ${file === '-' ? 'stdin' : file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** A small HTML -> Markdown converter for the sanitized article body. */
function toMarkdown(html: string, win: ParserWindow): string {
  const doc = new win.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: string[] = [];
  const inline = (el: Element): string => {
    let s = '';
    for (const n of el.childNodes) {
      if (n.nodeType === 3) s += n.nodeValue ?? '';
      else if (n.nodeType === 1) {
        const c = n as Element;
        const t = c.tagName;
        const inner = inline(c);
        if (t === 'STRONG' || t === 'B') s += inner.trim() ? `**${inner.trim()}**` : '';
        else if (t === 'EM' || t === 'I') s += inner.trim() ? `*${inner.trim()}*` : '';
        else if (t === 'A' && c.getAttribute('href')) s += `[${inner.trim()}](${c.getAttribute('href')})`;
        else if (t === 'BR') s += '  \n';
        else if (t === 'IMG') s += `![${c.getAttribute('alt') ?? ''}](${c.getAttribute('src')})`;
        else s += inner;
      }
    }
    return s.replace(/[ \t\r\f\v\u00a0]+/g, ' ');
  };
  const block = (el: Element) => {
    for (const c of el.children) {
      const t = c.tagName;
      if (/^H[1-6]$/.test(t)) out.push(`${'#'.repeat(Math.max(2, Number(t[1])))} ${inline(c).trim()}`);
      else if (t === 'P') {
        const s = inline(c).trim();
        if (s) out.push(s);
      } else if (t === 'UL' || t === 'OL') {
        let i = 1;
        const items = [...c.children].filter((li) => li.tagName === 'LI');
        out.push(items.map((li) => `${t === 'OL' ? `${i++}.` : '-'} ${inline(li).trim()}`).join('\n'));
      } else if (t === 'BLOCKQUOTE')
        out.push(
          blockLines(c)
            .map((l) => `> ${l}`)
            .join('\n'),
        );
      else if (t === 'IMG') out.push(`![${c.getAttribute('alt') ?? ''}](${c.getAttribute('src')})`);
      else if (t === 'FIGURE') {
        for (const img of c.querySelectorAll('img'))
          out.push(`![${img.getAttribute('alt') ?? ''}](${img.getAttribute('src')})`);
        const cap = c.querySelector('figcaption');
        if (cap) out.push(`*${collapseWhitespace(cap.textContent ?? '')}*`);
      } else if (t === 'TABLE') out.push(blockLines(c).join('\n'));
      else if (t === 'HR') out.push('---');
      else if (c.querySelector('p, h2, h3, h4, ul, ol, figure, table, blockquote, div')) block(c);
      else {
        const s = inline(c).trim();
        if (s) out.push(s);
      }
    }
  };
  block(doc.body);
  return out.join('\n\n');
}

function markdown(a: Article, win: ParserWindow): string {
  const lines = [`# ${a.title}`, ''];
  const meta = [
    `- Nguồn: ${a.siteName} (${a.url})`,
    a.byline ? `- Tác giả: ${a.byline}` : null,
    a.publishedTime ? `- Ngày đăng: ${formatVietnameseDate(a.publishedTime) ?? a.publishedTime}` : null,
    `- Thời gian đọc: ${a.readingMinutes} phút (${a.wordCount} từ)`,
  ].filter((x): x is string => !!x);
  lines.push(...meta, '');
  if (a.lead) lines.push(`*${a.lead}*`, '');
  lines.push(toMarkdown(a.contentHtml, win), '');
  const items = a.actionItems.lists.flatMap((l) => l.items);
  if (items.length) {
    lines.push('## Việc cần làm', '');
    a.actionItems.lists.forEach((list, i) => {
      if (a.actionItems.lists.length > 1) lines.push(`### Danh sách ${i + 1}`, '');
      for (const it of list.items) lines.push(`${it.n}. **${it.marker}:** ${it.text}`);
      lines.push('');
    });
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const args = parseCli();
const html = readInput(args.file);
// jsdom's defaults are what we want: the page's scripts never run (no runScripts)
// and nothing is fetched (no resources); the virtual console swallows CSS parse noise.
const win = new JSDOM(html, { url: args.url ?? 'about:blank', virtualConsole: new VirtualConsole() }).window;
const article = extractArticle(win.document, { url: args.url, win: win as unknown as Window });
if (!article) fail(2, 'Không tìm thấy nội dung bài viết trên trang này (no article found)');

if (args.format === 'markdown') process.stdout.write(markdown(article, win));
else {
  const { url, site, title, byline, publishedTime, lead, contentHtml, text, wordCount, readingMinutes, actionItems } =
    article;
  const out = {
    // An explicit --url is the user's word on where the page came from; the canonical link is the default.
    url: args.url ?? url,
    site,
    title,
    byline,
    publishedTime,
    lead,
    contentHtml,
    text,
    wordCount,
    readingMinutes,
    actionItems,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
