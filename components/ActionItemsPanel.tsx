import { useState } from 'preact/hooks';
import { type ExportFormat, exportActionItems } from '@/utils/export/action-items';
import { t } from '@/utils/i18n';
import type { ActionItem } from '@/utils/types';

/** A list as extracted (no state) or as saved (with done flags). */
interface ListWithState {
  announcedCount: number | null;
  items: (ActionItem & { done?: boolean })[];
}

interface Props {
  lists: ListWithState[];
  /** Reading view: jump to the item in the body. */
  onJump?: (list: number, n: number) => void;
  /** Popup / saved article: tick items off. Without it, no checkboxes. */
  onToggle?: (list: number, n: number, done: boolean) => void;
  compact?: boolean;
  /** The article the items come from: enables "copy as text / Markdown". */
  source?: { title: string; url: string };
}

/** Copy buttons with a short confirmation; the clipboard API is a web API, usable from any of our pages. */
function CopyButtons({ source, lists }: { source: { title: string; url: string }; lists: ListWithState[] }) {
  const [copied, setCopied] = useState<ExportFormat | 'failed' | null>(null);
  const copy = async (format: ExportFormat) => {
    try {
      await navigator.clipboard.writeText(exportActionItems({ ...source, lists }, format));
      setCopied(format);
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <span class="dg-items__copy">
      <button type="button" class="dg-btn dg-btn--small" data-testid="copy-items-text" onClick={() => copy('text')}>
        {copied === 'text' ? t('copied') : t('copyText')}
      </button>
      <button
        type="button"
        class="dg-btn dg-btn--small"
        data-testid="copy-items-markdown"
        onClick={() => copy('markdown')}
      >
        {copied === 'markdown' ? t('copied') : t('copyMarkdown')}
      </button>
      {copied === 'failed' && <span role="alert">{t('copyFailed')}</span>}
    </span>
  );
}

/** Numbered action items, one block per list, with the announced-count note when it disagrees. */
export function ActionItemsPanel({ lists, onJump, onToggle, compact, source }: Props) {
  // The popup has room for the short title only; the reading view shows the item's whole text.
  const label = (item: ActionItem) => (compact ? (item.title ?? item.text) : item.text);
  if (lists.length === 0) return null;
  return (
    <section class={`dg-items${compact ? ' dg-items--compact' : ''}`} aria-label={t('actionItems')} id="dg-items">
      <header class="dg-items__head">
        <h2 class="dg-items__title">{t('actionItems')}</h2>
        {source && <CopyButtons source={source} lists={lists} />}
      </header>
      {lists.map((list, li) => (
        <div class="dg-items__list" key={li}>
          {list.announcedCount != null && list.announcedCount !== list.items.length && (
            <p class="dg-items__note" role="note">
              {t('announcedMismatch', { a: list.announcedCount, n: list.items.length })}
            </p>
          )}
          <ol>
            {list.items.map((item) => (
              <li key={item.n} data-testid="action-item" class={item.done ? 'is-done' : undefined}>
                {onToggle && (
                  <input
                    type="checkbox"
                    checked={!!item.done}
                    aria-label={`${item.marker}: ${item.text.slice(0, 60)}`}
                    onChange={(e) => onToggle(li, item.n, (e.currentTarget as HTMLInputElement).checked)}
                  />
                )}
                <span class="dg-items__marker">{item.marker}</span>
                <span class="dg-items__body">
                  {onJump ? (
                    <button type="button" class="dg-items__text dg-linklike" onClick={() => onJump(li, item.n)}>
                      {label(item)}
                    </button>
                  ) : (
                    <span class="dg-items__text" title={compact ? item.text : undefined}>
                      {label(item)}
                    </span>
                  )}
                  {!compact && item.subItems && item.subItems.length > 0 && (
                    <ul class="dg-items__subs">
                      {item.subItems.map((sub, k) => (
                        <li key={k}>
                          <span class="dg-items__submarker">{sub.marker}</span> {sub.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
