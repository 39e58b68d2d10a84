import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessage, sendMessage, type TabStatus } from '@/utils/messaging/protocol';
import { injectionErrorCode, isRestrictedUrl } from '@/utils/messaging/tab-url';
import { newsHostOf } from '@/utils/sites/hosts';
import {
  deleteSaved,
  importArticles,
  migrateLibrary,
  repairRecent,
  StorageWriteError,
  saveArticle,
  setItemDone,
  toWriteError,
} from '@/utils/storage/saved-articles';

/** User Timing name of one save's storage work, measured around saveArticle(). */
const PERSIST_MEASURE = 'doc-gon:save-persist';

/** Wiring only: badge, shortcut, and the popup's requests routed to the tab's reader. */
export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;

  onMessage('pageDetected', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId == null) return;
    void action.setBadgeText({ tabId, text: data.isArticle ? '✓' : '' });
    void action.setBadgeBackgroundColor({ tabId, color: '#0b7a4b' });
  });

  /** Injects the reader once per page; a ping tells whether it is already there. */
  async function ensureReader(tabId: number): Promise<void> {
    const alive = await sendMessage('readerPing', undefined, tabId).catch(() => false);
    if (alive) return;
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/reader.js'] });
  }

  async function toggleReader(tabId: number, open?: boolean) {
    const tab = await browser.tabs.get(tabId);
    if (isRestrictedUrl(tab.url)) return { ok: false as const, error: 'restricted' as const };
    try {
      await ensureReader(tabId);
    } catch (err) {
      return { ok: false as const, error: injectionErrorCode(err) };
    }
    const res = await sendMessage('readerToggle', { open }, tabId).catch(() => null);
    if (!res) return { ok: false as const, error: 'unknown' as const };
    return res.error ? { ok: false as const, error: res.error } : { ok: true as const, open: res.open };
  }

  onMessage('tabStatus', async ({ data: tabId }): Promise<TabStatus> => {
    const tab = await browser.tabs.get(tabId);
    const url = tab.url ?? '';
    if (isRestrictedUrl(url)) return { kind: 'restricted', url };
    const title = tab.title ?? null;
    if (!newsHostOf(new URL(url).hostname)) return { kind: 'unknown', title, url };
    const res = await sendMessage('detectStatus', undefined, tabId).catch(() => null);
    if (!res) return { kind: 'unknown', title, url };
    return { kind: res.isArticle ? 'article' : 'not-article', title: res.title ?? title, url };
  });

  onMessage('tabToggleReader', ({ data: tabId }) => toggleReader(tabId));

  onMessage('tabSave', async ({ data: tabId }) => {
    const tab = await browser.tabs.get(tabId);
    if (isRestrictedUrl(tab.url)) return { ok: false, error: 'restricted' };
    try {
      await ensureReader(tabId);
    } catch (err) {
      return { ok: false, error: injectionErrorCode(err) };
    }
    const article = await sendMessage('readerExtract', undefined, tabId).catch(() => undefined);
    if (article === undefined) return { ok: false, error: 'unknown' };
    if (article === null) return { ok: false, error: 'no-article' };
    try {
      const start = performance.now();
      const record = await saveArticle(article);
      // The persist cost of the last save (all its storage work), for DevTools and tests/bench/library.ts.
      performance.clearMeasures(PERSIST_MEASURE);
      performance.measure(PERSIST_MEASURE, { start });
      return { ok: true, record };
    } catch (err) {
      return { ok: false, error: err instanceof StorageWriteError ? err.code : 'save-failed' };
    }
  });

  // Saved library: the background is its only writer (see utils/storage/saved-articles.ts).
  void migrateLibrary().catch((err) => console.error('[Đọc Gọn] library migration failed', err));

  onMessage('savedDelete', async ({ data: id }) => {
    await deleteSaved(id).catch(() => undefined);
    return { ok: true };
  });

  onMessage('savedSetDone', async ({ data }) => {
    try {
      await setItemDone(data.id, data.list, data.n, data.done);
      return { ok: true };
    } catch (err) {
      return { ok: false, error: toWriteError(err).code };
    }
  });

  onMessage('libraryDelete', async ({ data: ids }) => {
    try {
      const removed = await deleteSaved(ids);
      return { ok: true, removed: removed.map(({ id: _id, ...a }) => a) };
    } catch (err) {
      return { ok: false, error: toWriteError(err).code };
    }
  });

  onMessage('libraryRepairRecent', async () => ({
    ok: await repairRecent().then(
      () => true,
      () => false,
    ),
  }));

  onMessage('libraryImport', async ({ data: articles }) => {
    try {
      return { ok: true, report: await importArticles(articles) };
    } catch (err) {
      return { ok: false, error: toWriteError(err).code };
    }
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-reader') return;
    const run = async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id != null) await toggleReader(id);
    };
    void run();
  });
});
