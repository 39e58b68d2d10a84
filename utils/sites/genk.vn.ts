/** GenK. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'genk.vn',
  name: 'GenK',
  articleUrl: idPath('chn'),
  examples: {
    article: ['https://genk.vn/vi-sao-apple-bat-ngo-cat-qua-tang-sinh-vien-165260716163514059.chn'],
    notArticle: ['https://genk.vn/mobile.chn', 'https://genk.vn/'],
  },
  body: ['#ContentDetail'],
  lead: ['.knc-sapo'],
};
