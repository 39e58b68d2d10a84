import type { SavedArticleMeta } from '@/utils/storage/saved-schema';

/** A saved-article record with neutral defaults; tests set only the fields they look at. */
export const meta = (id: string, over: Partial<SavedArticleMeta> = {}): SavedArticleMeta => ({
  id,
  url: `https://vnexpress.net/${id}.html`,
  title: '',
  site: 'vnexpress.net',
  siteName: 'VnExpress',
  byline: null,
  publishedTime: null,
  savedAt: 0,
  lead: null,
  excerpt: '',
  wordCount: 0,
  readingMinutes: 0,
  actionItems: [],
  ...over,
});
