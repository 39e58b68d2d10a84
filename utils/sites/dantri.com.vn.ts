/** Dân trí. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'dantri.com.vn',
  name: 'Dân trí',
  articleUrl: idPath('htm', 10),
  examples: {
    article: [
      'https://dantri.com.vn/kinh-doanh/gia-vang-giam-van-cao-hon-the-gioi-gan-20-trieu-dongluong-20260307080054340.htm',
    ],
    notArticle: ['https://dantri.com.vn/kinh-doanh.htm', 'https://dantri.com.vn/kinh-doanh/tai-chinh.htm'],
  },
  body: ['#desktop-in-article', '.singular-content'],
  // The current layout marks the sapo h2 with data-slot; .singular-sapo is the older layout.
  lead: ['h2[data-slot="sapo"]', '.singular-sapo'],
  remove: ['.dantri-widget', 'aside[data-module]'],
};
