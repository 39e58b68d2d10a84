/**
 * UI strings. public/_locales/{vi,en}/messages.json are the single source and
 * the extension reads them through browser.i18n (Vietnamese is the default
 * locale). utils/ stays browser-free, so the lookup is injected: entrypoints
 * pass browser.i18n.getMessage, tests and scripts pass a messages.json table.
 */
import type viMessages from '@/public/_locales/vi/messages.json';

export type MessageKey = keyof typeof viMessages;
export type Lang = 'vi' | 'en';
export type MessageTable = Record<string, { message: string }>;

type Lookup = (key: MessageKey) => string;

let lookup: Lookup = (key) => key;

/** Entrypoints: `setMessageSource((k) => browser.i18n.getMessage(k))`. */
export function setMessageSource(fn: Lookup): void {
  lookup = fn;
}

/** Tests and scripts: look messages up in a loaded messages.json. */
export function setMessageTable(table: MessageTable): void {
  lookup = (key) => table[key]?.message ?? '';
}

/** The locale the messages come from, for `lang` attributes on UI chrome. */
export function uiLang(): Lang {
  return lookup('langCode') === 'en' ? 'en' : 'vi';
}

/** `{name}` placeholders are ours (browser.i18n leaves braces alone). A missing key shows itself. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = lookup(key) || key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const ERROR_KEYS = {
  'no-article': 'errNoArticle',
  restricted: 'errRestricted',
  'save-failed': 'errSaveFailed',
  quota: 'errQuota',
  unknown: 'errUnknown',
} as const satisfies Record<string, MessageKey>;

export function errorMessage(code: keyof typeof ERROR_KEYS): string {
  return t(ERROR_KEYS[code]);
}
