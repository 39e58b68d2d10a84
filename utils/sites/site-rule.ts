/**
 * The shape of a site rule. A rule only helps Readability: it picks the body
 * root, names the sapo and byline, and lists in-body clutter. It never builds
 * HTML. When its selectors miss (the site changed layout) the generic path runs.
 */
export interface SiteRule {
  /** Registrable host, one of NEWS_HOSTS; also the rule's file name (utils/sites/<host>.ts). */
  host: string;
  /** Human name of the site, as readers know it. */
  name: string;
  /** Does this URL point at a single article (not a section, tag or search page)? */
  articleUrl(url: URL): boolean;
  /** Checked by tests/unit/sites.test.ts: articles match `articleUrl`, non-articles match no rule. */
  examples: { article: string[]; notArticle: string[] };
  /** Article body root, first match that has text wins. */
  body?: string[];
  /** The sapo (standfirst). */
  lead?: string[];
  /** Visible author line(s). */
  byline?: string[];
  /** Elements to drop before extraction (related cards inside the body, TTS players…). */
  remove?: string[];
}

/** "…-<digits>.<ext>" at the end of the path: the article id scheme of most VN CMSs. */
export function idPath(exts: string, minDigits = 5): (url: URL) => boolean {
  const re = new RegExp(`-(?:post)?\\d{${minDigits},}\\.(?:${exts})$`, 'i');
  return (url) => re.test(url.pathname);
}
