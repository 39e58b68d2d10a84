/** Shared plain-data shapes of the browser-free core. */

/** HTML that came out of the one sanitize() module. Only that module mints it. */
export type SafeHtml = string & { readonly __safeHtml: unique symbol };

export interface ActionItem {
  /** 1-based position in its list. */
  n: number;
  /** The marker as written, without trailing punctuation: "Thứ nhất", "Một là", "1", "(2)". */
  marker: string;
  /** The item's own text, starting after its marker. For a heading marker, the heading then its section. */
  text: string;
  /** A short label: the first clause of the item's own block, at most ~12 words. */
  title?: string;
  /** Lettered "a)" or dashed "- " points that belong to this item; not repeated in `text`. */
  subItems?: ActionSubItem[];
}

export interface ActionSubItem {
  /** As written: "a)", "đ)", "(b)", "-", "•", "(1)". */
  marker: string;
  text: string;
}

export interface ActionItemList {
  /** The count the article announces before the list ("bảy trọng tâm" -> 7), or null. */
  announcedCount: number | null;
  items: ActionItem[];
}

/** What the extractor gives for one article page. */
export interface Article {
  url: string;
  /** Registrable host, e.g. "baoquocte.vn". */
  site: string;
  /** Human name of the site, e.g. "Báo Quốc Tế". */
  siteName: string;
  title: string;
  byline: string | null;
  /** ISO 8601 with offset, or null. */
  publishedTime: string | null;
  /** The sapo, shown once, or null. */
  lead: string | null;
  excerpt: string;
  /** Sanitized body, without the title or the lead. Block elements of action items carry data-dg-item="L-N". */
  contentHtml: SafeHtml;
  /** Plain text of the body, blocks separated by newlines. */
  text: string;
  wordCount: number;
  readingMinutes: number;
  actionItems: { lists: ActionItemList[] };
}
