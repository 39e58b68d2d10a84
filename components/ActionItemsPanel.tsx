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
}

/** Numbered action items, one block per list, with the announced-count note when it disagrees. */
export function ActionItemsPanel({ lists, onJump, onToggle, compact }: Props) {
  if (lists.length === 0) return null;
  return (
    <section class={`dg-items${compact ? ' dg-items--compact' : ''}`} aria-label={t('actionItems')} id="dg-items">
      <h2 class="dg-items__title">{t('actionItems')}</h2>
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
                {onJump ? (
                  <button type="button" class="dg-items__text dg-linklike" onClick={() => onJump(li, item.n)}>
                    {item.text}
                  </button>
                ) : (
                  <span class="dg-items__text">{item.text}</span>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
