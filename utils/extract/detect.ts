/**
 * Cheap "is this an article?" check for the content script, run on every page
 * load. It must stay small: no Readability parser, no cloning, no mutation.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { newsHostOf } from '../sites/hosts';
import { genericArticleUrl, siteRuleFor } from '../sites/rules';
import { collapseWhitespace } from '../text/normalize';

export interface Detection {
  isArticle: boolean;
  title: string | null;
  /** Which signal decided: "site-url", "og:type", "json-ld", "readerable", "not-article-url", "none". */
  reason: string;
}

const ARTICLE_LD = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:News)?Article"/;

function quickTitle(doc: Document): string | null {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  const h1 = doc.querySelector('h1')?.textContent;
  const t = collapseWhitespace(og || h1 || doc.title || '');
  return t || null;
}

export function detectArticle(doc: Document, url: string): Detection {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  const title = quickTitle(doc);
  if (parsed) {
    const rule = siteRuleFor(parsed.hostname);
    if (rule) {
      // On a known site the URL scheme is authoritative: section pages also carry og:type=article.
      return rule.articleUrl(parsed)
        ? { isArticle: true, title, reason: 'site-url' }
        : { isArticle: false, title, reason: 'not-article-url' };
    }
    if (newsHostOf(parsed.hostname) && genericArticleUrl(parsed)) return { isArticle: true, title, reason: 'site-url' };
  }
  if (doc.querySelector('meta[property="og:type"][content="article"]'))
    return { isArticle: true, title, reason: 'og:type' };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    if (ARTICLE_LD.test(s.textContent ?? '')) return { isArticle: true, title, reason: 'json-ld' };
  }
  if (isProbablyReaderable(doc)) return { isArticle: true, title, reason: 'readerable' };
  return { isArticle: false, title, reason: 'none' };
}
