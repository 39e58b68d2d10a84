/**
 * Generic clutter removal for Vietnamese news pages, before Readability.
 * Every rule is a row in a table below with the reason it exists; the
 * functions at the bottom only apply the tables.
 */
import { collapseWhitespace } from '../text/normalize';

/** Elements that never carry article text. */
const NEVER_CONTENT: ReadonlyArray<[selector: string, reason: string]> = [
  ['script, style, noscript, template, link, meta', 'code and styling, no reading text'],
  ['nav, [role="navigation"]', 'menus'],
  ['form, button, input, select, textarea', 'search boxes, comment forms, newsletter sign-ups'],
  ['iframe, object, embed, video, audio', 'players and embeds show nothing in a text reading view'],
  ['[hidden], [aria-hidden="true"]:not(img, i, span, svg)', 'hidden containers (e.g. tuoitre "Đọc tiếp" box)'],
  [
    '[style*="display:none"], [style*="display: none"], [style*="visibility:hidden"], [style*="visibility: hidden"]',
    'inline-hidden widgets',
  ],
  ['ins.adsbygoogle, [id^="adm-"], [id^="banner"], [class*="banner"]', 'ad slots'],
];

/**
 * Class / id tokens of boxes around the article. A token matches when it equals
 * one of these words or starts/ends with it after "-" or "_" ("box-related", "tag_list").
 */
const CLUTTER_TOKENS: ReadonlyArray<[word: string, reason: string]> = [
  ['breadcrumb', 'breadcrumbs ("Trang chủ / Kinh tế / …")'],
  ['breadcrumbs', 'breadcrumbs'],
  ['related', 'related-news boxes'],
  ['relate', 'related-news boxes (plo.vn / tienphong.vn "article-relate")'],
  ['tinlienquan', 'related-news boxes'],
  ['lienquan', 'related-news boxes'],
  ['tags', 'tag lists ("Từ khóa: …")'],
  ['tag', 'tag lists'],
  ['keywords', 'tag lists'],
  ['share', 'share bars (Facebook, Zalo, copy link)'],
  ['social', 'share bars and follow buttons'],
  ['fontsize', 'font-size controls ("Nhỏ / Bình thường / Lớn")'],
  ['comment', 'comment boxes'],
  ['comments', 'comment boxes'],
  ['ads', 'ad slots'],
  ['advertisement', 'ad slots'],
  ['banner', 'ad slots'],
  ['footer', 'page footers'],
  ['header', 'page headers, menus'],
  ['menu', 'menus'],
  ['audio', 'text-to-speech players'],
  ['tts', 'text-to-speech players'],
  ['player', 'audio / video players'],
  ['toolbar', 'icon toolbars ("chia sẻ / in / bình luận")'],
  ['print', 'print buttons'],
  ['newsletter', 'sign-up boxes'],
  ['mostread', 'most-read lists'],
  ['most', 'most-read lists ("most-read", "most-view")'],
  ['author', 'author boxes: avatar, name, bio, "Xem tất cả bài viết" (the byline comes from metadata)'],
];

/**
 * Class / id tokens of short link lines, which may be a bare <p>, <li> or <span>
 * rather than a box (so CLUTTER_TOKENS, containers only, misses them). Removed
 * only when short and mostly links.
 */
const LINK_LINE_TOKENS: ReadonlyArray<[word: string, reason: string]> = [
  ['category', 'category label above the headline (znews "p.the-article-category")'],
  ['cate', 'category label ("cate", "parent_cate")'],
  ['crumbs', 'breadcrumbs split as "bread-crumbs"'],
  ['breadcrumb', 'breadcrumbs'],
  ['tags', 'tag line without a "Từ khóa:" label (znews "p.the-article-tags")'],
  ['tag', 'tag lines'],
  ['keyword', 'keyword lines'],
  ['keywords', 'keyword lines'],
];
/** A link line is at most this long and at least this much link text. */
const LINK_LINE_MAX_CHARS = 300;
const LINK_LINE_MIN_DENSITY = 0.5;

/**
 * Labels that announce related or navigational content. A block whose whole
 * text is one of them is removed together with the link list it introduces.
 */
export const RELATED_LABELS: readonly string[] = [
  'tin liên quan',
  'bài liên quan',
  'tin cùng chuyên mục',
  'cùng chuyên mục',
  'xem thêm',
  'đọc thêm',
  'tham khảo thêm',
  'bạn có thể quan tâm',
  'có thể bạn quan tâm',
  'đọc tiếp',
  'về trang chủ đề',
  'tin mới',
  'tin mới nhất',
  'tin nổi bật',
  'tin cũ hơn',
  'tin đọc nhiều',
  'đọc nhiều',
  'xem nhiều',
  'tin khác',
  'dòng sự kiện',
  'nổi bật trang chủ',
  'video đang xem nhiều',
];

/** Words of icon toolbars and share bars; a short block made only of these is a toolbar. */
const TOOLBAR_WORDS: ReadonlyArray<[label: string, reason: string]> = [
  ['chia sẻ', 'share button'],
  ['lưu tin', 'bookmark button'],
  ['lưu bài', 'bookmark button'],
  ['lưu', 'bookmark button'],
  ['in bài', 'print button'],
  ['bình luận', 'comment button'],
  ['trở về', 'back button'],
  ['nghe', 'listen button'],
  ['google news', 'follow button'],
  ['zalo', 'share button'],
  ['facebook', 'share button'],
  ['twitter', 'share button'],
  ['email', 'share button'],
  ['copy link', 'share button'],
  ['text', 'tienphong icon label'],
  ['in', 'print icon label'],
  ['báo', 'tienphong icon label'],
];
const TOOLBAR_WORD = `(?:${TOOLBAR_WORDS.map(([w]) => w).join('|')})`;

/** Video player controls that survive as text once the <video> is gone. */
const PLAYER_WORD =
  '(?:đang phát|tạm dừng|phát lại|tắt tiếng|bật tiếng|toàn màn hình|thoát toàn màn hình|xem video|\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*/\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?)';

/** Short widgets recognised by their whole text (case-insensitive, whitespace collapsed). */
const WIDGET_TEXTS: ReadonlyArray<[pattern: RegExp, reason: string]> = [
  [/^(?:cỡ chữ:?\s*)?(?:a[-+]?\s*)*nhỏ\s+(?:bình thường|vừa|trung bình)\s+lớn$/i, 'font-size control'],
  [/^cỡ chữ:?(?:\s*a[-+]?)*$|^a-\s+(?:a\s+)?a\+$/i, 'font-size control "Cỡ chữ A- A A+"'],
  [/^(?:(?:nam|nữ) miền (?:bắc|trung|nam)\s*)+$/i, 'text-to-speech voice menu'],
  [/^(?:nghe|đọc) bài(?: viết)?(?:\s+\d+:\d+)?$/i, 'text-to-speech button'],
  [/^(?:giọng đọc|tốc độ(?: đọc)?)\s*:?(?:\s*[\d.,]+\s*x)?$/i, 'text-to-speech voice and speed labels'],
  [new RegExp(`^${TOOLBAR_WORD}(?:\\s+${TOOLBAR_WORD})*$`, 'i'), 'icon-label toolbars and share bars'],
  [new RegExp(`^${PLAYER_WORD}(?:\\s+${PLAYER_WORD})*$`, 'i'), 'video-player labels'],
  [/^(?:trang chủ\s*[/>»›]\s*)\S/i, 'breadcrumbs'],
  [/^(?:từ khóa|từ khoá|tags?|chủ đề)\s*:/i, 'tag lines ("Từ khóa:", "Tags:", "Chủ đề:")'],
  [/^(?:copy link|link bài gốc|lấy link)/i, 'source-link widget (VCCorp sites)'],
];

/**
 * Classes that hide an element (vnexpress "ul.list-news.hidden", tuoitre "d-none").
 * Exact tokens only, and not with a responsive class that shows it again ("d-none d-lg-block").
 */
const HIDDEN_CLASSES = new Set(['hidden', 'hide', 'd-none', 'is-hidden', 'invisible']);
const RESPONSIVE_SHOW = /^(?:d-(?:sm|md|lg|xl|xxl)-(?!none)|visible-|show-)/;

/** Block containers that class/id rules may remove. */
const CONTAINERS = 'div, section, aside, ul, ol, table, header, footer, nav, figure';

const NEVER_CONTENT_SELECTOR = NEVER_CONTENT.map(([s]) => s).join(', ');

/** Any visible character (not whitespace, not zero-width): cheaper than collapsing the text. */
const VISIBLE_CHAR = /[^\s\u200b-\u200d\u2060\ufeff]/;

const norm = (s: string | null | undefined) => collapseWhitespace(s ?? '').toLowerCase();

const tokenRe = (w: string) => new RegExp(`(?:^|[-_])${w}(?:$|[-_])`, 'i');
const TOKEN_RES = CLUTTER_TOKENS.map(([w]) => tokenRe(w));
const LINK_LINE_RES = LINK_LINE_TOKENS.map(([w]) => tokenRe(w));

function isClassHidden(el: Element): boolean {
  const list = [...el.classList];
  return list.some((c) => HIDDEN_CLASSES.has(c)) && !list.some((c) => RESPONSIVE_SHOW.test(c));
}

function hasToken(el: Element, res: RegExp[]): boolean {
  const tokens = [...el.classList, el.id].filter(Boolean);
  return tokens.some((t) => res.some((re) => re.test(t)));
}

function hasClutterToken(el: Element): boolean {
  return isClassHidden(el) || hasToken(el, TOKEN_RES);
}

/** Text length of links inside `el` over its whole text length. */
export function linkDensity(el: Element): number {
  const total = norm(el.textContent).length;
  if (!total) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += norm(a.textContent).length;
  return links / total;
}

/** Elements that must survive: the body root and everything holding it or the headline. */
function makeGuard(keep: Element[]) {
  return (el: Element) => {
    const tag = el.tagName;
    if (tag === 'HTML' || tag === 'BODY' || tag === 'HEAD') return true;
    return keep.some((k) => el === k || el.contains(k));
  };
}

/**
 * The element whose direct <p> children hold the most text: the article body
 * in all but the strangest layouts. Guarded so that a misleading class name on
 * an ancestor (vnexpress calls its main column "sidebar-1") cannot remove it.
 */
function mainTextContainer(root: Element): Element | null {
  const score = new Map<Element, number>();
  for (const p of root.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent) continue;
    const len = norm(p.textContent).length;
    if (len > 40) score.set(parent, (score.get(parent) ?? 0) + len);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, n] of score) {
    if (n > bestScore) {
      best = el;
      bestScore = n;
    }
  }
  return bestScore >= 500 ? best : null;
}

/** Removes `el` unless guarded. */
function drop(el: Element, guarded: (el: Element) => boolean): void {
  if (!guarded(el) && el.isConnected) el.remove();
}

/**
 * The container a related-content label belongs to: climb while the parent is
 * still a small, link-heavy box; stop before anything that holds the article.
 */
function labelBox(label: Element, guarded: (el: Element) => boolean): Element {
  let box = label;
  for (let p = label.parentElement; p && !guarded(p); p = p.parentElement) {
    const len = norm(p.textContent).length;
    if (len > 3000 || (len > norm(label.textContent).length + 20 && linkDensity(p) < 0.35)) break;
    box = p;
  }
  // A bare heading: take the list or box that follows it too.
  if (box === label) {
    const next = label.nextElementSibling;
    if (next && linkDensity(next) > 0.5 && !guarded(next)) next.remove();
  }
  return box;
}

/**
 * Removes generic clutter under `root`. `keep` are elements that must survive
 * with their ancestors (the chosen body root, the headline).
 */
export function removeClutter(root: Element, keep: Element[] = []): void {
  const main = mainTextContainer(root);
  const guarded = makeGuard(main ? [...keep, main] : keep);

  // 1. Elements that never carry article text: one query for the whole table (one DOM pass).
  for (const el of root.querySelectorAll(NEVER_CONTENT_SELECTOR)) drop(el, guarded);

  // 2. Boxes named like clutter (class / id tokens). Containers only: inline links
  // such as nhandan's "cms-relate" are part of their sentence.
  for (const el of root.querySelectorAll(CONTAINERS)) {
    if (el.isConnected && hasClutterToken(el)) drop(el, guarded);
  }

  // 2b. Category labels, breadcrumbs and tag lines, wherever they sit (znews keeps them beside the h1).
  for (const el of root.querySelectorAll('p, div, ul, ol, li, span')) {
    if (!el.isConnected || !hasToken(el, LINK_LINE_RES)) continue;
    if (norm(el.textContent).length <= LINK_LINE_MAX_CHARS && linkDensity(el) >= LINK_LINE_MIN_DENSITY)
      drop(el, guarded);
  }

  // 3. Labels announcing related content, with the box they head.
  const labels = new Set(RELATED_LABELS);
  for (const el of root.querySelectorAll('h2, h3, h4, h5, h6, p, div, span, strong, b, a, li, header, label')) {
    if (!el.isConnected || el.children.length > 3) continue;
    const t = norm(el.textContent)
      .replace(/[:»›>…]+$/, '')
      .trim();
    if (labels.has(t)) drop(labelBox(el, guarded), guarded);
  }

  // 4. Short widgets recognised by their text.
  for (const el of root.querySelectorAll('div, p, ul, ol, span, section, li')) {
    if (!el.isConnected) continue;
    const t = collapseWhitespace(el.textContent ?? '');
    if (!t || t.length > 200) continue;
    if (WIDGET_TEXTS.some(([re]) => re.test(t))) drop(el, guarded);
  }

  // 5. Link-only lists and boxes (related headlines, "Tin cũ hơn").
  for (const el of root.querySelectorAll('ul, ol, div, section, aside')) {
    if (!el.isConnected) continue;
    const links = el.querySelectorAll('a').length;
    if (links < 3) continue;
    if (el.querySelector('p') && el.tagName !== 'UL' && el.tagName !== 'OL') {
      // A box with paragraphs is only clutter if nearly all its text is links.
      if (linkDensity(el) < 0.9) continue;
    } else if (linkDensity(el) < 0.8) continue;
    drop(el, guarded);
  }
}

/** Removes elements left without text or media (empty widget slots, spacer divs). */
export function removeEmpty(root: Element): void {
  const candidates = [
    ...root.querySelectorAll('div, section, aside, span, p, ul, ol, li, figure, table, a, strong, em, b, i'),
  ];
  for (const el of candidates.reverse()) {
    if (VISIBLE_CHAR.test(el.textContent ?? '')) continue;
    if (el.querySelector('img, picture, video, hr, br, table')) continue;
    if (el.tagName === 'BR' || el.tagName === 'HR') continue;
    el.remove();
  }
}
