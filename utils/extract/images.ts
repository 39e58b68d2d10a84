/**
 * Lazy-loaded images: VN sites put the real URL in data-src / data-original /
 * srcset and a 1x1 GIF or a blank placeholder in src. Make every <img> carry
 * one real absolute src, flatten <picture>, and drop placeholders and pixels.
 */

/** Attributes that hold the real image URL, most specific first. */
const LAZY_SRC_ATTRS: ReadonlyArray<[attr: string, reason: string]> = [
  ['data-src', 'lazysizes and most VN CMSs (vnexpress, plo, tienphong)'],
  ['data-original', 'jQuery lazyload (older CMSs)'],
  ['data-lazy-src', 'WordPress lazy plugins'],
  ['data-lazy', 'slick / misc lazy loaders'],
  ['data-srcset', 'lazysizes responsive images'],
  ['srcset', 'responsive images: pick the widest candidate'],
  ['src', 'plain images'],
];

/** src values that are placeholders, not pictures. */
const PLACEHOLDER_SRC =
  /^(?:data:|about:|javascript:)|(?:blank|spacer|pixel|placeholder|transparent|grey|gray|loading|lazy)[^/]*\.(?:gif|png|svg|jpe?g)(?:\?|$)/i;

/** Picks the widest candidate of a srcset ("a.jpg 480w, b.jpg 1024w" -> b.jpg). */
export function bestFromSrcset(srcset: string): string | null {
  let best: { url: string; w: number } | null = null;
  for (const part of srcset.split(/,\s+/)) {
    const [url, size] = part.trim().split(/\s+/);
    if (!url) continue;
    const w = size ? Number.parseFloat(size) * (size.endsWith('x') ? 1000 : 1) : 1;
    if (!best || w > best.w) best = { url, w: Number.isFinite(w) ? w : 1 };
  }
  return best?.url ?? null;
}

function realSrc(img: Element): string | null {
  for (const [attr] of LAZY_SRC_ATTRS) {
    const v = img.getAttribute(attr)?.trim();
    if (!v) continue;
    const url = attr.endsWith('srcset') ? bestFromSrcset(v) : v;
    if (url && !PLACEHOLDER_SRC.test(url)) return url;
  }
  return null;
}

function isTrackingPixel(img: Element): boolean {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return (w > 0 && w <= 2) || (h > 0 && h <= 2);
}

/** Rewrites the images under `root`; `base` resolves relative URLs. */
export function fixImages(root: Element, base: string | undefined): void {
  // <picture><source srcset><img></picture> -> the <img>, with the best source if it has none.
  for (const picture of [...root.querySelectorAll('picture')]) {
    const img = picture.querySelector('img');
    if (img && !realSrc(img)) {
      const source = picture.querySelector('source[srcset], source[data-srcset]');
      const url = source && bestFromSrcset(source.getAttribute('data-srcset') ?? source.getAttribute('srcset') ?? '');
      if (url) img.setAttribute('src', url);
    }
    if (img) picture.replaceWith(img);
    else picture.remove();
  }

  for (const img of [...root.querySelectorAll('img')]) {
    const src = realSrc(img);
    if (!src || isTrackingPixel(img)) {
      img.remove();
      continue;
    }
    let abs = src;
    try {
      abs = new URL(src, base).href;
    } catch {
      // Leave it; sanitize() drops anything that is not http(s).
    }
    img.setAttribute('src', abs);
    for (const [attr] of LAZY_SRC_ATTRS) if (attr !== 'src') img.removeAttribute(attr);
    img.removeAttribute('sizes');
  }
}
