/** CafeF. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'cafef.vn',
  name: 'CafeF',
  articleUrl: idPath('chn'),
  examples: {
    article: [
      'https://cafef.vn/tang-ho-tro-giam-ap-luc-tai-chinh-khi-chuyen-muc-dich-su-dung-dat-188260307071033787.chn',
    ],
    notArticle: ['https://cafef.vn/bat-dong-san.chn', 'https://cafef.vn/'],
  },
  body: ['.detail-content'],
  lead: ['h2.sapo'],
  // "TIN MỚI" strip opens the body container; filled by JS.
  remove: ['.tindnd'],
};
