// @vitest-environment jsdom
/**
 * extractArticle on real Vietnamese news pages (tests/fixtures/corpus, copied
 * from the shared corpus with their hand-checked gold files) and the seed page.
 * Each page pins the bugs plain Readability has on it: sapo dropped (baochinhphu,
 * cafef, dantri, nhandan, tuoitre), related boxes inside the body (znews, plo,
 * tienphong), hidden related lists (vnexpress), the photo story whose text lives
 * in figcaptions (tienphong), a subheading eaten as a title copy (plo), and
 * junk lines ("Đọc tiếp", breadcrumbs, date lines).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadFixturePages, outputLines, scorePage } from '../../scripts/lib/corpus';
import { extractArticle } from '../../utils/extract';
import { detectArticle } from '../../utils/extract/detect';
import { collapseWhitespace } from '../../utils/text/normalize';
import { VI_WORDS_PER_MINUTE } from '../../utils/text/reading-time';

const root = process.cwd();
const pages = loadFixturePages(root);
const load = (html: string, url?: string) =>
  new JSDOM(html, { url: url ?? 'about:blank', virtualConsole: new VirtualConsole() }).window;

/** One jsdom window per fixture, shared by the blocks below (extraction never mutates it). */
const windows = new Map<string, ReturnType<typeof load>>();
const windowOf = (p: (typeof pages)[number]) => {
  let w = windows.get(p.name);
  if (!w) {
    w = load(p.html, p.gold.url);
    windows.set(p.name, w);
  }
  return w;
};

/** Occurrences of `needle` in `hay`. */
const count = (hay: string, needle: string) => hay.split(needle).length - 1;

describe.each(pages.map((p) => [p.name, p] as const))('%s', (_name, page) => {
  const { gold } = page;
  const win = windowOf(page);
  const article = extractArticle(win.document, { url: gold.url });
  const lines = article ? outputLines(article.lead, article.contentHtml, win) : [];
  const flat = collapseWhitespace(lines.join('\n'));

  it('finds an article with the exact title', () => {
    expect(article).not.toBeNull();
    expect(article?.title).toBe(gold.title);
  });

  it('shows the lead exactly once', () => {
    if (!gold.lead) return;
    expect(count(flat, collapseWhitespace(gold.lead))).toBe(1);
    expect(article?.lead).toBe(collapseWhitespace(gold.lead));
  });

  it('keeps every gold paragraph', () => {
    const missing = gold.paragraphs.map(collapseWhitespace).filter((p) => !flat.includes(p));
    expect(missing).toEqual([]);
  });

  it('leaks none of the mustNotContain strings', () => {
    const leaks = gold.mustNotContain.filter((s) => flat.includes(collapseWhitespace(s)));
    expect(leaks).toEqual([]);
  });

  it('has no junk block: every line is the title, the lead, a gold paragraph or an optional string', () => {
    const score = scorePage(lines, article?.title ?? null, gold);
    expect(score.junk).toEqual([]);
    expect(score.clean).toBe(true);
  });

  it('reads the published time, byline and canonical URL', () => {
    if (gold.published) expect(article?.publishedTime).toBe(gold.published);
    expect(article?.byline).toBe(gold.byline);
    expect(article?.url).toBe(gold.url);
    expect(article?.site).toBe(gold.site);
  });

  it('fills text, word count and reading time consistently', () => {
    expect(article?.text.split('\n')).toEqual(lines.slice(gold.lead ? 1 : 0));
    expect(article?.wordCount).toBeGreaterThan(100);
    expect(article?.readingMinutes).toBe(Math.max(1, Math.round((article?.wordCount ?? 0) / VI_WORDS_PER_MINUTE)));
  });
});

describe('extractArticle', () => {
  const seed = pages[0];
  if (!seed) throw new Error('seed fixture missing');

  it('never mutates the page it reads', () => {
    const win = load(seed.html, seed.gold.url);
    const before = win.document.documentElement.outerHTML;
    extractArticle(win.document);
    expect(win.document.documentElement.outerHTML).toBe(before);
  });

  it('uses the canonical link when no URL is given', () => {
    const win = load(seed.html);
    expect(extractArticle(win.document)?.url).toBe(seed.gold.url);
  });

  it('finds the seed action items, announced as "bảy trọng tâm công tác"', () => {
    const win = load(seed.html, seed.gold.url);
    const lists = extractArticle(win.document)?.actionItems.lists ?? [];
    expect(lists).toHaveLength(1);
    expect(lists[0]?.announcedCount).toBe(7);
    expect(lists[0]?.items.map((i) => i.marker)).toEqual([
      'Thứ nhất',
      'Thứ hai',
      'Thứ ba',
      'Thứ tư',
      'Thứ năm',
      'Thứ sáu',
      'Thứ bảy',
    ]);
  });

  it('marks action-item blocks with data-dg-item and strips the page classes', () => {
    const win = load(seed.html, seed.gold.url);
    const html = extractArticle(win.document)?.contentHtml ?? '';
    expect(html).toMatch(/data-dg-item="/);
    expect(html).not.toMatch(/\sclass=|\sid=|\sstyle=|<script/);
  });

  it('returns null on a section (listing) page', () => {
    const html = readFileSync(join(root, 'tests/fixtures/non-article-section.html'), 'utf8');
    expect(extractArticle(load(html, 'https://baoquocte.vn/kinh-te').document)).toBeNull();
  });

  it('returns null on a page with too little text', () => {
    const win = load('<html><head><title>Trang chủ</title></head><body><p>Xin chào.</p></body></html>');
    expect(extractArticle(win.document)).toBeNull();
  });

  it('resolves lazy images to absolute http(s) src', () => {
    const html = readFileSync(
      join(root, 'tests/fixtures/corpus/plo.vn--doan-dai-bieu-tphcm-dang-hoa-tuong-niem.html'),
      'utf8',
    );
    const win = load(html, 'https://plo.vn/x-post874982.html');
    const out = extractArticle(win.document)?.contentHtml ?? '';
    const srcs = [...out.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThan(5);
    for (const s of srcs) expect(s).toMatch(/^https?:\/\//);
  });

  it('gives every image an alt, keeping descriptions and dropping file names', () => {
    const alts: string[] = [];
    for (const p of pages) {
      const html = extractArticle(windowOf(p).document, { url: p.gold.url })?.contentHtml ?? '';
      const doc = new JSDOM(`<body>${html}</body>`).window.document;
      for (const img of doc.querySelectorAll('img')) {
        expect(img.hasAttribute('alt'), `${p.name}: ${img.getAttribute('src')}`).toBe(true);
        alts.push(img.getAttribute('alt') ?? '');
      }
    }
    // tienphong and plo use file names ("luu-van18.jpg") as alt text.
    expect(alts.filter((a) => /\.(?:jpe?g|png)$/i.test(a))).toEqual([]);
    expect(alts.filter((a) => a === '').length).toBeGreaterThan(0);
    // Real descriptions survive, in Vietnamese.
    expect(alts.filter((a) => a.split(' ').length >= 3).length).toBeGreaterThan(0);
  });
});

describe('detectArticle', () => {
  it('says yes on every fixture article, from its URL', () => {
    for (const p of pages) {
      const d = detectArticle(windowOf(p).document, p.gold.url);
      expect(d, p.name).toMatchObject({ isArticle: true });
      expect(d.title).toBeTruthy();
    }
  });

  it("says no on a known site's section page", () => {
    const html = readFileSync(join(root, 'tests/fixtures/non-article-section.html'), 'utf8');
    expect(detectArticle(load(html).document, 'https://baoquocte.vn/kinh-te')).toMatchObject({
      isArticle: false,
      reason: 'not-article-url',
    });
  });

  it('falls back to og:type and JSON-LD on unknown sites', () => {
    const og = load('<head><meta property="og:type" content="article"></head><body></body>');
    expect(detectArticle(og.document, 'https://example.org/a').reason).toBe('og:type');
    const ld = load('<head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body></body>');
    expect(detectArticle(ld.document, 'https://example.org/a').reason).toBe('json-ld');
    const none = load('<body><p>Hello</p></body>');
    expect(detectArticle(none.document, 'https://example.org/')).toMatchObject({ isArticle: false, reason: 'none' });
  });

  it('does not mutate the page', () => {
    const seed = pages[0];
    if (!seed) throw new Error('seed fixture missing');
    const win = load(seed.html);
    const before = win.document.documentElement.outerHTML;
    detectArticle(win.document, seed.gold.url);
    expect(win.document.documentElement.outerHTML).toBe(before);
  });
});

/**
 * The generic path alone (no site rule) must carry pages from sites we have
 * never seen: every fixture, with rules switched off, keeps every gold
 * paragraph and the lead, and leaks nothing.
 */
describe.each(pages.map((p) => [p.name, p] as const))('generic path, no site rule: %s', (_name, page) => {
  it('keeps every paragraph and leaks nothing', () => {
    const { gold } = page;
    const win = windowOf(page);
    const a = extractArticle(win.document, { url: gold.url, siteRules: false });
    const score = scorePage(a ? outputLines(a.lead, a.contentHtml, win) : [], a?.title ?? null, gold);
    expect(score.missing).toEqual([]);
    expect(score.leaks).toEqual([]);
    expect(score.junk).toEqual([]);
    expect(score.titleOk).toBe(true);
  });
});

describe('metadata', () => {
  const page = (head: string, body: string) =>
    load(
      `<html><head>${head}</head><body>${body}<div class="content">${'<p>Đoạn văn bản dài của bài báo để trình đọc nhận ra đây là một bài viết có nội dung thật sự, đủ dài và đủ số chữ.</p>'.repeat(6)}</div></body></html>`,
      'https://example.vn/bai-viet-123456.html',
    ).document;

  it('takes the headline the page shows when og:title carries a site suffix', () => {
    const doc = page(
      '<meta property="og:title" content="Giá vàng giảm mạnh - Báo Mẫu"><title>Giá vàng giảm mạnh | Báo Mẫu</title>',
      '<h1>Giá vàng giảm mạnh</h1>',
    );
    expect(extractArticle(doc)?.title).toBe('Giá vàng giảm mạnh');
  });

  it('prefers the JSON-LD headline that matches the h1 over a different og:title', () => {
    const doc = page(
      '<meta property="og:title" content="Tiêu đề SEO khác hẳn"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Giá vàng giảm mạnh"}</script>',
      '<h1>Giá vàng giảm mạnh</h1>',
    );
    expect(extractArticle(doc)?.title).toBe('Giá vàng giảm mạnh');
  });

  it.each([
    ['Thứ bảy, 7/3/2026, 00:05 (GMT+7)', '2026-03-07T00:05:00+07:00'],
    ['06/03/2026 14:20 GMT+7', '2026-03-06T14:20:00+07:00'],
  ])('reads the visible date %j when the page has no machine date', (visible, iso) => {
    const doc = page('', `<h1>Giá vàng giảm mạnh</h1><span class="date">${visible}</span>`);
    expect(extractArticle(doc)?.publishedTime).toBe(iso);
  });

  it('takes the canonical link over og:url and the page URL', () => {
    const doc = page(
      '<link rel="canonical" href="https://example.vn/ban-chinh-123456.html"><meta property="og:url" content="https://example.vn/og-123456.html">',
      '<h1>Giá vàng giảm mạnh</h1>',
    );
    expect(extractArticle(doc)?.url).toBe('https://example.vn/ban-chinh-123456.html');
  });
});
