import { watchTheme } from '@/utils/storage/font-prefs';

// The last theme is cached in this origin's localStorage so the first frame already has it.
const THEME_CACHE = 'dg-theme';

/** Extension pages (popup, library): the reading view's theme on <html>, live (see theme.css). */
export function followTheme(): void {
  document.documentElement.dataset.dgTheme = localStorage.getItem(THEME_CACHE) ?? 'system';
  watchTheme((theme) => {
    document.documentElement.dataset.dgTheme = theme;
    localStorage.setItem(THEME_CACHE, theme);
  });
}
