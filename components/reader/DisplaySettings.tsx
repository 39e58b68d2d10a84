import { useEffect, useRef, useState } from 'preact/hooks';
import {
  COLUMN_WIDTHS,
  type ColumnWidth,
  LINE_HEIGHTS,
  type LineHeight,
  type TextAlign,
  type Theme,
  type Typeface,
} from '@/utils/font-scale';
import { type MessageKey, t } from '@/utils/i18n';
import type { DisplayPrefs } from '@/utils/storage/font-prefs';
import { FONT_STACKS } from './fonts';

/** Each radio group: the stored key, its legend and its options in display order. */
const GROUPS = [
  {
    key: 'face',
    legend: 'displayFace',
    options: [
      ['serif', 'faceSerif'],
      ['sans', 'faceSans'],
      ['system', 'faceSystem'],
    ] satisfies [Typeface, MessageKey][],
  },
  {
    key: 'lineHeight',
    legend: 'displayLineHeight',
    options: [
      ['compact', 'lineCompact'],
      ['normal', 'lineNormal'],
      ['loose', 'lineLoose'],
    ] satisfies [LineHeight, MessageKey][],
  },
  {
    key: 'width',
    legend: 'displayWidth',
    options: [
      ['narrow', 'widthNarrow'],
      ['normal', 'widthNormal'],
      ['wide', 'widthWide'],
    ] satisfies [ColumnWidth, MessageKey][],
  },
  {
    key: 'align',
    legend: 'displayAlign',
    options: [
      ['left', 'alignLeft'],
      ['justify', 'alignJustify'],
    ] satisfies [TextAlign, MessageKey][],
  },
  {
    key: 'theme',
    legend: 'displayTheme',
    options: [
      ['system', 'themeSystem'],
      ['light', 'themeLight'],
      ['sepia', 'themeSepia'],
      ['dark', 'themeDark'],
    ] satisfies [Theme, MessageKey][],
  },
] as const;

/** CSS custom properties for the reading view's root; reader.css reads them. */
export function displayVars(p: DisplayPrefs): Record<string, string> {
  return {
    '--dg-font': FONT_STACKS[p.face],
    '--dg-line': String(LINE_HEIGHTS[p.lineHeight]),
    '--dg-measure': COLUMN_WIDTHS[p.width],
    '--dg-align': p.align,
  };
}

interface Props {
  prefs: DisplayPrefs;
  onChange: (patch: Partial<DisplayPrefs>) => void;
}

/** Toolbar button with a small disclosure panel of radio groups; each choice applies at once. */
export function DisplaySettings({ prefs, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  // Like a popover: focus moving elsewhere (a click in the article focuses the view) closes it.
  useEffect(() => {
    const box = boxRef.current;
    if (!open || !box) return;
    const onFocusOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node && box.contains(e.relatedTarget))) setOpen(false);
    };
    // Esc inside closes the panel first, not the whole reading view.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close();
    };
    box.addEventListener('focusout', onFocusOut);
    box.addEventListener('keydown', onKey);
    return () => {
      box.removeEventListener('focusout', onFocusOut);
      box.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div class="dg-display" ref={boxRef}>
      <button
        type="button"
        ref={buttonRef}
        class={`dg-btn${open ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls="dg-display-panel"
        data-testid="display-settings"
        // Compact in a crowded toolbar: the name is spoken and shown on hover.
        aria-label={t('displaySettings')}
        title={t('displaySettings')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">Aa</span>
      </button>
      {open && (
        <div
          class="dg-display__panel"
          id="dg-display-panel"
          data-testid="display-panel"
          // Focusable, so a click on a legend or a gap keeps focus inside and the panel open.
          tabIndex={-1}
        >
          {GROUPS.map((g) => (
            <fieldset class="dg-display__group" key={g.key}>
              <legend>{t(g.legend)}</legend>
              {g.options.map(([value, label]) => (
                <label class="dg-display__option" key={value}>
                  <input
                    type="radio"
                    name={`dg-${g.key}`}
                    value={value}
                    checked={prefs[g.key] === value}
                    data-testid={`display-${g.key}-${value}`}
                    onChange={() => onChange({ [g.key]: value })}
                  />
                  <span>{t(label)}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      )}
    </div>
  );
}
