import { render } from 'preact';
import { browser } from 'wxt/browser';
// Before ./App: the page's first read (rows, theme), sent by recent-early.js or else right here.
import { recentEarly as recent, themeEarly } from '@/utils/storage/recent-early';
import { LibraryApp } from './App';
import '@/components/library/library.css';
import '@/components/reader/reader.css';
import { followTheme } from '@/components/page-theme';
import { setMessageSource } from '@/utils/i18n';

setMessageSource((key) => browser.i18n.getMessage(key));
// Same theme as the reading view, live (theme.css; index.html starts with "system").
followTheme(themeEarly);
const root = document.getElementById('app');
// The first render waits briefly for that read, so the rows are in the first frame painted.
void Promise.race([recent, new Promise<undefined>((r) => setTimeout(r, 60, undefined))]).then((first) => {
  if (root) render(<LibraryApp recent={recent} first={first} />, root);
  performance.mark('dg:render');
  // The start of the frame that holds the first rows (its paint follows; tests/bench/library.ts).
  requestAnimationFrame(() => performance.mark('dg:frame'));
});
