/** Tuổi Trẻ. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'tuoitre.vn',
  name: 'Tuổi Trẻ',
  articleUrl: idPath('htm', 10),
  examples: {
    article: ['https://tuoitre.vn/chien-su-day-gia-hoa-nhap-khau-dip-8-3-tang-manh-20260307075519174.htm'],
    notArticle: ['https://tuoitre.vn/kinh-doanh.htm', 'https://tuoitre.vn/'],
  },
  // The first match; the second is an empty popup body.
  body: ['.detail-content[data-role="content"]', '.detail-content'],
  lead: ['.detail-sapo'],
  remove: ['[type="RelatedOneNews"]', '.readmore-body-box', '#ObjectDetailPopup'],
};
