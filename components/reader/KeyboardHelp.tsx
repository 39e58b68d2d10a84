import { Fragment } from 'preact';
import { type MessageKey, t } from '@/utils/i18n';

/** The reading view's keys, as handled in ReaderView (and the browser command for opening it). */
export const READER_KEYS: readonly [keys: string[], what: MessageKey][] = [
  [['Alt+Shift+R'], 'commandToggle'],
  [['Esc'], 'keyClose'],
  [['+', '−'], 'keyFontStep'],
  [['0'], 'keyFontReset'],
  [['T'], 'keyTheme'],
  [['R'], 'keyReadAloud'],
  [['[', ']'], 'keyReadRate'],
  [['Tab', 'Shift+Tab'], 'keyTab'],
  [['?'], 'keyHelp'],
];

/** The "Phím tắt" list, shown under the toolbar. Not a heading: the article's h1 stays the first heading. */
export function KeyboardHelp() {
  return (
    <section class="dg-keys" aria-labelledby="dg-keys-title" data-testid="shortcuts-help">
      <p class="dg-keys__title" id="dg-keys-title">
        {t('shortcuts')}
      </p>
      <dl>
        {READER_KEYS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              {keys.map((k, i) => (
                <Fragment key={k}>
                  {i > 0 && ' / '}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
