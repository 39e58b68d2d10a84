/**
 * UI strings, Vietnamese first with English beside. The manifest's own strings
 * live in public/_locales; these are for the Preact UI, which must also work
 * in the offline library and in unit tests where browser.i18n is absent.
 */
const MESSAGES = {
  appName: { vi: 'Đọc Gọn', en: 'Đọc Gọn' },
  openReader: { vi: 'Đọc gọn', en: 'Read clean' },
  closeReader: { vi: 'Đóng', en: 'Close' },
  saveArticle: { vi: 'Lưu bài', en: 'Save article' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  saved: { vi: 'Đã lưu', en: 'Saved' },
  savedList: { vi: 'Bài đã lưu', en: 'Saved articles' },
  noSaved: { vi: 'Chưa có bài nào được lưu.', en: 'No saved articles yet.' },
  delete: { vi: 'Xoá', en: 'Delete' },
  deleteTitle: { vi: 'Xoá bài này khỏi danh sách đã lưu', en: 'Remove from saved articles' },
  statusArticle: { vi: 'Trang này là một bài báo', en: 'This page is an article' },
  statusNotArticle: {
    vi: 'Trang này có vẻ không phải bài báo. Bạn vẫn có thể thử đọc gọn.',
    en: 'This page does not look like an article. You can still try.',
  },
  statusUnknown: { vi: 'Trang chưa được nhận diện. Bấm Đọc gọn để thử.', en: 'Page not recognised. Try Read clean.' },
  statusRestricted: {
    vi: 'Đọc Gọn không thể chạy trên trang này (trang của trình duyệt, thẻ mới hoặc trình xem PDF).',
    en: 'Đọc Gọn cannot run on this page (browser page, new tab or PDF viewer).',
  },
  errNoArticle: {
    vi: 'Không tìm thấy nội dung bài viết trên trang này',
    en: 'No article content was found on this page',
  },
  errRestricted: { vi: 'Không thể chạy trên trang này.', en: 'Cannot run on this page.' },
  errSaveFailed: {
    vi: 'Không lưu được bài. Dữ liệu cũ vẫn còn nguyên.',
    en: 'Could not save. Existing data is intact.',
  },
  errQuota: {
    vi: 'Bộ nhớ đã đầy nên chưa lưu được bài. Hãy xoá bớt bài cũ rồi thử lại.',
    en: 'Storage is full, so the article was not saved. Delete some and retry.',
  },
  errUnknown: { vi: 'Đã có lỗi xảy ra. Hãy tải lại trang rồi thử lại.', en: 'Something went wrong. Reload and retry.' },
  actionItems: { vi: 'Việc cần làm', en: 'Action items' },
  itemsCount: { vi: '{n} ý', en: '{n} items' },
  announcedMismatch: {
    vi: 'Bài viết nêu {a} ý nhưng tìm thấy {n}.',
    en: 'The article announces {a} items but {n} were found.',
  },
  readingMinutes: { vi: '{n} phút đọc', en: '{n} min read' },
  fontSize: { vi: 'Cỡ chữ', en: 'Text size' },
  fontDecrease: { vi: 'Giảm cỡ chữ (phím -)', en: 'Smaller text (-)' },
  fontIncrease: { vi: 'Tăng cỡ chữ (phím +)', en: 'Larger text (+)' },
  fontReset: { vi: 'Cỡ mặc định (phím 0)', en: 'Default size (0)' },
  presetSmall: { vi: 'Nhỏ', en: 'Small' },
  presetMedium: { vi: 'Vừa', en: 'Medium' },
  presetLarge: { vi: 'Lớn', en: 'Large' },
  presetXLarge: { vi: 'Rất lớn', en: 'Extra large' },
  siteOnly: { vi: 'Chỉ cho trang {site}', en: 'Only for {site}' },
  closeHint: { vi: 'Đóng (Esc)', en: 'Close (Esc)' },
  savedAt: { vi: 'Lưu lúc {d}', en: 'Saved {d}' },
  copyText: { vi: 'Chép văn bản', en: 'Copy text' },
  copyMarkdown: { vi: 'Chép Markdown', en: 'Copy Markdown' },
  copied: { vi: 'Đã chép', en: 'Copied' },
  copyFailed: { vi: 'Không chép được vào bộ nhớ tạm.', en: 'Could not copy to the clipboard.' },
  showItems: { vi: 'Xem {n} việc cần làm', en: 'Show {n} action items' },
  originalLink: { vi: 'Xem bài gốc', en: 'Original article' },
  library: { vi: 'Thư viện', en: 'Library' },
  libraryTitle: { vi: 'Thư viện bài đã lưu', en: 'Saved library' },
  libraryMore: { vi: 'và {n} bài khác trong Thư viện', en: 'and {n} more in the Library' },
  librarySearch: {
    vi: 'Tìm theo tiêu đề, sapo, trang, việc cần làm, nội dung (gõ không dấu cũng được)',
    en: 'Search title, sapo, site, items, body (diacritics optional)',
  },
  libraryAllSites: { vi: 'Tất cả các trang', en: 'All sites' },
  librarySortSaved: { vi: 'Mới lưu trước', en: 'Recently saved' },
  librarySortPublished: { vi: 'Mới đăng trước', en: 'Recently published' },
  libraryRelevance: { vi: 'Xếp theo mức liên quan', en: 'Sorted by relevance' },
  libraryCount: { vi: '{n}/{total} bài', en: '{n}/{total} articles' },
  libraryLoading: { vi: 'Đang tải…', en: 'Loading…' },
  libraryIndexing: { vi: 'Đang lập chỉ mục nội dung bài…', en: 'Indexing article bodies…' },
  libraryEmpty: { vi: 'Chưa có bài nào được lưu.', en: 'No saved articles yet.' },
  libraryNoMatch: { vi: 'Không có bài nào khớp.', en: 'No matching articles.' },
  libraryOpen: { vi: 'Đọc', en: 'Read' },
  libraryShowMore: { vi: 'Hiện thêm {n} bài', en: 'Show {n} more' },
  librarySelect: { vi: 'Chọn', en: 'Select' },
  librarySelectAll: { vi: 'Chọn tất cả đang hiện', en: 'Select all shown' },
  librarySelected: { vi: 'Đã chọn {n}', en: '{n} selected' },
  libraryDeleteSelected: { vi: 'Xoá các bài đã chọn', en: 'Delete selected' },
  libraryExportJson: { vi: 'Xuất JSON', en: 'Export JSON' },
  libraryExportMarkdown: { vi: 'Xuất Markdown', en: 'Export Markdown' },
  libraryExportScope: { vi: '(các bài đã chọn)', en: '(selection)' },
  libraryImport: { vi: 'Nhập từ tệp JSON', en: 'Import JSON file' },
  libraryDeleted: { vi: 'Đã xoá {n} bài.', en: '{n} deleted.' },
  libraryUndo: { vi: 'Hoàn tác', en: 'Undo' },
  libraryRestored: { vi: 'Đã khôi phục {n} bài.', en: '{n} restored.' },
  libraryImportReport: {
    vi: 'Nhập xong: thêm {added}, cập nhật {updated}, không đổi {unchanged}, bị loại {rejected}.',
    en: 'Import done: {added} added, {updated} updated, {unchanged} unchanged, {rejected} rejected.',
  },
  libraryImportBadFile: {
    vi: 'Tệp không hợp lệ ({reason}). Thư viện không bị thay đổi.',
    en: 'Invalid file ({reason}). The library is unchanged.',
  },
  libraryCorrupt: {
    vi: '{n} bản ghi bị hỏng đã được bỏ qua. Các bài khác vẫn bình thường.',
    en: '{n} corrupt records were skipped. Everything else is fine.',
  },
  libraryExportCorrupt: { vi: 'Xuất bản ghi hỏng (JSON thô)', en: 'Export corrupt records (raw JSON)' },
  libraryBack: { vi: '← Thư viện', en: '← Library' },
  libraryOffline: {
    vi: 'Đang đọc bản đã lưu, không cần mạng. Ảnh không được tải.',
    en: 'Reading the saved copy, offline. Images are not loaded.',
  },
  libraryImageOff: { vi: 'Ảnh (không tải khi đọc ngoại tuyến)', en: 'Image (not loaded offline)' },
  libraryNotFound: {
    vi: 'Không mở được bài này: bản lưu bị thiếu hoặc hỏng.',
    en: 'This saved copy is missing or damaged.',
  },
  libraryProgress: { vi: 'Việc cần làm: {d}/{n}', en: 'Action items: {d}/{n}' },
  libraryPublished: { vi: 'Đăng {d}', en: 'Published {d}' },
  errWriteFailed: {
    vi: 'Không ghi được vào bộ nhớ. Thư viện vẫn như cũ.',
    en: 'Could not write to storage. The library is unchanged.',
  },
  errQuotaLibrary: {
    vi: 'Bộ nhớ đã đầy (hết dung lượng đĩa hoặc hạn mức), nên thao tác chưa được thực hiện. Thư viện vẫn như cũ.',
    en: 'Storage is full (disk or quota), so nothing was done. The library is unchanged.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'vi' | 'en';

let current: Lang = 'vi';

/** Picks English only when the browser UI asks for it; Vietnamese otherwise. */
export function setLang(uiLanguage: string | undefined): void {
  current = uiLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][current].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const ERROR_KEYS = {
  'no-article': 'errNoArticle',
  restricted: 'errRestricted',
  'save-failed': 'errSaveFailed',
  quota: 'errQuota',
  unknown: 'errUnknown',
} as const satisfies Record<string, MessageKey>;

export function errorMessage(code: keyof typeof ERROR_KEYS): string {
  return t(ERROR_KEYS[code]);
}
