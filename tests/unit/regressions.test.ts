/**
 * Small focused pages under tests/fixtures/regressions/, one per generic-path
 * bug: a site without a rule, the article plus one kind of clutter. Each case
 * says what went wrong before the fix. Every page must come out clean by the
 * corpus scoring (title, lead once, every paragraph, no junk line, no leak).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type Gold, outputLines, scorePage } from '../../scripts/lib/corpus';
import { extractArticle } from '../../utils/extract';
import { siteRuleFor } from '../../utils/sites/rules';

const dir = join(process.cwd(), 'tests/fixtures/regressions');

function run(slug: string) {
  const html = readFileSync(join(dir, `${slug}.html`), 'utf8');
  const gold = JSON.parse(readFileSync(join(dir, `${slug}.gold.json`), 'utf8')) as Gold;
  const win = new JSDOM(html, { url: gold.url, virtualConsole: new VirtualConsole() }).window;
  const a = extractArticle(win.document, { url: gold.url });
  const lines = a ? outputLines(a.lead, a.contentHtml, win) : [];
  return { a, gold, score: scorePage(lines, a?.title ?? null, gold) };
}

function expectClean(slug: string) {
  const { a, gold, score } = run(slug);
  expect(siteRuleFor(gold.site), 'regression pages test the generic path').toBeNull();
  expect(score.junk).toEqual([]);
  expect(score.missing).toEqual([]);
  expect(score.leaks).toEqual([]);
  expect(a?.title).toBe(gold.title);
  expect(a?.lead).toBe(gold.lead);
  return a;
}

describe('generic-path regressions', () => {
  /*
   * znews without its rule: the category link ("Công nghệ") and a breadcrumb
   * sit in the box that holds the h1. The box is kept because it holds the
   * headline, so the labels became the first body lines. Fixed by the
   * LINK_LINE_TOKENS table (category / crumbs / tags classes on short link lines).
   */
  it('category-label: category link and breadcrumb beside the h1', () => expectClean('category-label'));

  /*
   * znews without its rule: "p.the-article-tags" (a bold topic name and bare
   * tag links, no "Từ khóa:" label) came out as a body line: a <p> is not a
   * container, so the "tags" class token never applied. Fixed by LINK_LINE_TOKENS;
   * the "Chủ đề:" label joined the tag-line row of WIDGET_TEXTS.
   */
  it('tag-lines: "Chủ đề:", "Từ khóa:", "Tags:" and a bare tag line', () => expectClean('tag-lines'));

  /*
   * A text-to-speech box without a tts/audio class: the voice menu and the
   * listen button were caught, but "Giọng đọc:" and "Tốc độ đọc: 1.0x" stayed
   * as body lines. Fixed by a WIDGET_TEXTS row for voice and speed labels.
   */
  it('tts-voice-menu: listen button, voice menu, reading speed', () => expectClean('tts-voice-menu'));

  /*
   * An inline player: the <video> is dropped, but its text controls
   * ("Đang phát 00:00 / 02:35 Tắt tiếng Toàn màn hình") stayed as a body
   * line. Fixed by the video-player row of WIDGET_TEXTS.
   */
  it('video-player-labels: player controls left as text', () => expectClean('video-player-labels'));

  /*
   * Pinned (Readability's own cleaning already handled them; now also data-table
   * rows, so they no longer depend on Readability's scoring): author box,
   * share bar labels ("Lưu bài", "Twitter", "Email"), "TIN MỚI" strip with
   * time stamps, and font-size controls "Cỡ chữ A- A A+" / "Nhỏ Bình thường Lớn".
   */
  it('author-box: avatar, name, bio, author-page link', () => expectClean('author-box'));
  it('share-bar: icon labels in an unnamed toolbar', () => expectClean('share-bar'));
  it('tin-moi-strip: "TIN MỚI" strip with time stamps', () => expectClean('tin-moi-strip'));
  it('font-size-controls: "Cỡ chữ A- A A+" and "Nhỏ Bình thường Lớn"', () => expectClean('font-size-controls'));

  /*
   * The visible date sat in a "div.meta" line under the headline and the page
   * had no machine date: publishedTime was null because only time / *date* /
   * *time* elements were read. Fixed by VISIBLE_DATE_SELECTORS in metadata.ts.
   */
  it('reads a visible date from the meta line under the headline', () => {
    expect(run('category-label').a?.publishedTime).toBe('2026-03-07T08:15:00+07:00');
  });
});
