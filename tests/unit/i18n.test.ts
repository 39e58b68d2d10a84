import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type MessageTable, setMessageTable, t, uiLang } from '@/utils/i18n';

const load = (lang: string): MessageTable =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'));
const vi = load('vi');
const en = load('en');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  afterEach(() => setMessageTable(vi));

  it('English is complete: the same keys as Vietnamese, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const table of [vi, en]) {
      for (const [key, { message }] of Object.entries(table)) expect(message.trim(), key).not.toBe('');
    }
  });

  it('every message keeps the same {placeholders} in both languages', () => {
    for (const key of Object.keys(vi))
      expect(placeholders(en[key]?.message ?? ''), key).toEqual(placeholders(vi[key]?.message ?? ''));
  });

  it('no message uses "$", which browser.i18n would read as a substitution', () => {
    for (const table of [vi, en])
      for (const [key, { message }] of Object.entries(table)) expect(message, key).not.toContain('$');
  });

  it('the store listing is localised', () => {
    expect(vi.extDescription?.message).toMatch(/báo/);
    expect(en.extDescription?.message).toMatch(/Vietnamese news/);
  });

  it('t() fills placeholders and follows the loaded table', () => {
    expect(uiLang()).toBe('vi');
    expect(t('readingMinutes', { n: 5 })).toBe('5 phút đọc');
    setMessageTable(en);
    expect(uiLang()).toBe('en');
    expect(t('readingMinutes', { n: 5 })).toBe('5 min read');
  });
});
