import { errorMessage, t } from '@/utils/i18n';
import type { TabStatus, UserError } from '@/utils/messaging/protocol';
import type { SavedActionList, SavedArticleMeta, SavedRow } from '@/utils/storage/saved-schema';
import { ActionItemsPanel } from '../ActionItemsPanel';

export interface PopupState {
  status: TabStatus | null;
  busy: 'open' | 'save' | null;
  message: { kind: 'error'; code: UserError } | { kind: 'saved' } | null;
  lastSaved: SavedArticleMeta | null;
}

interface Props {
  state: PopupState;
  saved: SavedRow[];
  /** All saved articles; the popup lists only the newest few. */
  savedTotal: number;
  /** A row's action items, once its record has been read (rows paint before that). */
  listsOf: (id: string) => SavedActionList[] | undefined;
  onOpenLibrary: () => void;
  onOpen: () => void;
  onSave: () => void;
  onDelete: (id: string) => void;
  onToggleItem: (id: string, list: number, n: number, done: boolean) => void;
  onVisit: (url: string) => void;
}

const STATUS_TEXT = {
  article: 'statusArticle',
  'not-article': 'statusNotArticle',
  unknown: 'statusUnknown',
  restricted: 'statusRestricted',
} as const;

// One formatter for all rows: constructing one per row slowed the list's first paint.
const SAVED_DATE = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Ho_Chi_Minh',
});
const savedDate = (ms: number) => SAVED_DATE.format(ms);

export function PopupView({
  state,
  saved,
  savedTotal,
  listsOf,
  onOpenLibrary,
  onOpen,
  onSave,
  onDelete,
  onToggleItem,
  onVisit,
}: Props) {
  const { status, busy, message, lastSaved } = state;
  const restricted = status?.kind === 'restricted';
  const title = status && status.kind !== 'restricted' ? status.title : null;
  return (
    // One main landmark holding everything: axe "landmark-one-main" and "region".
    <main class="pp">
      <header class="pp-head">
        {/* elementtiming: when the header and the first rows are painted (tests/bench/library.ts). */}
        <h1 class="pp-brand" elementtiming="dg-shell">
          {t('appName')}
        </h1>
        <button type="button" class="pp-btn pp-library" data-testid="open-library" onClick={onOpenLibrary}>
          {t('library')}
        </button>
      </header>
      <section class="pp-current" aria-live="polite">
        {status ? (
          <>
            <p class={`pp-status pp-status--${status.kind}`} data-testid="page-status" data-kind={status.kind}>
              {t(STATUS_TEXT[status.kind])}
            </p>
            {title && <p class="pp-title">{title}</p>}
          </>
        ) : (
          <p class="pp-status">…</p>
        )}
        <div class="pp-actions">
          <button
            type="button"
            class="pp-btn pp-btn--primary"
            data-testid="open-reader"
            disabled={restricted || busy != null || !status}
            onClick={onOpen}
          >
            {t('openReader')}
          </button>
          <button
            type="button"
            class="pp-btn"
            data-testid="save-article"
            disabled={restricted || busy != null || !status}
            onClick={onSave}
          >
            {busy === 'save' ? t('saving') : t('saveArticle')}
          </button>
        </div>
        {message?.kind === 'error' && (
          <p class="pp-msg pp-msg--error" role="alert" data-testid="popup-error">
            {errorMessage(message.code)}
          </p>
        )}
        {message?.kind === 'saved' && lastSaved && (
          <div class="pp-saved" data-testid="save-result">
            <p class="pp-msg pp-msg--ok" role="status">
              {t('saved')}: {lastSaved.title}
            </p>
            <ActionItemsPanel
              compact
              lists={lastSaved.actionItems}
              source={lastSaved}
              onToggle={(li, n, done) => onToggleItem(lastSaved.id, li, n, done)}
            />
          </div>
        )}
      </section>
      <section class="pp-list">
        <h2>{t('savedList')}</h2>
        {saved.length === 0 ? (
          <p class="pp-empty">{t('noSaved')}</p>
        ) : (
          <ul>
            {saved.map((m) => (
              <li key={m.id} data-testid="saved-article" data-id={m.id}>
                <button type="button" class="pp-entry" title={m.url} onClick={() => onVisit(m.url)}>
                  <span class="pp-entry__title" elementtiming="dg-list">
                    {m.title}
                  </span>
                  <span class="pp-entry__meta">
                    {m.siteName || m.site} · {t('savedAt', { d: savedDate(m.savedAt) })}
                    {m.progress.total > 0 && ` · ${t('actionItems')}: ${m.progress.done}/${m.progress.total}`}
                  </span>
                </button>
                {m.progress.total > 0 && (
                  <details class="pp-details" data-testid="saved-items">
                    <summary>{t('showItems', { n: m.progress.total })}</summary>
                    <RowItems row={m} lists={listsOf(m.id)} onToggleItem={onToggleItem} />
                  </details>
                )}
                <button
                  type="button"
                  class="pp-del"
                  data-testid="delete-saved"
                  title={t('deleteTitle')}
                  aria-label={`${t('delete')}: ${m.title}`}
                  onClick={() => onDelete(m.id)}
                >
                  {t('delete')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {savedTotal > saved.length && (
          <button type="button" class="pp-more" onClick={onOpenLibrary}>
            {t('libraryMore', { n: savedTotal - saved.length })}
          </button>
        )}
      </section>
    </main>
  );
}

/** The texts come with the full record, read just after the first paint; until then a placeholder. */
function RowItems({
  row,
  lists,
  onToggleItem,
}: {
  row: SavedRow;
  lists: SavedActionList[] | undefined;
  onToggleItem: Props['onToggleItem'];
}) {
  if (!lists) return <p class="pp-loading">…</p>;
  return (
    <ActionItemsPanel
      compact
      lists={lists}
      source={row}
      onToggle={(li, n, done) => onToggleItem(row.id, li, n, done)}
    />
  );
}
