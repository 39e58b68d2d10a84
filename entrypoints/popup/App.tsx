import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type PopupState, PopupView } from '@/components/popup/PopupView';
import { sendMessage } from '@/utils/messaging/protocol';
import { loadLibrary, type SavedArticleMeta, watchLibrary } from '@/utils/storage/saved-articles';
import { RECENT_SIZE, type Recent, readRecent, sameRecent, watchRecent } from '@/utils/storage/saved-recent';
import { rowOf, type SavedRow } from '@/utils/storage/saved-schema';

/** The popup shows the newest few; the library page has them all. */
const RECENT = RECENT_SIZE;

/** `?tabId=N` targets tab N (tests, and the popup opened as a tab); otherwise the active tab. */
async function resolveTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Wiring: asks the background, reads saved articles, and hands plain data to PopupView. */
export function PopupApp({
  recent,
  first,
}: {
  /** `savedRecent`, read before the first render (main.tsx). */
  recent?: Promise<Recent | null>;
  /** That read's result when it came before the first render (`undefined`: not yet). */
  first?: Recent | null;
}) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PopupState>({ status: null, busy: null, message: null, lastSaved: null });
  const [saved, setSaved] = useState<SavedRow[]>(first?.items ?? []);
  const [savedTotal, setSavedTotal] = useState(first?.total ?? 0);
  /** Full records of the rows (item texts), read after the first paint and kept current. */
  const [records, setRecords] = useState<ReadonlyMap<string, SavedArticleMeta>>(new Map());
  const patch = (p: Partial<PopupState>) => setState((s) => ({ ...s, ...p }));

  useEffect(() => {
    /** Set once the per-article keys have been read: `savedRecent` never overrides them. */
    let full = false;
    /** The records known here, current at once (the state copy follows on the next render). */
    const known = new Map<string, SavedArticleMeta>();
    const publish = () => setRecords(new Map(known));
    const refresh = () =>
      loadLibrary(RECENT).then((s) => {
        full = true;
        setSaved(s.items.map(rowOf));
        setSavedTotal(s.total);
        known.clear();
        for (const m of s.items) known.set(m.id, m);
        publish();
        return s;
      });
    // The list paints from the one small `savedRecent` read; the per-article keys are read right
    // after the paint to confirm it (a missing or stale copy is replaced and repaired).
    void (recent ?? readRecent()).then((r) => {
      if (r && !full) {
        setSaved(r.items);
        setSavedTotal(r.total);
      }
      const check = () =>
        void refresh().then((s) => {
          if (!r || !sameRecent(r, s)) void sendMessage('libraryRepairRecent', undefined).catch(() => undefined);
        });
      if (r) requestAnimationFrame(() => setTimeout(check, 0));
      else check();
    });
    // Records arrive with the change that wrote them (ticks, saves, deletes); registered first, so
    // they are known before the rows of the same change are looked at below.
    const unwatchRecords = watchLibrary(({ upserted, removed }) => {
      for (const id of removed) known.delete(id);
      for (const m of upserted) known.set(m.id, m);
      publish();
      setState((s) => {
        const id = s.lastSaved?.id;
        if (!id) return s;
        if (removed.includes(id)) return { ...s, lastSaved: null };
        const fresh = upserted.find((m) => m.id === id);
        return fresh ? { ...s, lastSaved: fresh } : s;
      });
    });
    const unwatchRows = watchRecent((r) => {
      if (!r) return void refresh();
      full = true;
      setSaved(r.items);
      setSavedTotal(r.total);
      // A row that moved up (after a delete) has no record here yet.
      if (r.items.some((m) => !known.has(m.id))) void refresh();
    });
    void (async () => {
      const id = await resolveTabId();
      setTabId(id);
      if (id == null) return patch({ status: { kind: 'restricted', url: '' } });
      const status = await sendMessage('tabStatus', id).catch(() => null);
      patch({ status: status ?? { kind: 'unknown', title: null, url: '' } });
    })();
    return () => {
      unwatchRows();
      unwatchRecords();
    };
  }, []);

  const openReader = async () => {
    if (tabId == null) return;
    patch({ busy: 'open', message: null });
    const res = await sendMessage('tabToggleReader', tabId).catch(() => null);
    patch({ busy: null, message: res?.ok ? null : { kind: 'error', code: res?.error ?? 'unknown' } });
    // A real toolbar popup gets out of the way of the reading view.
    if (res?.ok && !new URLSearchParams(location.search).has('tabId')) window.close();
  };

  const save = async () => {
    if (tabId == null) return;
    patch({ busy: 'save', message: null });
    const res = await sendMessage('tabSave', tabId).catch(() => null);
    if (res?.ok) patch({ busy: null, lastSaved: res.record, message: { kind: 'saved' } });
    else patch({ busy: null, message: { kind: 'error', code: res?.error ?? 'unknown' } });
  };

  return (
    <PopupView
      state={state}
      saved={saved}
      savedTotal={savedTotal}
      listsOf={(id) => records.get(id)?.actionItems}
      onOpenLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}
      onOpen={openReader}
      onSave={save}
      onDelete={(id) => void sendMessage('savedDelete', id)}
      onToggleItem={(id, list, n, done) => void sendMessage('savedSetDone', { id, list, n, done })}
      onVisit={(url) => void browser.tabs.create({ url })}
    />
  );
}
