/**
 * scripts/extract.ts end to end: spawned as a real process (node --import tsx,
 * the fastest runner here) on the bundled sample, a corpus page, a section page
 * with no article, a missing file, stdin, and bad options.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const fixture = (p: string) => join(root, 'tests/fixtures', p);

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/extract.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const seedGold = JSON.parse(readFileSync(fixture('seed-article.gold.json'), 'utf8'));

describe('extract CLI', () => {
  it('prints one JSON object for the bundled sample by default', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'url',
      'site',
      'title',
      'byline',
      'publishedTime',
      'lead',
      'contentHtml',
      'text',
      'wordCount',
      'readingMinutes',
      'actionItems',
    ]);
    expect(out).toMatchObject({
      url: seedGold.url,
      site: 'baoquocte.vn',
      title: seedGold.title,
      byline: 'Minh Anh',
      publishedTime: '2024-01-18T09:15:00+07:00',
      lead: seedGold.lead,
    });
    expect(out.actionItems.lists[0].announcedCount).toBe(7);
    expect(out.actionItems.lists[0].items).toHaveLength(7);
    expect(out.actionItems.lists[0].items[0]).toMatchObject({ n: 1, marker: 'Thứ nhất' });
  });

  it('prints markdown with title, lead, body and the action items', () => {
    const r = run(['--format', 'markdown', fixture('seed-article.html')]);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.startsWith(`# ${seedGold.title}\n`)).toBe(true);
    expect(md).toContain(`*${seedGold.lead}*`);
    expect(md).toContain('- Ngày đăng: Thứ Năm, 18/01/2024 09:15');
    expect(md).toContain(seedGold.paragraphs[0]);
    expect(md).toMatch(/## Việc cần làm\n\n1\. \*\*Thứ nhất:\*\* /);
    expect(md).toMatch(/\n7\. \*\*Thứ bảy:\*\* /);
    expect(md).not.toContain('Tin liên quan');
  });

  it('extracts a corpus page, with --url taking the place of the canonical link', () => {
    const page = 'corpus/tienphong.vn--sieu-mau-noi-y-bi-mang-khap-mang-xa-hoi';
    const gold = JSON.parse(readFileSync(fixture(`${page}.gold.json`), 'utf8'));
    const r = run(['--url', 'https://tienphong.vn/some-copy-post1874068.tpo', fixture(`${page}.html`)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.title).toBe(gold.title);
    expect(out.url).toBe('https://tienphong.vn/some-copy-post1874068.tpo');
    expect(out.url).not.toBe(gold.url);
    expect(out.text).toContain(gold.paragraphs[8]);
  });

  it('reads the page from stdin with "-"', () => {
    const r = run(['-'], readFileSync(fixture('seed-article.html'), 'utf8'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe(seedGold.title);
  });

  it('exits 2 with a one-line message when there is no article', () => {
    const r = run([fixture('non-article-section.html')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['Không tìm thấy nội dung bài viết trên trang này (no article found)']);
  });

  it('exits 1 with a one-line message for an unreadable file', () => {
    const r = run([fixture('does-not-exist.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('does-not-exist.html');
  });

  it.each([[['--format', 'pdf']], [['--bogus']], [['--url', 'not a url']], [['a.html', 'b.html']]])(
    'exits 1 with usage on bad options: %j',
    (args) => {
      const r = run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Usage: npm run extract');
      expect(r.stdout).toBe('');
    },
  );
});
