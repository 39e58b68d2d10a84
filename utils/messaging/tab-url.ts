/**
 * Pages where no content script can run: browser pages, the new tab page,
 * extension pages, the Chrome Web Store / AMO, and Chrome's PDF viewer.
 * Checked before trying, so the popup can explain instead of showing an error.
 */
const RESTRICTED_SCHEMES =
  /^(chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|chrome-search|devtools|view-source|resource|data|file):/i;
const RESTRICTED_HOSTS = [
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
];

export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return true;
  if (RESTRICTED_SCHEMES.test(url)) return true;
  try {
    const u = new URL(url);
    if (RESTRICTED_HOSTS.includes(u.hostname)) return true;
    // The PDF viewer replaces the page; there is no DOM to read.
    return /\.pdf$/i.test(u.pathname);
  } catch {
    return true;
  }
}

/** Maps a scripting/tabs error to a user-facing code. */
export function injectionErrorCode(err: unknown): 'restricted' | 'unknown' {
  const msg = String((err as Error)?.message ?? err);
  return /cannot access|cannot be scripted|missing host permission|extensions gallery|chrome:\/\/|not allowed|permission/i.test(
    msg,
  )
    ? 'restricted'
    : 'unknown';
}
