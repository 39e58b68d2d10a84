import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ImportReport } from '../storage/saved-articles';
import type { IncomingArticle, SavedArticleMeta } from '../storage/saved-schema';
import type { Article } from '../types';

/** What the popup learns about a tab before the reader is opened. */
export type TabStatus =
  | { kind: 'article'; title: string | null; url: string }
  | { kind: 'not-article'; title: string | null; url: string }
  /** No detector runs here (not a known news site): the reader can still be injected on request. */
  | { kind: 'unknown'; title: string | null; url: string }
  /** Browser pages, the new tab page, the PDF viewer, the web store: no content script may run. */
  | { kind: 'restricted'; url: string };

export type ReaderResult = { ok: true; open: boolean } | { ok: false; error: UserError };
export type WriteResult = { ok: true } | { ok: false; error: UserError };
export type SaveResult = { ok: true; record: SavedArticleMeta } | { ok: false; error: UserError };

/** Failures the UI explains to the user; each maps to a localized message. */
export type UserError = 'no-article' | 'restricted' | 'save-failed' | 'quota' | 'unknown';

export interface DetectResult {
  isArticle: boolean;
  title: string | null;
}

/**
 * One typed message map for every context. Names carry their direction:
 * page* = content script -> background, tab* = popup -> background,
 * reader* = background -> reader content script.
 */
export interface ProtocolMap {
  pageDetected(data: DetectResult): void;
  detectStatus(): DetectResult;
  tabStatus(tabId: number): TabStatus;
  tabToggleReader(tabId: number): ReaderResult;
  tabSave(tabId: number): SaveResult;
  /** Writes to saved articles go through the background, the single writer. */
  savedDelete(id: string): { ok: boolean };
  savedSetDone(data: { id: string; list: number; n: number; done: boolean }): WriteResult;
  /** Library page: delete; the removed records come back for undo (re-imported as they were). */
  libraryDelete(ids: string[]): { ok: true; removed: IncomingArticle[] } | { ok: false; error: UserError };
  /** Library page: import validated records (also undo); merges by URL. */
  libraryImport(articles: IncomingArticle[]): { ok: true; report: ImportReport } | { ok: false; error: UserError };
  /** Pages: `savedRecent` did not match the per-article keys; the background rewrites it. */
  libraryRepairRecent(): { ok: boolean };
  readerPing(): true;
  readerToggle(data: { open?: boolean }): { open: boolean; error?: UserError };
  readerExtract(): Article | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
