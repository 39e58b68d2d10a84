/**
 * Per-site knowledge: how an article URL looks, the site's human name, and
 * where its article body, sapo and byline live. Everything else is handled by
 * the generic Vietnamese rules in utils/extract/. Sorted by host; each rule
 * lists example article and non-article URLs that the unit tests check.
 */
import { newsHostOf } from './hosts';

export interface SiteRule {
  /** Registrable host, one of NEWS_HOSTS. */
  host: string;
  /** Human name of the site, as readers know it. */
  name: string;
  /** Does this URL point at a single article (not a section, tag or search page)? */
  articleUrl(url: URL): boolean;
  examples: { article: string[]; notArticle: string[] };
  /** Article body root, first match that has text wins. */
  body?: string[];
  /** The sapo (standfirst). */
  lead?: string[];
  /** Visible author line(s). */
  byline?: string[];
  /** Elements to drop before extraction (related cards inside the body, TTS players…). */
  remove?: string[];
}

/** "…-<digits>.<ext>" at the end of the path: the article id scheme of most VN CMSs. */
function idPath(exts: string, minDigits = 5): (url: URL) => boolean {
  const re = new RegExp(`-(?:post)?\\d{${minDigits},}\\.(?:${exts})$`, 'i');
  return (url) => re.test(url.pathname);
}

export const SITE_RULES: readonly SiteRule[] = [
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
    lead: ['.singular-sapo'],
    remove: ['.dantri-widget', 'aside[data-module]'],
  },
  {
    host: 'genk.vn',
    name: 'GenK',
    articleUrl: idPath('chn'),
    examples: {
      article: ['https://genk.vn/vi-sao-apple-bat-ngo-cat-qua-tang-sinh-vien-165260716163514059.chn'],
      notArticle: ['https://genk.vn/mobile.chn', 'https://genk.vn/'],
    },
    body: ['#ContentDetail'],
    lead: ['.knc-sapo'],
  },
  {
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
  },
  {
    host: 'plo.vn',
    name: 'Pháp Luật TP.HCM',
    articleUrl: idPath('html'),
    examples: {
      article: [
        'https://plo.vn/vu-vay-ngan-hang-mua-biet-thu-vks-khang-nghi-theo-huong-huy-an-so-tham-post874715.html',
      ],
      notArticle: ['https://plo.vn/phap-luat/', 'https://plo.vn/share874715.html'],
    },
    body: ['.article__body'],
    lead: ['.article__sapo'],
    byline: ['.article__author', '.article__meta .author'],
    remove: ['.article-relate', '.related-topic', '.article__body .article__meta'],
  },
  {
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
  },
  {
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
  },
  {
    host: 'vnexpress.net',
    name: 'VnExpress',
    // Topic pages (/chu-de/…-5411) carry short ids too.
    articleUrl: (url) => idPath('html', 6)(url) && !url.pathname.startsWith('/chu-de/'),
    examples: {
      article: [
        'https://vnexpress.net/cach-cac-nuoc-doi-pho-cu-soc-nang-luong-tu-trung-dong-5047363.html',
        'https://e.vnexpress.net/news/business/economy/some-story-4426992.html',
      ],
      notArticle: ['https://vnexpress.net/kinh-doanh', 'https://vnexpress.net/chu-de/xung-dot-trung-dong-5411'],
    },
    body: ['article.fck_detail'],
    lead: ['p.description'],
    byline: ['article.fck_detail > p.author_mail', 'article.fck_detail > p[style*="right"]'],
    remove: ['.list-news', '.list_link', '#wrap-adv'],
  },
  {
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
  },
];

/**
 * Fallback article-URL test for news hosts without a rule: the id-in-path
 * schemes shared by most Vietnamese CMSs (-123456.html, -post123.html, .chn, .tpo, .ldo).
 */
export const genericArticleUrl = idPath('html|htm|chn|tpo|ldo|vnp|epi', 5);

/** The rule for a hostname (subdomains included), or null. */
export function siteRuleFor(hostname: string): SiteRule | null {
  const host = newsHostOf(hostname) ?? hostname.toLowerCase().replace(/^www\./, '');
  return SITE_RULES.find((r) => r.host === host) ?? null;
}
