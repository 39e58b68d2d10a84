/** Znews. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'znews.vn',
  name: 'Znews',
  articleUrl: idPath('html'),
  examples: {
    article: ['https://znews.vn/apple-huy-bo-du-an-quan-trong-post1528657.html'],
    notArticle: ['https://znews.vn/cong-nghe.html', 'https://znews.vn/tieu-diem/apple.html'],
  },
  body: ['.the-article-body'],
  lead: ['.the-article-summary'],
  byline: ['.the-article-credit .author', '.author'],
  // Related-article cards inside the body.
  remove: ['table.article'],
};
