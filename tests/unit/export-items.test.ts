/** Copying action items: the seed's seven tasks, as a reader would paste them. */
// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportActionItems } from '@/utils/export/action-items';
import { extractArticle } from '@/utils/extract';

const html = readFileSync(join(process.cwd(), 'tests/fixtures/seed-article.html'), 'utf8');
const article = extractArticle(new DOMParser().parseFromString(html, 'text/html'));
if (!article) throw new Error('seed must extract');
const source = { title: article.title, url: article.url, lists: article.actionItems.lists };

describe('exportActionItems', () => {
  it('plain text: title, link, then the numbered items', () => {
    const text = exportActionItems(source, 'text');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(article.title);
    expect(lines[1]).toBe(article.url);
    expect(lines.slice(3)).toHaveLength(7);
    expect(lines[3]).toMatch(/^1\. Thứ nhất: tiếp tục rà soát/);
    expect(lines[9]).toMatch(/^7\. Thứ bảy: đẩy mạnh chuyển đổi số/);
  });

  it('Markdown: linked heading and a numbered task list with done state, special characters escaped', () => {
    const lists = source.lists.map((l) => ({ ...l, items: l.items.map((it) => ({ ...it, done: it.n === 2 })) }));
    const md = exportActionItems({ ...source, title: 'Tiêu đề *đậm* [x]', lists }, 'markdown');
    expect(md.split('\n')[0]).toBe(`## [Tiêu đề \\*đậm\\* \\[x\\]](${article.url})`);
    expect(md).toContain('\n1. [ ] **Thứ nhất:** tiếp tục rà soát');
    expect(md).toContain('\n2. [x] **Thứ hai:** triển khai');
    expect(md.match(/^\d+\. \[[ x]\] /gm)).toHaveLength(7);
  });

  it('keeps several lists apart', () => {
    const two = { ...source, lists: [source.lists[0], source.lists[0]].filter((l) => l !== undefined) };
    const text = exportActionItems(two, 'text');
    expect(text).toContain('(1)\n1. Thứ nhất');
    expect(text).toContain('(2)\n1. Thứ nhất');
  });
});
