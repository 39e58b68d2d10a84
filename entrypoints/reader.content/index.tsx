import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import pagePrintCss from '@/components/reader/page-print.css?inline';
import { ReaderView } from '@/components/reader/ReaderView';
import readerCss from '@/components/reader/reader.css?inline';
import { extractArticle } from '@/utils/extract';
import { setMessageSource } from '@/utils/i18n';
import { onMessage } from '@/utils/messaging/protocol';
import { NEWS_MATCHES, newsHostOf } from '@/utils/sites/hosts';
import { type FontPrefs, fontPrefsItem, loadFontPrefs, normalizeFontPrefs } from '@/utils/storage/font-prefs';
import { loadSpeechPrefs, speechPrefsItem } from '@/utils/storage/speech-prefs';
import type { Article } from '@/utils/types';

/**
 * The reader: injected by the background only when the user asks (popup,
 * shortcut), never on page load. Its matches become host permissions for the
 * news sites; elsewhere activeTab grants the injection.
 */
export default defineContentScript({
  matches: NEWS_MATCHES,
  registration: 'runtime',
  // CSS is inlined into the shadow root: no fetch, no web-accessible resource.
  cssInjectionMode: 'manual',
  main(ctx) {
    const flag = '__docGonReader';
    const w = window as unknown as Record<string, unknown>;
    if (w[flag]) return; // already injected into this page
    w[flag] = true;
    setMessageSource((key) => browser.i18n.getMessage(key));
    startReader(ctx);
  },
});

function startReader(ctx: ContentScriptContext) {
  let cache: { url: string; article: Article | null } | null = null;
  let ui: ShadowRootContentScriptUi<() => void> | null = null;

  /** Extraction works on a clone; the live page is never touched for it. */
  const getArticle = (): Article | null => {
    if (cache?.url !== location.href) {
      let article: Article | null = null;
      try {
        article = extractArticle(document, { url: location.href, win: window });
      } catch (err) {
        console.warn('[Đọc Gọn] extraction failed', err);
      }
      cache = { url: location.href, article };
    }
    return cache.article;
  };

  const close = () => {
    ui?.remove();
    ui = null;
  };

  const open = async () => {
    const article = getArticle();
    const site = article?.site ?? newsHostOf(location.hostname) ?? location.hostname;
    const [prefs, speech] = await Promise.all([loadFontPrefs(), loadSpeechPrefs()]);
    const restorePage = lockPage();
    const removePrintStyle = addPagePrintStyle();
    ui = await createShadowRootUi(ctx, {
      name: 'doc-gon-reader',
      position: 'modal',
      zIndex: 2147483647,
      anchor: 'html',
      append: 'last',
      // Keys typed in the reader must not trigger the page's own shortcuts.
      isolateEvents: true,
      css: readerCss,
      onMount(container) {
        let current: FontPrefs = prefs;
        let rate = speech.rate;
        const draw = () =>
          render(
            <ReaderView
              article={article}
              site={site}
              fontPrefs={current}
              onFontPrefs={(next) => {
                current = next;
                draw(); // instant: no re-extraction, no storage round trip
                void fontPrefsItem.setValue(next);
              }}
              onClose={close}
              speechRate={rate}
              onSpeechRate={(next) => {
                rate = next;
                draw();
                void speechPrefsItem.setValue({ rate: next });
              }}
            />,
            container,
          );
        draw();
        // Another tab (or the popup, or the library) changed a setting: follow it.
        const unwatch = fontPrefsItem.watch((v) => {
          current = normalizeFontPrefs(v);
          draw();
        });
        const onEsc = (e: KeyboardEvent) => {
          if (e.key === 'Escape') close();
        };
        // Bubble phase: keys from inside the shadow root are isolated and never get here.
        window.addEventListener('keydown', onEsc);
        return () => {
          unwatch();
          window.removeEventListener('keydown', onEsc);
          render(null, container);
          restorePage();
          removePrintStyle();
        };
      },
      onRemove(cleanup) {
        cleanup?.();
      },
    });
    ui.mount();
    return article;
  };

  onMessage('readerPing', () => true);
  onMessage('readerExtract', () => getArticle());
  onMessage('readerToggle', async ({ data }) => {
    const wantOpen = data.open ?? !ui;
    if (!wantOpen) {
      close();
      return { open: false };
    }
    const article = ui ? getArticle() : await open();
    return article ? { open: true } : { open: true, error: 'no-article' as const };
  });
}

/** Stops the page scrolling under the reader; the returned function puts everything back. */
function lockPage(): () => void {
  const { scrollX, scrollY } = window;
  const html = document.documentElement;
  const body = document.body;
  const before = { html: html.style.overflow, body: body?.style.overflow ?? '' };
  html.style.overflow = 'hidden';
  if (body) body.style.overflow = 'hidden';
  return () => {
    html.style.overflow = before.html;
    if (body) body.style.overflow = before.body;
    window.scrollTo(scrollX, scrollY);
  };
}

/** Printing while the reader is open prints the article alone (page-print.css); removed on close. */
function addPagePrintStyle(): () => void {
  const style = document.createElement('style');
  style.dataset.docGon = 'print';
  style.textContent = pagePrintCss;
  (document.head ?? document.documentElement).append(style);
  return () => style.remove();
}
