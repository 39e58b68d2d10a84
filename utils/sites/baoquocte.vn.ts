/** Báo Quốc Tế. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'baoquocte.vn',
  name: 'Báo Quốc Tế',
  articleUrl: idPath('html'),
  examples: {
    article: [
      'https://baoquocte.vn/ban-quan-ly-cac-khu-cong-nghiep-va-che-xuat-ha-noi-chung-tay-xay-dung-tp-ha-noi-ngay-cang-van-minh-hien-dai-263451.html',
    ],
    notArticle: ['https://baoquocte.vn/kinh-te', 'https://baoquocte.vn/tag/ha-noi'],
  },
  body: ['.article__body'],
  lead: ['.article__sapo'],
  byline: ['.article__author'],
};
