import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { DEFAULT_FONT_SIZE, type FontSize, stepFontSize } from '@/utils/font-scale';
import { t } from '@/utils/i18n';
import { effectiveFontSize, type FontPrefs, withFontSize } from '@/utils/storage/font-prefs';
import { formatVietnameseDate } from '@/utils/text/dates';
import type { ActionItem, Article } from '@/utils/types';
import { ActionItemsPanel } from '../ActionItemsPanel';
import { SafeHtml } from '../SafeHtml';
import { DisplaySettings, displayVars } from './DisplaySettings';
import { FontControls } from './FontControls';
import { useTypeface } from './fonts';

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
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) &&
  (el as HTMLInputElement).type !== 'checkbox';

export function ReaderView({ article, site, fontPrefs, onFontPrefs, onClose, checklist, notice }: ReaderViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const size = effectiveFontSize(fontPrefs, site);
  const siteOnly = site in fontPrefs.perSite;
  const setSize = (next: FontSize, only: boolean) => onFontPrefs(withFontSize(fontPrefs, site, next, only));
  useTypeface(fontPrefs.face);

  useEffect(() => rootRef.current?.focus({ preventScroll: true }), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    let handled = true;
    if (e.key === 'Escape') onClose();
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
      aria-label={article?.title ?? t('appName')}
      data-testid="reader-root"
      style={{ '--dg-size': `${size}px`, ...displayVars(fontPrefs) }}
      data-dg-theme={fontPrefs.theme}
      onKeyDown={onKeyDown}
      lang="vi"
    >
      <header class="dg-toolbar">
        <span class="dg-brand">{t('appName')}</span>
        <FontControls size={size} site={site} siteOnly={siteOnly} onChange={setSize} />
        <DisplaySettings prefs={fontPrefs} onChange={(patch) => onFontPrefs({ ...fontPrefs, ...patch })} />
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
      </header>
      <main class="dg-page">
        {article ? (
          <article class="dg-article">
            {notice && (
              <p class="dg-notice" role="note" data-testid="reader-notice">
                {notice}
              </p>
            )}
            <p class="dg-site">{article.siteName || article.site}</p>
            <h1 class="dg-title" data-testid="reader-title">
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
      </main>
    </div>
  );
}
