/**
 * Keeps Tab and Shift+Tab inside a modal view. The reading view lives in a
 * shadow root on the article page, or over the list on the library page; in
 * both, Tab past its last control would land in the page underneath, which
 * is hidden and scroll-locked. Only the wrap at either end is handled: between
 * those, the browser's own order applies.
 */

const CANDIDATES =
  'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';

/** Controls Tab can reach inside `container`, in document order. */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(CANDIDATES)).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest('[inert]') &&
      (el as HTMLInputElement).type !== 'hidden' &&
      // No box: display:none, or inside a closed <details>.
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden',
  );
}

/** The focused element as seen from inside `container`'s tree (its shadow root, or the document). */
export function focusedIn(container: HTMLElement): Element | null {
  const root = container.getRootNode() as Document | ShadowRoot;
  return root.activeElement;
}

/** Handles a Tab keydown on `container`; returns true when it moved focus itself. */
export function trapTab(e: KeyboardEvent, container: HTMLElement): boolean {
  if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return false;
  const list = tabbables(container);
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last) {
    // Nothing to reach: focus stays on the view itself.
    e.preventDefault();
    container.focus();
    return true;
  }
  const active = focusedIn(container);
  const inside = active instanceof HTMLElement && list.includes(active);
  const target = e.shiftKey ? (!inside || active === first ? last : null) : !inside || active === last ? first : null;
  if (!target) return false;
  e.preventDefault();
  target.focus();
  return true;
}

/**
 * Remembers what had focus on the page when the view opened and puts focus
 * back there on close, if that element is still in the page.
 */
export function rememberFocus(doc: Document = document): () => void {
  let el: Element | null = doc.activeElement;
  // Into open shadow roots of the page (web components), to the element itself.
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const before = el;
  return () => {
    if (before instanceof HTMLElement && before.isConnected && before !== doc.body)
      before.focus({ preventScroll: true });
  };
}
