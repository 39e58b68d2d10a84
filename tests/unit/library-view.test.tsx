// @vitest-environment jsdom
/**
 * The library list as a component: typing without diacritics filters rows at
 * once, the site filter and sort apply, a corrupt record shows a notice with a
 * raw export, delete offers undo. Data and callbacks in, no browser APIs.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryView, type LibraryViewProps } from '@/components/library/LibraryView';
import { LibrarySearch } from '@/utils/search/library-search';
import { rowOf } from '@/utils/storage/saved-schema';
import { meta } from './saved-meta';

const items = [
  meta('a', { title: 'Khu công nghiệp mở rộng', savedAt: 3, publishedTime: '2024-01-01T00:00:00+07:00' }),
  meta('b', {
    title: 'Giá vàng giảm',
    site: 'dantri.com.vn',
    siteName: 'Dân trí',
    savedAt: 2,
    publishedTime: '2025-01-01T00:00:00+07:00',
  }),
  meta('c', {
    title: 'Bảy nhiệm vụ',
    savedAt: 1,
    actionItems: [
      {
        announcedCount: 2,
        items: [
          { n: 1, marker: 'Một là', text: 'x', done: true },
          { n: 2, marker: 'Hai là', text: 'y', done: false },
        ],
      },
    ],
  }),
];

let host: HTMLElement;
function mount(over: Partial<LibraryViewProps> = {}) {
  const index = new LibrarySearch();
  index.setArticles(items);
  const props: LibraryViewProps = {
    items: items.map(rowOf),
    total: items.length,
    loading: false,
    indexing: false,
    corruptCount: 0,
    search: (q) => index.search(q),
    message: null,
    canUndo: false,
    onOpen: vi.fn(),
    onDelete: vi.fn(),
    onUndo: vi.fn(),
    onExportJson: vi.fn(),
    onExportMarkdown: vi.fn(),
    onImport: vi.fn(),
    onExportCorrupt: vi.fn(),
    ...over,
  };
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<LibraryView {...props} />, host));
  return props;
}
const titles = () => [...host.querySelectorAll('[data-testid="library-open"]')].map((b) => b.textContent);
const byTestId = <T extends Element = HTMLElement>(id: string) =>
  host.querySelector(`[data-testid="${id}"]`) as unknown as T;

afterEach(() => {
  render(null, host);
  host.remove();
});

describe('LibraryView', () => {
  it('lists newest first with item progress; typing without diacritics filters instantly', () => {
    mount();
    expect(titles()).toEqual(['Khu công nghiệp mở rộng', 'Giá vàng giảm', 'Bảy nhiệm vụ']);
    expect(byTestId('library-progress').textContent).toContain('1/2');
    const input = byTestId<HTMLInputElement>('library-search');
    act(() => {
      input.value = 'gia va';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(titles()).toEqual(['Giá vàng giảm']);
  });

  it('filters by site and sorts by publication date', () => {
    mount();
    const site = byTestId<HTMLSelectElement>('library-site');
    act(() => {
      site.value = 'dantri.com.vn';
      site.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(titles()).toEqual(['Giá vàng giảm']);
    act(() => {
      site.value = '';
      site.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const sort = byTestId<HTMLSelectElement>('library-sort');
    act(() => {
      sort.value = 'published';
      sort.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(titles()).toEqual(['Giá vàng giảm', 'Khu công nghiệp mở rộng', 'Bảy nhiệm vụ']);
  });

  it('delete, undo, corrupt notice and selection export call back with ids', () => {
    const p = mount({ corruptCount: 2, message: { kind: 'deleted', n: 1 }, canUndo: true });
    expect(byTestId('library-corrupt').textContent).toContain('2 bản ghi bị hỏng');
    act(() => byTestId('library-undo').click());
    expect(p.onUndo).toHaveBeenCalled();
    act(() => (host.querySelectorAll('[data-testid="library-delete"]')[1] as HTMLElement).click());
    expect(p.onDelete).toHaveBeenCalledWith(['b']);
    act(() => (host.querySelectorAll('[data-testid="library-select"]')[2] as HTMLElement).click());
    act(() => byTestId('library-export-json').click());
    expect(p.onExportJson).toHaveBeenCalledWith(['c']);
  });
});
