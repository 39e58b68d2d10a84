/** Tiền Phong. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'tienphong.vn',
  name: 'Tiền Phong',
  articleUrl: idPath('tpo'),
  examples: {
    article: ['https://tienphong.vn/sieu-mau-noi-y-bi-mang-khap-mang-xa-hoi-post1874068.tpo'],
    notArticle: ['https://tienphong.vn/giai-tri/', 'https://tienphong.vn/'],
  },
  body: ['.article__body'],
  lead: ['.article__sapo'],
  byline: ['.article__author'],
  remove: ['.article-relate'],
};
