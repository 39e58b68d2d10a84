/**
 * WCAG AA for every theme, computed from the tokens the extension ships
 * (components/theme.css), not from a copy: each text colour against each
 * background it is drawn on (body, muted text, links, the action-item panel,
 * the toolbar, marker highlights, notices) must reach 4.5:1. The "system"
 * theme's dark block is a copy of the dark theme and must stay identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(process.cwd(), 'components/theme.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Custom properties of the first rule whose selector list contains `selector` (after `from`). */
function tokens(selector: string, from = 0): Record<string, string> {
  const re = /([^{}]+)\{([^{}]*)\}/g;
  re.lastIndex = from;
  for (let m = re.exec(css); m; m = re.exec(css)) {
    const selectors = (m[1] ?? '').split(',').map((s) => s.trim());
    if (!selectors.includes(selector)) continue;
    const out: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/(--dg-[\w-]+)\s*:\s*([^;]+);/g))
      out[k as string] = (v as string).trim();
    return out;
  }
  throw new Error(`no rule for ${selector}`);
}

const THEMES = {
  light: tokens('[data-dg-theme="light"]'),
  sepia: tokens('[data-dg-theme="sepia"]'),
  dark: tokens('[data-dg-theme="dark"]'),
  'system (dark OS)': tokens('[data-dg-theme="system"]', css.indexOf('@media (prefers-color-scheme: dark)')),
};

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text token -> the backgrounds it is drawn on somewhere in the UI. */
const PAIRS: [string, string[]][] = [
  ['--dg-fg', ['--dg-bg', '--dg-surface', '--dg-toolbar', '--dg-mark', '--dg-notice']],
  ['--dg-muted', ['--dg-bg', '--dg-surface', '--dg-toolbar']],
  ['--dg-accent', ['--dg-bg', '--dg-surface', '--dg-toolbar', '--dg-notice']],
  ['--dg-on-accent', ['--dg-accent']],
  ['--dg-note', ['--dg-bg', '--dg-surface']],
  ['--dg-danger', ['--dg-bg', '--dg-surface']],
];

describe('theme tokens (components/theme.css)', () => {
  it('the contrast formula matches WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, t] of Object.entries(THEMES)) {
    it(`${name}: every text/background pair reaches 4.5:1`, () => {
      const failures: string[] = [];
      for (const [fg, bgs] of PAIRS) {
        for (const bg of bgs) {
          const a = t[fg];
          const b = t[bg];
          if (!a || !b) throw new Error(`${name}: missing ${fg} or ${bg}`);
          const ratio = contrast(a, b);
          if (ratio < 4.5) failures.push(`${fg} ${a} on ${bg} ${b}: ${ratio.toFixed(2)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('every theme defines the same tokens, and "system" on a dark OS is exactly the dark theme', () => {
    const keys = Object.keys(THEMES.light).sort();
    for (const t of Object.values(THEMES)) expect(Object.keys(t).sort()).toEqual(keys);
    expect(THEMES['system (dark OS)']).toEqual(THEMES.dark);
    expect(tokens('[data-dg-theme="system"]')).toEqual(THEMES.light);
  });
});
