// @vitest-environment jsdom
/**
 * The labelled set of issue 4 (tests/fixtures/action-items/cases.ts): every case must come out exactly as labelled
 * (lists, n, marker, text, announced count, sub-items), and the bench numbers must stay at 1.
 */
import { describe, expect, it } from 'vitest';
import { findActionItems, shortTitle } from '../../utils/action-items';
import type { ActionItemList } from '../../utils/types';
import { CASES, caseHtml } from '../fixtures/action-items/cases';
import { scoreCase, total } from '../fixtures/action-items/score';

function bodyOf(html: string): Element {
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  root.innerHTML = html;
  return root;
}

/** The labelled fields only: titles are checked on their own below. */
function labelled(lists: ActionItemList[]): unknown[] {
  return lists.map((l) => ({
    announcedCount: l.announcedCount,
    items: l.items.map(({ n, marker, text, subItems }) => ({ n, marker, text, ...(subItems ? { subItems } : {}) })),
  }));
}

describe('labelled set', () => {
  it('has at least 60 cases, positives and negatives, with unique ids', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    expect(CASES.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(CASES.filter((c) => c.file).length).toBeGreaterThanOrEqual(8);
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const root = bodyOf(caseHtml(c));
    const found = findActionItems(root);
    expect(labelled(found)).toEqual(c.expected);
    // Each item anchors once: on its block, or (later items of an inline series) on its <mark>.
    const want = c.expected.flatMap((l, li) => l.items.map((i) => `${li + 1}-${i.n}`)).sort();
    const got = Array.from(root.querySelectorAll('[data-dg-item]'), (el) => el.getAttribute('data-dg-item')).sort();
    expect(got).toEqual(want);
    // Every item has a non-empty title of at most 12 words (plus "…").
    for (const item of found.flatMap((l) => l.items)) {
      expect(item.title?.length).toBeGreaterThan(0);
      expect(item.title?.split(' ').length).toBeLessThanOrEqual(12);
    }
  });

  it('the bench numbers are perfect on the set', () => {
    const t = total(CASES.map((c) => scoreCase(findActionItems(bodyOf(caseHtml(c))), c.expected)));
    expect([t.precision, t.recall, t.announcedAccuracy]).toEqual([1, 1, 1]);
  });
});

describe('inline series annotation', () => {
  it('the block carries the first item; later items anchor on their <mark>; the DOM stays valid and idempotent', () => {
    const root = bodyOf('<p>Gồm: (1) hoàn thiện thể chế; (2) đầu tư <em>hạ tầng</em>; (3) nhân lực.</p>');
    findActionItems(root);
    const html = root.innerHTML;
    expect(html).toBe(
      '<p data-dg-item="1-1">Gồm: <mark class="dg-marker">(1)</mark> hoàn thiện thể chế; ' +
        '<mark class="dg-marker" data-dg-item="1-2">(2)</mark> đầu tư <em>hạ tầng</em>; ' +
        '<mark class="dg-marker" data-dg-item="1-3">(3)</mark> nhân lực.</p>',
    );
    findActionItems(root);
    expect(root.innerHTML).toBe(html);
  });

  it('sub-item blocks carry data-dg-sub="L-N-K"', () => {
    const root = bodyOf('<p>1. Hồ sơ gồm:</p><p>a) Đơn;</p><p>b) Ảnh.</p><p>2. Nộp lệ phí.</p>');
    findActionItems(root);
    expect(Array.from(root.querySelectorAll('[data-dg-sub]'), (e) => e.getAttribute('data-dg-sub'))).toEqual([
      '1-1-1',
      '1-1-2',
    ]);
  });
});

describe('shortTitle', () => {
  it.each([
    [
      'đẩy nhanh tiến độ giải ngân vốn đầu tư công, nhất là các dự án trọng điểm.',
      'đẩy nhanh tiến độ giải ngân vốn đầu tư công',
    ],
    [
      'Khai thác, sử dụng qua việc gửi văn bản đến cơ quan có thẩm quyền.',
      'Khai thác, sử dụng qua việc gửi văn bản đến cơ quan…',
    ],
    ['tăng 2,5% so với cùng kỳ; xuất khẩu tăng mạnh', 'tăng 2,5% so với cùng kỳ'],
    ['Bộ, cơ quan liên quan cho ý kiến.', 'Bộ, cơ quan liên quan cho ý kiến'],
    ['Nâng mức giảm trừ gia cảnh', 'Nâng mức giảm trừ gia cảnh'],
  ])('%s', (text, title) => {
    expect(shortTitle(text)).toBe(title);
  });
});
