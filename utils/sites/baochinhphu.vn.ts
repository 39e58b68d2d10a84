/** Báo Điện tử Chính phủ. */
import { idPath, type SiteRule } from './site-rule';

export const rule: SiteRule = {
  host: 'baochinhphu.vn',
  name: 'Báo Điện tử Chính phủ',
  articleUrl: idPath('htm'),
  examples: {
    article: ['https://baochinhphu.vn/chinh-sach-moi-co-hieu-luc-tu-thang-3-2026-102260228093004191.htm'],
    notArticle: ['https://baochinhphu.vn/chinh-sach-moi.htm', 'https://baochinhphu.vn/'],
  },
  body: ['.detail-content'],
  lead: ['.detail-sapo'],
  // RelatedNewsBox: "Tham khảo thêm" cards embedded in the body.
  remove: ['[type="RelatedNewsBox"]', '.VCSortableInPreviewMode[type="RelatedNews"]'],
};
