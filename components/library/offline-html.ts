/**
 * The saved copy shown offline: remote images are replaced by a labelled
 * placeholder, so opening a saved article makes no network request (the
 * library page's CSP blocks them too, as a second line). Parsing happens in an
 * inert DOMParser document, which loads nothing; the result is sanitized again.
 */
import { sanitize } from '@/utils/extract/sanitize';
import type { SafeHtml } from '@/utils/types';

export function offlineHtml(html: string, imageLabel: string): SafeHtml {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const ph = doc.createElement('span');
    // data-dg-* survives the sanitizer; the value is a fixed token.
    ph.setAttribute('data-dg-img', 'off');
    const alt = img.getAttribute('alt')?.trim();
    ph.textContent = alt ? `${imageLabel}: ${alt}` : imageLabel;
    img.replaceWith(ph);
  }
  return sanitize(doc.body.innerHTML);
}
