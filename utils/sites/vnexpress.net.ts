/** VnExpress. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'vnexpress.net',
  name: 'VnExpress',
  // Topic pages (/chu-de/…-5411) carry short ids too.
  articleUrl: (url) => idPath('html', 6)(url) && !url.pathname.startsWith('/chu-de/'),
  examples: {
    article: [
      'https://vnexpress.net/cach-cac-nuoc-doi-pho-cu-soc-nang-luong-tu-trung-dong-5047363.html',
      'https://e.vnexpress.net/news/business/economy/some-story-4426992.html',
    ],
    notArticle: ['https://vnexpress.net/kinh-doanh', 'https://vnexpress.net/chu-de/xung-dot-trung-dong-5411'],
  },
  body: ['article.fck_detail'],
  lead: ['p.description'],
  byline: ['article.fck_detail > p.author_mail', 'article.fck_detail > p[style*="right"]'],
  remove: ['.list-news', '.list_link', '#wrap-adv'],
};
