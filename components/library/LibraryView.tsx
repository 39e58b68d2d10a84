import { memo } from 'preact/compat';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { ImportReport } from '@/utils/storage/saved-articles';
import type { SavedRow } from '@/utils/storage/saved-schema';
import { formatVietnameseDate } from '@/utils/text/dates';

export type LibrarySort = 'saved' | 'published';

export type LibraryMessage =
  | { kind: 'deleted'; n: number }
  | { kind: 'restored'; n: number }
  | { kind: 'import'; report: ImportReport; rejectedInFile: number }
  | { kind: 'error'; text: string };

export interface LibraryViewProps {
  items: SavedRow[];
  /** Records in the order list (the first page paints before all are read). */
  total: number;
  loading: boolean;
  /** Bodies still being added to the search index. */
  indexing: boolean;
  corruptCount: number;
  /** Ranked ids for a query, or null for an empty one; changes identity when the index grows. */
  search: (query: string) => string[] | null;
  message: LibraryMessage | null;
  canUndo: boolean;
  onOpen: (id: string) => void;
  onDelete: (ids: string[]) => void;
  onUndo: () => void;
  /** null: everything. */
  onExportJson: (ids: string[] | null) => void;
  onExportMarkdown: (ids: string[] | null) => void;
  onImport: (file: File) => void;
  onExportCorrupt: () => void;
}

// Rows rendered at once: a screenful or three; more on request, so typing never re-lays out thousands.
const PAGE = 30;

const published = (m: SavedRow) => (m.publishedTime ? Date.parse(m.publishedTime) || 0 : 0);
// One formatter for all rows: constructing Intl formatters per row is what makes long lists slow.
const SAVED_DATE = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Ho_Chi_Minh',
});
const savedDate = (ms: number) => SAVED_DATE.format(ms);

function messageText(m: LibraryMessage): string {
  switch (m.kind) {
    case 'deleted':
      return t('libraryDeleted', { n: m.n });
    case 'restored':
      return t('libraryRestored', { n: m.n });
    case 'import':
      return t('libraryImportReport', {
        added: m.report.added.length,
        updated: m.report.updated.length,
        unchanged: m.report.unchanged.length,
        rejected: m.report.rejected.length + m.rejectedInFile,
      });
    case 'error':
      return m.text;
  }
}

/** All saved articles: search, site filter, sort, selection, export/import, delete with undo. */
export function LibraryView(p: LibraryViewProps) {
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [sort, setSort] = useState<LibrarySort>('saved');
  const [shown, setShown] = useState(PAGE);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const sites = useMemo(() => {
    const counts = new Map<string, { name: string; n: number }>();
    for (const m of p.items) {
      const c = counts.get(m.site) ?? { name: m.siteName || m.site, n: 0 };
      c.n++;
      counts.set(m.site, c);
    }
    return [...counts.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name, 'vi'));
  }, [p.items]);

  const ranked = useMemo(() => p.search(query), [p.search, query]);
  // Built once per list, not per keystroke.
  const byId = useMemo(() => new Map(p.items.map((m) => [m.id, m])), [p.items]);
  // Sorted once per list and order, not again each time a query is cleared.
  const sorted = useMemo(
    () => [...p.items].sort(sort === 'saved' ? (a, b) => b.savedAt - a.savedAt : (a, b) => published(b) - published(a)),
    [p.items, sort],
  );
  const visible = useMemo(() => {
    const list = ranked ? ranked.flatMap((id) => byId.get(id) ?? []) : sorted;
    return site ? list.filter((m) => m.site === site) : list;
  }, [sorted, byId, ranked, site]);

  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const selection = selected.size > 0 ? [...selected] : null;
  const allShownSelected = visible.length > 0 && visible.every((m) => selected.has(m.id));

  return (
    // One main landmark holding everything: axe "landmark-one-main" and "region".
    <main class="lib" lang="vi" data-indexing={p.indexing ? 'true' : 'false'}>
      <header class="lib-head">
        {/* elementtiming: when the header and the first rows are painted (tests/bench/library.ts). */}
        <h1 elementtiming="dg-shell">{t('libraryTitle')}</h1>
        <div class="lib-tools">
          <button
            type="button"
            class="lib-btn"
            data-testid="library-export-json"
            onClick={() => p.onExportJson(selection)}
          >
            {t('libraryExportJson')}
            {selection && ` ${t('libraryExportScope')}`}
          </button>
          <button
            type="button"
            class="lib-btn"
            data-testid="library-export-markdown"
            onClick={() => p.onExportMarkdown(selection)}
          >
            {t('libraryExportMarkdown')}
            {selection && ` ${t('libraryExportScope')}`}
          </button>
          <label class="lib-btn lib-file">
            {t('libraryImport')}
            <input
              type="file"
              accept="application/json,.json"
              data-testid="library-import"
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                if (file) p.onImport(file);
                input.value = '';
              }}
            />
          </label>
        </div>
      </header>

      {p.message && (
        <p
          class={`lib-msg${p.message.kind === 'error' ? ' lib-msg--error' : ''}`}
          role={p.message.kind === 'error' ? 'alert' : 'status'}
          data-testid="library-message"
        >
          {messageText(p.message)}
          {p.canUndo && p.message.kind === 'deleted' && (
            <button type="button" class="lib-btn lib-btn--small" data-testid="library-undo" onClick={p.onUndo}>
              {t('libraryUndo')}
            </button>
          )}
        </p>
      )}
      {p.corruptCount > 0 && (
        <p class="lib-msg lib-msg--warn" role="status" data-testid="library-corrupt">
          {t('libraryCorrupt', { n: p.corruptCount })}{' '}
          <button type="button" class="lib-btn lib-btn--small" onClick={p.onExportCorrupt}>
            {t('libraryExportCorrupt')}
          </button>
        </p>
      )}

      <div class="lib-filters">
        <input
          type="search"
          class="lib-search"
          data-testid="library-search"
          placeholder={t('librarySearch')}
          aria-label={t('librarySearch')}
          value={query}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setShown(PAGE);
          }}
        />
        <select
          data-testid="library-site"
          aria-label={t('libraryAllSites')}
          value={site}
          onChange={(e) => setSite((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('libraryAllSites')}</option>
          {sites.map(([host, c]) => (
            <option key={host} value={host}>
              {c.name} ({c.n})
            </option>
          ))}
        </select>
        <select
          data-testid="library-sort"
          aria-label={t('librarySortSaved')}
          value={sort}
          disabled={!!ranked}
          title={ranked ? t('libraryRelevance') : undefined}
          onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as LibrarySort)}
        >
          <option value="saved">{t('librarySortSaved')}</option>
          <option value="published">{t('librarySortPublished')}</option>
        </select>
      </div>

      <div class="lib-bar">
        <label>
          <input
            type="checkbox"
            data-testid="library-select-all"
            checked={allShownSelected}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setSelected(on ? new Set(visible.map((m) => m.id)) : new Set());
            }}
          />{' '}
          {t('librarySelectAll')}
        </label>
        {selection && (
          <>
            <span>{t('librarySelected', { n: selection.length })}</span>
            <button
              type="button"
              class="lib-btn lib-btn--danger"
              data-testid="library-delete-selected"
              onClick={() => {
                p.onDelete(selection);
                setSelected(new Set());
              }}
            >
              {t('libraryDeleteSelected')}
            </button>
          </>
        )}
        <span class="lib-count" data-testid="library-count">
          {p.loading ? t('libraryLoading') : t('libraryCount', { n: visible.length, total: p.total })}
          {p.indexing && query && ` · ${t('libraryIndexing')}`}
          {ranked && ` · ${t('libraryRelevance')}`}
        </span>
      </div>

      {!p.loading && p.items.length === 0 ? (
        <p class="lib-empty">{t('libraryEmpty')}</p>
      ) : visible.length === 0 && !p.loading ? (
        <p class="lib-empty">{t('libraryNoMatch')}</p>
      ) : (
        <ul class="lib-list">
          {visible.slice(0, shown).map((m) => (
            <Row
              key={m.id}
              m={m}
              selected={selected.has(m.id)}
              onSelect={toggle}
              onOpen={p.onOpen}
              onDelete={p.onDelete}
            />
          ))}
        </ul>
      )}
      {visible.length > shown && (
        <button type="button" class="lib-btn lib-more" onClick={() => setShown((s) => s + PAGE)}>
          {t('libraryShowMore', { n: Math.min(PAGE, visible.length - shown) })}
        </button>
      )}
    </main>
  );
}

interface RowProps {
  m: SavedRow;
  selected: boolean;
  onSelect: (id: string, on: boolean) => void;
  onOpen: (id: string) => void;
  onDelete: (ids: string[]) => void;
}

/** Memoized: typing in the search box re-orders rows but re-renders only rows that changed. */
const Row = memo(function Row({ m, selected, onSelect, onOpen, onDelete }: RowProps) {
  const { total: n, done: d } = m.progress;
  return (
    <li class="lib-row" data-testid="library-article" data-id={m.id}>
      <input
        type="checkbox"
        class="lib-row__select"
        data-testid="library-select"
        aria-label={`${t('librarySelect')}: ${m.title}`}
        checked={selected}
        onChange={(e) => onSelect(m.id, (e.currentTarget as HTMLInputElement).checked)}
      />
      <div class="lib-row__main">
        <button
          type="button"
          class="lib-row__title"
          data-testid="library-open"
          elementtiming="dg-list"
          onClick={() => onOpen(m.id)}
        >
          {m.title}
        </button>
        <p class="lib-row__meta">
          {[
            m.siteName || m.site,
            t('savedAt', { d: savedDate(m.savedAt) }),
            m.publishedTime && t('libraryPublished', { d: formatVietnameseDate(m.publishedTime) ?? '' }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {m.lead && <p class="lib-row__lead">{m.lead}</p>}
        {n > 0 && (
          <p class="lib-row__progress" data-testid="library-progress">
            <progress max={n} value={d} /> {t('libraryProgress', { d, n })}
          </p>
        )}
      </div>
      <button
        type="button"
        class="lib-btn lib-btn--small lib-row__del"
        data-testid="library-delete"
        aria-label={`${t('delete')}: ${m.title}`}
        onClick={() => onDelete([m.id])}
      >
        {t('delete')}
      </button>
    </li>
  );
});
