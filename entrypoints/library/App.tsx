import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type LibraryMessage, LibraryView } from '@/components/library/LibraryView';
import { errorMessage, t } from '@/utils/i18n';
import { sendMessage, type UserError } from '@/utils/messaging/protocol';
import type { LibrarySearch } from '@/utils/search/library-search';
import { FONT_PREFS_FALLBACK, type FontPrefs, fontPrefsItem, normalizeFontPrefs } from '@/utils/storage/font-prefs';
import {
  type CorruptRecord,
  getSaved,
  getSavedMany,
  getTerms,
  type ImportReport,
  type IncomingArticle,
  loadLibrary,
  type SavedArticle,
  type SavedArticleMeta,
  watchLibrary,
} from '@/utils/storage/saved-articles';
import { type Recent, readRecent, sameRecent } from '@/utils/storage/saved-recent';
import { rowOf, type SavedRow } from '@/utils/storage/saved-schema';
import { normalizeSpeechPrefs, SPEECH_PREFS_FALLBACK, speechPrefsItem } from '@/utils/storage/speech-prefs';
import type { Article } from '@/utils/types';

/*
 * Off the first paint: the list paints from `savedRecent` with only the list's
 * own code. The search index (MiniSearch), the reading view with the sanitizer
 * (DOMPurify) and the import/export code load after it, when first needed.
 */
const loadSearchModule = () => import('@/utils/search/library-search');
const loadReader = () =>
  Promise.all([import('@/components/reader/ReaderView'), import('@/components/library/offline-html')]).then(
    ([view, offline]) => ({ ReaderView: view.ReaderView, offlineHtml: offline.offlineHtml }),
  );
type ReaderModules = Awaited<ReturnType<typeof loadReader>>;

/** Articles per import message: keeps each message far below the messaging size limit. */
const IMPORT_BATCH = 100;

const writeError = (code: UserError) =>
  code === 'quota' ? t('errQuotaLibrary') : code === 'save-failed' ? t('errWriteFailed') : errorMessage(code);

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
const stamp = () => new Date().toISOString().slice(0, 10);
const idFromHash = () => new URLSearchParams(location.hash.slice(1)).get('a');

interface LibState {
  /** Full records, once read. */
  items: SavedArticleMeta[];
  /** Until then, the newest rows from `savedRecent`. */
  early: SavedRow[] | null;
  corrupt: CorruptRecord[];
  total: number;
  loading: boolean;
}

/** Wiring: reads storage, asks the background to write, hands plain data to LibraryView and ReaderView. */
export function LibraryApp({
  recent,
  first,
}: {
  /** `savedRecent`, read before the first render (main.tsx). */
  recent?: Promise<Recent | null>;
  /** That read's result when it came before the first render (`undefined`: not yet). */
  first?: Recent | null;
}) {
  const searchRef = useRef<LibrarySearch | null>(null);
  const [readerModules, setReaderModules] = useState<ReaderModules | null>(null);
  const [lib, setLib] = useState<LibState>({
    items: [],
    early: first?.items ?? null,
    corrupt: [],
    total: first?.total ?? 0,
    loading: true,
  });
  const [indexing, setIndexing] = useState(true);
  const [indexTick, setIndexTick] = useState(0);
  const [message, setMessage] = useState<LibraryMessage | null>(null);
  const [undo, setUndo] = useState<IncomingArticle[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(idFromHash());
  const [opened, setOpened] = useState<SavedArticle | 'missing' | null>(null);
  const [fontPrefs, setFontPrefs] = useState<FontPrefs>(FONT_PREFS_FALLBACK);
  const [speechRate, setSpeechRate] = useState(SPEECH_PREFS_FALLBACK.rate);

  useEffect(() => {
    let full = false;
    /** Ids in the list now: a body read that returns after a deletion must not bring the article back. */
    const live = new Set<string>();
    const loadAll = (r: Recent | null) =>
      Promise.all([loadLibrary(), loadSearchModule()]).then(async ([s, { LibrarySearch }]) => {
        full = true;
        setLib({ ...s, early: null, loading: false });
        // The first rows came from `savedRecent`: a copy that does not match is rewritten.
        if (!r || !sameRecent(r, s)) void sendMessage('libraryRepairRecent', undefined).catch(() => undefined);
        for (const m of s.items) live.add(m.id);
        const search = new LibrarySearch();
        searchRef.current = search;
        search.setArticles(s.items);
        setIndexTick((n) => n + 1);
        // Bodies last, in slices between frames.
        if (await search.addBodies(getTerms)) {
          setIndexing(false);
          setIndexTick((n) => n + 1);
        }
      });
    // The newest rows first, from one small read; the whole library is read after they are on screen.
    void (recent ?? readRecent()).then((r) => {
      if (r && !full && r !== first) setLib({ items: [], early: r.items, total: r.total, corrupt: [], loading: true });
      if (r) requestAnimationFrame(() => setTimeout(() => void loadAll(r), 0));
      else void loadAll(r);
    });
    const unwatch = watchLibrary(({ upserted, removed }) => {
      for (const id of removed) {
        live.delete(id);
        searchRef.current?.remove(id);
      }
      for (const m of upserted) live.add(m.id);
      setLib((s) => {
        const gone = new Set([...removed, ...upserted.map((m) => m.id)]);
        const items = [...s.items.filter((m) => !gone.has(m.id)), ...upserted];
        if (!s.early) return { ...s, items, total: s.total + items.length - s.items.length };
        // Before the full read: the rows on screen follow too.
        const early = [...s.early.filter((m) => !gone.has(m.id)), ...upserted.map(rowOf)];
        return { ...s, items, early, total: s.total + early.length - s.early.length };
      });
      setIndexTick((n) => n + 1);
      // The index takes an article with its body vocabulary, read with it.
      if (upserted.length)
        void getTerms(upserted.map((m) => m.id)).then((terms) => {
          const search = searchRef.current;
          if (!search) return;
          for (const m of upserted) if (live.has(m.id)) search.upsert(m, terms.get(m.id) ?? '');
          setIndexTick((n) => n + 1);
        });
    });
    void fontPrefsItem.getValue().then((v) => setFontPrefs(normalizeFontPrefs(v)));
    const unwatchFont = fontPrefsItem.watch((v) => setFontPrefs(normalizeFontPrefs(v)));
    // The read-aloud speed is the same one the reading view on news pages remembers.
    void speechPrefsItem.getValue().then((v) => setSpeechRate(normalizeSpeechPrefs(v).rate));
    const unwatchSpeech = speechPrefsItem.watch((v) => setSpeechRate(normalizeSpeechPrefs(v).rate));
    const onHash = () => setOpenId(idFromHash());
    window.addEventListener('hashchange', onHash);
    return () => {
      unwatch();
      unwatchFont();
      unwatchSpeech();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  useEffect(() => {
    setOpened(null);
    if (!openId) return;
    void getSaved(openId).then((a) => setOpened(a ?? 'missing'));
    if (!readerModules) void loadReader().then(setReaderModules);
  }, [openId]);

  // Ticks arrive through the watcher; the open article follows its list row.
  const openMeta = openId ? lib.items.find((m) => m.id === openId) : undefined;

  // indexTick is the index's version: a new function identity makes the view search again.
  // Before the index exists (the first moments), any query matches nothing yet.
  const search = useCallback(
    (q: string) => {
      const index = searchRef.current;
      return index ? index.search(q) : q.trim() ? [] : null;
    },
    [indexTick],
  );

  const runImport = async (articles: IncomingArticle[], rejectedInFile: number) => {
    const total: ImportReport = { added: [], updated: [], unchanged: [], rejected: [] };
    for (let i = 0; i < articles.length; i += IMPORT_BATCH) {
      const res = await sendMessage('libraryImport', articles.slice(i, i + IMPORT_BATCH)).catch(() => null);
      if (!res?.ok) {
        setMessage({ kind: 'error', text: writeError(res?.ok === false ? res.error : 'unknown') });
        return null;
      }
      for (const k of ['added', 'updated', 'unchanged', 'rejected'] as const)
        (total[k] as unknown[]).push(...res.report[k]);
    }
    setMessage({ kind: 'import', report: total, rejectedInFile });
    return total;
  };

  const onDelete = async (ids: string[]) => {
    const res = await sendMessage('libraryDelete', ids).catch(() => null);
    if (!res?.ok) return setMessage({ kind: 'error', text: writeError(res?.ok === false ? res.error : 'unknown') });
    setUndo(res.removed);
    setMessage({ kind: 'deleted', n: ids.length });
  };

  const onUndo = async () => {
    if (!undo) return;
    const n = undo.length;
    setUndo(null);
    if (await runImport(undo, 0)) setMessage({ kind: 'restored', n });
  };

  const exportIds = (ids: string[] | null) => ids ?? lib.items.map((m) => m.id);
  // Rows keep their identity per record (rowOf), so a change re-renders only the rows it touched.
  const rows = useMemo(() => lib.early ?? lib.items.map(rowOf), [lib.early, lib.items]);

  const onImport = async (file: File) => {
    const [{ parseImport }, { sanitize }] = await Promise.all([
      import('@/utils/export/library-json'),
      import('@/utils/extract/sanitize'),
    ]);
    const parsed = parseImport(await file.text());
    if ('error' in parsed)
      return setMessage({ kind: 'error', text: t('libraryImportBadFile', { reason: parsed.error }) });
    // Imported HTML is hostile until our sanitizer has seen it.
    const articles = parsed.articles.map((a) => ({ ...a, contentHtml: sanitize(a.contentHtml) }));
    await runImport(articles, parsed.rejected.length);
  };

  const article: Article | null = useMemo(() => {
    if (!opened || opened === 'missing' || !readerModules) return null;
    return {
      ...opened,
      contentHtml: readerModules.offlineHtml(opened.contentHtml, t('libraryImageOff')),
      text: '',
      actionItems: { lists: opened.actionItems },
    };
  }, [opened, readerModules]);

  const close = () => {
    history.replaceState(null, '', location.pathname);
    setOpenId(null);
  };
  const lists = openMeta?.actionItems ?? (opened && opened !== 'missing' ? opened.actionItems : []);
  // The reader covers the list, which stays mounted: closing it returns to the same search and scroll.
  const ReaderView = readerModules?.ReaderView;
  const reader =
    openId && opened !== null && ReaderView ? (
      <ReaderView
        article={article}
        // No per-site size here: one size for the library.
        site=""
        fontPrefs={fontPrefs}
        onFontPrefs={(next) => {
          setFontPrefs(next);
          void fontPrefsItem.setValue(next);
        }}
        onClose={close}
        speechRate={speechRate}
        onSpeechRate={(next) => {
          setSpeechRate(next);
          void speechPrefsItem.setValue({ rate: next });
        }}
        notice={
          message?.kind === 'error' ? message.text : opened === 'missing' ? t('libraryNotFound') : t('libraryOffline')
        }
        checklist={{
          lists,
          onToggle: (list, n, done) => {
            void sendMessage('savedSetDone', { id: openId, list, n, done }).then((res) => {
              if (!res.ok) setMessage({ kind: 'error', text: writeError(res.error) });
            });
          },
        }}
      />
    ) : null;

  return (
    <>
      <LibraryView
        items={rows}
        total={lib.total}
        loading={lib.loading}
        indexing={indexing}
        corruptCount={lib.corrupt.length}
        search={search}
        message={message}
        canUndo={!!undo}
        onOpen={(id) => {
          location.hash = `a=${id}`;
        }}
        onDelete={(ids) => void onDelete(ids)}
        onUndo={() => void onUndo()}
        onExportJson={(ids) =>
          void Promise.all([getSavedMany(exportIds(ids)), import('@/utils/export/library-json')]).then(
            ([all, { buildExport }]) =>
              download(
                `doc-gon-thu-vien-${stamp()}.json`,
                'application/json',
                JSON.stringify(buildExport(all), null, 1),
              ),
          )
        }
        onExportMarkdown={(ids) =>
          // turndown is loaded only for this export, off the page's first paint.
          void Promise.all([getSavedMany(exportIds(ids)), import('@/utils/export/library-markdown')]).then(
            ([all, { libraryToMarkdown }]) =>
              download(`doc-gon-thu-vien-${stamp()}.md`, 'text/markdown', libraryToMarkdown(all)),
          )
        }
        onImport={(file) => void onImport(file)}
        onExportCorrupt={() =>
          download(`doc-gon-ban-ghi-hong-${stamp()}.json`, 'application/json', JSON.stringify(lib.corrupt, null, 1))
        }
      />
      {reader}
    </>
  );
}
