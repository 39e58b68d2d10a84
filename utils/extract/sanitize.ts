/**
 * The one place that calls DOMPurify and the only producer of SafeHtml.
 * Everything rendered as HTML anywhere in the extension comes out of here.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import type { SafeHtml } from '../types';

/** Article markup a reading view needs; anything else is unwrapped (text kept) or dropped. */
const ALLOWED_TAGS = [
  // blocks
  'p',
  'div',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'hr',
  'br',
  'pre',
  'figure',
  'figcaption',
  'img',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  // inline
  'a',
  'span',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'mark',
  'small',
  'code',
  'cite',
  'q',
];

/** No class/id/style/on*: presentation and behaviour belong to the reading view, not the page. */
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan'];

/** Our own annotations (data-dg-item="L-N" from the action-item parser) survive; the page's data-* do not. */
const OWN_DATA_ATTR = /^data-dg-[a-z0-9-]+$/;

/** Links: web and mail only. Relative URLs were made absolute by the extractor beforehand. */
const SAFE_HREF = /^(?:https?:|mailto:)/i;
/** Images: web only (no data:, blob:, javascript:). */
const SAFE_SRC = /^https?:/i;

/** Elements whose content goes with them (plus DOMPurify's defaults: script, style, svg, math, iframe…). */
const DROP_WITH_CONTENT = [
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'object',
  'embed',
  'frame',
  'frameset',
  'canvas',
  'audio',
  'video',
  'template',
  'noscript',
  'link',
  'meta',
  'base',
];

/** Alt texts that are file names or numbers ("luu-van18.jpg", "anh 1") describe nothing. */
const NON_DESCRIPTIVE_ALT = /^(?:[\w.-]+\.(?:jpe?g|png|gif|webp|avif|bmp|svg)|(?:ảnh|hình|image|img|photo)?\s*\d*)$/iu;

/**
 * Every image gets an alt so screen readers never spell out a URL: a real
 * description is kept, a missing or file-name alt becomes "" (the figcaption,
 * when there is one, already says what the picture shows).
 */
function usefulAlt(alt: string | null): string {
  const text = alt?.replace(/\s+/g, ' ').trim() ?? '';
  return NON_DESCRIPTIVE_ALT.test(text) ? '' : text;
}

const CONFIG: Config & { RETURN_DOM?: false; RETURN_DOM_FRAGMENT?: false } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // Plain values, not URLs: exempt them from ALLOWED_URI_REGEXP.
  ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_HREF,
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

function configure(purifier: Purifier): Purifier {
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    // Keep our own annotations; their values are short ids, never URLs or markup.
    if (OWN_DATA_ATTR.test(data.attrName) && /^[\w-]{0,40}$/.test(data.attrValue)) data.forceKeepAttr = true;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.nodeType !== 1) return;
    const tag = el.tagName.toLowerCase();
    if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href !== null && !SAFE_HREF.test(href.trim())) el.removeAttribute('href');
      if (el.hasAttribute('href')) {
        el.setAttribute('rel', 'noopener noreferrer');
        el.setAttribute('target', '_blank');
      }
    } else if (tag === 'img') {
      const src = el.getAttribute('src')?.trim() ?? '';
      // An image without a web src shows nothing but a broken icon.
      if (!SAFE_SRC.test(src)) el.remove();
      else el.setAttribute('alt', usefulAlt(el.getAttribute('alt')));
    } else if (el.hasAttribute('src')) {
      el.removeAttribute('src');
    }
  });
  return purifier;
}

// One configured purifier per window (jsdom windows in Node; the page's in the browser).
const byWindow = new WeakMap<object, Purifier>();
let defaultPurifier: Purifier | undefined;

function purifierFor(win?: Window): Purifier {
  if (!win) {
    // The default export is already bound to the global window when one exists.
    defaultPurifier ??= configure(DOMPurify);
    return defaultPurifier;
  }
  let p = byWindow.get(win);
  if (!p) {
    p = configure(DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]));
    byWindow.set(win, p);
  }
  return p;
}

/**
 * Clean untrusted article HTML for rendering. `win` binds DOMPurify to a
 * window (a jsdom window in Node); by default the global window is used.
 * An element (the extractor's detached working copy) is sanitized in place and
 * serialized once, which saves a serialize-and-reparse; it is consumed.
 * Throws when no DOM is available rather than returning unsanitized input.
 */
export function sanitize(input: string | Element, win?: Window): SafeHtml {
  const purifier = purifierFor(win);
  if (!purifier.isSupported) throw new Error('sanitize(): DOMPurify has no DOM here; pass a jsdom window');
  if (typeof input === 'string') return purifier.sanitize(input, CONFIG) as unknown as SafeHtml;
  purifier.sanitize(input, { ...CONFIG, IN_PLACE: true });
  return input.innerHTML as SafeHtml;
}
