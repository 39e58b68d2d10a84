/** Pháp Luật TP.HCM. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'plo.vn',
  name: 'Pháp Luật TP.HCM',
  articleUrl: idPath('html'),
  examples: {
    article: ['https://plo.vn/vu-vay-ngan-hang-mua-biet-thu-vks-khang-nghi-theo-huong-huy-an-so-tham-post874715.html'],
    notArticle: ['https://plo.vn/phap-luat/', 'https://plo.vn/share874715.html'],
  },
  body: ['.article__body'],
  lead: ['.article__sapo'],
  byline: ['.article__author', '.article__meta .author'],
  remove: ['.article-relate', '.related-topic', '.article__body .article__meta'],
};
