import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type PopupState, PopupView } from '@/components/popup/PopupView';
import { sendMessage } from '@/utils/messaging/protocol';
import { loadLibrary, type SavedArticleMeta, watchLibrary } from '@/utils/storage/saved-articles';

/** The popup shows the newest few; the library page has them all. */
const RECENT = 20;

/** `?tabId=N` targets tab N (tests, and the popup opened as a tab); otherwise the active tab. */
async function resolveTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Wiring: asks the background, reads saved articles, and hands plain data to PopupView. */
export function PopupApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PopupState>({ status: null, busy: null, message: null, lastSaved: null });
  const [saved, setSaved] = useState<SavedArticleMeta[]>([]);
  const [savedTotal, setSavedTotal] = useState(0);
  const patch = (p: Partial<PopupState>) => setState((s) => ({ ...s, ...p }));

  useEffect(() => {
    const refresh = () =>
      loadLibrary(RECENT).then((s) => {
        setSaved(s.items);
        setSavedTotal(s.total);
        return s.items;
      });
    void refresh();
    const unwatch = watchLibrary(() => void refresh().then(onList));
    const onList = (list: SavedArticleMeta[]) => {
      setState((s) => (s.lastSaved ? { ...s, lastSaved: list.find((m) => m.id === s.lastSaved?.id) ?? null } : s));
    };
    void (async () => {
      const id = await resolveTabId();
      setTabId(id);
      if (id == null) return patch({ status: { kind: 'restricted', url: '' } });
      const status = await sendMessage('tabStatus', id).catch(() => null);
      patch({ status: status ?? { kind: 'unknown', title: null, url: '' } });
    })();
    return unwatch;
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
      onOpenLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}
      onOpen={openReader}
      onSave={save}
      onDelete={(id) => void sendMessage('savedDelete', id)}
      onToggleItem={(id, list, n, done) => void sendMessage('savedSetDone', { id, list, n, done })}
      onVisit={(url) => void browser.tabs.create({ url })}
    />
  );
}
