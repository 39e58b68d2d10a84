import type { Theme } from '@/utils/font-scale';
import { watchTheme } from '@/utils/storage/font-prefs';

/**
 * Extension pages (popup, library): the reading view's theme on <html>, live (see theme.css).
 * The first value comes with the page's first storage read (recent-early.ts), before its first
 * render, so the first frame has it; no localStorage (its first access cost ~5 ms of that frame).
 */
export function followTheme(initial: Promise<Theme>): void {
  const apply = (theme: Theme) => {
    document.documentElement.dataset.dgTheme = theme;
  };
  void initial.then(apply);
  watchTheme(apply);
}
