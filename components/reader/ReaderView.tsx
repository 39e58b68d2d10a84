import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_FONT_SIZE, type FontSize, stepFontSize, THEMES, type Theme } from '@/utils/font-scale';
import { type MessageKey, t } from '@/utils/i18n';
import type { SpeechEngine } from '@/utils/speech/engine';
import { DEFAULT_SPEECH_RATE, type SpeechRate } from '@/utils/speech/rate';
import { effectiveFontSize, type FontPrefs, withFontSize } from '@/utils/storage/font-prefs';
import { formatVietnameseDate } from '@/utils/text/dates';
import type { ActionItem, Article } from '@/utils/types';
import { ActionItemsPanel } from '../ActionItemsPanel';
import { SafeHtml } from '../SafeHtml';
import { DisplaySettings, displayVars } from './DisplaySettings';
import { FontControls } from './FontControls';
import { rememberFocus, trapTab } from './focus-trap';
import { useTypeface } from './fonts';
import { KeyboardHelp } from './KeyboardHelp';
import { ReadAloud, type ReadAloudControl } from './ReadAloud';
import { browserSpeechEngine } from './speech-engine';

export interface ReaderViewProps {
  /** null: the page has no article; the view says so instead of rendering nothing. */
  article: Article | null;
  /** Host used for the per-site font override. */
  site: string;
  fontPrefs: FontPrefs;
  onFontPrefs: (prefs: FontPrefs) => void;
  onClose: () => void;
  /** Saved copy (library): action items with their done state, ticked here. */
  checklist?: {
    lists: { announcedCount: number | null; items: (ActionItem & { done: boolean })[] }[];
    onToggle: (list: number, n: number, done: boolean) => void;
  };
  /** A line above the article, e.g. that this is the offline saved copy. */
  notice?: ComponentChildren;
  /** Read-aloud speed, remembered by the caller (speechPrefs); without it the speed lasts while the view is open. */
  speechRate?: SpeechRate;
  onSpeechRate?: (rate: SpeechRate) => void;
  /** Defaults to the browser's speech synthesis; null: no read-aloud control. */
  speechEngine?: SpeechEngine | null;
}

const THEME_NAMES: Record<Theme, MessageKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
};

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) &&
  (el as HTMLInputElement).type !== 'checkbox';

export function ReaderView({
  article,
  site,
  fontPrefs,
  onFontPrefs,
  onClose,
  checklist,
  notice,
  speechRate,
  onSpeechRate,
  speechEngine,
}: ReaderViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  // What had focus on the page when the view opened gets it back on close.
  const [restoreFocus] = useState(() => rememberFocus());
  const engine = useMemo(() => (speechEngine === undefined ? browserSpeechEngine() : speechEngine), [speechEngine]);
  const [ownRate, setOwnRate] = useState<SpeechRate>(DEFAULT_SPEECH_RATE);
  const tts = useRef<ReadAloudControl | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [showKeys, setShowKeys] = useState(false);
  const size = effectiveFontSize(fontPrefs, site);
  const siteOnly = site in fontPrefs.perSite;
  const setSize = (next: FontSize, only: boolean) => onFontPrefs(withFontSize(fontPrefs, site, next, only));
  useTypeface(fontPrefs.face);

  useEffect(() => {
    rootRef.current?.focus({ preventScroll: true });
    return restoreFocus;
  }, []);

  const cycleTheme = () => {
    const theme = THEMES[(THEMES.indexOf(fontPrefs.theme) + 1) % THEMES.length] ?? 'system';
    onFontPrefs({ ...fontPrefs, theme });
    setAnnouncement(t('themeNow', { theme: t(THEME_NAMES[theme]) }));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Tab stays inside the dialog, from any control, text fields included.
    if (rootRef.current && trapTab(e, rootRef.current)) return;
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    let handled = true;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (e.key === 'Escape') onClose();
    // Letters only where there is an article; `?` works everywhere in the view. See KeyboardHelp.
    else if (key === 'r' && article) tts.current?.toggle();
    else if ((key === '[' || key === ']') && article) tts.current?.faster(key === '[' ? -1 : 1);
    else if (key === 't') cycleTheme();
    else if (key === '?') setShowKeys((v) => !v);
    else if (e.key === '-' || e.key === '_') setSize(stepFontSize(size, -1), siteOnly);
    else if (e.key === '+' || e.key === '=') setSize(stepFontSize(size, 1), siteOnly);
    else if (e.key === '0') setSize(DEFAULT_FONT_SIZE, siteOnly);
    else handled = false;
    if (handled) e.preventDefault();
  };

  const jump = (list: number, n: number) => {
    const target = rootRef.current?.querySelector<HTMLElement>(`[data-dg-item="${list + 1}-${n}"]`);
    if (!target) return;
    target.scrollIntoView({ block: 'start', behavior: 'smooth' });
    target.classList.remove('dg-flash');
    void target.offsetWidth; // restart the highlight animation
    target.classList.add('dg-flash');
  };

  const itemCount = article?.actionItems.lists.reduce((s, l) => s + l.items.length, 0) ?? 0;

  return (
    <div
      class="dg-reader"
      ref={rootRef}
      tabIndex={-1}
      role="dialog"
      aria-modal="true"
      aria-labelledby={article ? 'dg-title' : undefined}
      aria-label={article ? undefined : t('appName')}
      data-testid="reader-root"
      style={{ '--dg-size': `${size}px`, ...displayVars(fontPrefs) }}
      data-dg-theme={fontPrefs.theme}
      onKeyDown={onKeyDown}
      lang="vi"
    >
      {/* No header/main landmarks: the dialog is the region, and the page under it has its own banner and main. */}
      <div class="dg-toolbar">
        <span class="dg-brand">{t('appName')}</span>
        <FontControls size={size} site={site} siteOnly={siteOnly} onChange={setSize} />
        <DisplaySettings prefs={fontPrefs} onChange={(patch) => onFontPrefs({ ...fontPrefs, ...patch })} />
        {article && engine && (
          <ReadAloud
            engine={engine}
            source={() => Array.from(rootRef.current?.querySelectorAll('.dg-title, .dg-lead, .dg-body') ?? [])}
            rate={speechRate ?? ownRate}
            onRate={onSpeechRate ?? setOwnRate}
            control={tts}
            onAnnounce={setAnnouncement}
          />
        )}
        <button
          type="button"
          class="dg-btn dg-keys-toggle"
          data-testid="shortcuts-toggle"
          aria-expanded={showKeys}
          aria-controls="dg-keys"
          aria-label={t('shortcuts')}
          title={`${t('shortcuts')} (?)`}
          onClick={() => setShowKeys((v) => !v)}
        >
          ?
        </button>
        <button
          type="button"
          class="dg-btn dg-close"
          data-testid="reader-close"
          title={t('closeHint')}
          aria-label={t('closeHint')}
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      <div id="dg-keys" hidden={!showKeys}>
        {showKeys && <KeyboardHelp />}
      </div>
      {/* One polite live region for state the eye sees elsewhere: read-aloud state, theme. */}
      <p class="dg-sr-only" role="status" data-testid="reader-announce">
        {announcement}
      </p>
      <div class="dg-page">
        {article ? (
          <article class="dg-article">
            {notice && (
              <p class="dg-notice" role="note" data-testid="reader-notice">
                {notice}
              </p>
            )}
            <p class="dg-site">{article.siteName || article.site}</p>
            <h1 class="dg-title" id="dg-title" data-testid="reader-title">
              {article.title}
            </h1>
            <p class="dg-meta">
              {[
                article.byline,
                article.publishedTime && formatVietnameseDate(article.publishedTime),
                t('readingMinutes', { n: article.readingMinutes }),
              ]
                .filter(Boolean)
                .join(' · ')}
              {itemCount > 0 && (
                <>
                  {' · '}
                  <button
                    type="button"
                    class="dg-linklike dg-meta__items"
                    onClick={() => rootRef.current?.querySelector('#dg-items')?.scrollIntoView({ behavior: 'smooth' })}
                  >
                    {t('actionItems')}: {itemCount}
                  </button>
                </>
              )}
            </p>
            {article.lead && (
              <p class="dg-lead" data-testid="reader-lead">
                {article.lead}
              </p>
            )}
            <SafeHtml html={article.contentHtml} class="dg-body" testId="reader-content" />
            <ActionItemsPanel
              lists={checklist?.lists ?? article.actionItems.lists}
              onJump={jump}
              onToggle={checklist?.onToggle}
              source={{ title: article.title, url: article.url }}
            />
            <p class="dg-source">
              <a href={article.url} target="_blank" rel="noopener noreferrer">
                {t('originalLink')}
              </a>
            </p>
          </article>
        ) : (
          <div class="dg-empty" role="alert" data-testid="reader-empty">
            <p>{t('errNoArticle')}</p>
            <button type="button" class="dg-btn" onClick={onClose}>
              {t('closeReader')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
