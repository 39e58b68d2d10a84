/** Báo Nhân Dân. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'nhandan.vn',
  name: 'Báo Nhân Dân',
  articleUrl: idPath('html'),
  examples: {
    article: ['https://nhandan.vn/danh-bai-argentina-tay-ban-nha-vo-dich-world-cup-lan-thu-hai-post976641.html'],
    notArticle: ['https://nhandan.vn/tin-tuc-world-cup-2026/', 'https://nhandan.vn/chinhtri/'],
  },
  body: ['.article__body'],
  lead: ['.article__sapo'],
  byline: ['.article__author'],
};
