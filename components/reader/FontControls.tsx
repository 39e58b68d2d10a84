import { FONT_PRESETS, type FontSize, stepFontSize } from '@/utils/font-scale';
import { t } from '@/utils/i18n';

interface Props {
  size: FontSize;
  site: string;
  siteOnly: boolean;
  onChange: (size: FontSize, siteOnly: boolean) => void;
}

export function FontControls({ size, site, siteOnly, onChange }: Props) {
  return (
    <fieldset class="dg-font" aria-label={t('fontSize')}>
      <legend class="dg-sr-only">{t('fontSize')}</legend>
      <button
        type="button"
        class="dg-btn"
        data-testid="font-decrease"
        title={t('fontDecrease')}
        aria-label={t('fontDecrease')}
        onClick={() => onChange(stepFontSize(size, -1), siteOnly)}
      >
        A−
      </button>
      {FONT_PRESETS.map((p) => (
        <button
          type="button"
          key={p.key}
          class={`dg-btn dg-preset${p.size === size ? ' is-active' : ''}`}
          aria-pressed={p.size === size}
          data-testid={`font-preset-${p.size}`}
          onClick={() => onChange(p.size, siteOnly)}
        >
          {t(p.key)}
        </button>
      ))}
      <button
        type="button"
        class="dg-btn"
        data-testid="font-increase"
        title={t('fontIncrease')}
        aria-label={t('fontIncrease')}
        onClick={() => onChange(stepFontSize(size, 1), siteOnly)}
      >
        A+
      </button>
      <output class="dg-font__size" data-testid="font-size" aria-live="polite">
        {size} px
      </output>
      {site && (
        <label class="dg-font__site">
          <input
            type="checkbox"
            data-testid="font-site-only"
            checked={siteOnly}
            onChange={(e) => onChange(size, (e.currentTarget as HTMLInputElement).checked)}
          />
          {t('siteOnly', { site })}
        </label>
      )}
    </fieldset>
  );
}
