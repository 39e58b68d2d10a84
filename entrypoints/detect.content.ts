import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '@/utils/extract/detect';
import { type DetectResult, onMessage, sendMessage } from '@/utils/messaging/protocol';
import { NEWS_MATCHES } from '@/utils/sites/hosts';

/**
 * Runs on every page of the news sites, so it stays small: a cheap read-only
 * check for the badge. The reader itself is injected only when asked.
 */
export default defineContentScript({
  matches: NEWS_MATCHES,
  runAt: 'document_idle',
  main() {
    // Keyed by URL: news sites that navigate with pushState get a fresh answer.
    let cached: { url: string; result: DetectResult } | null = null;
    const detect = (): DetectResult => {
      if (cached?.url !== location.href) {
        const { isArticle, title } = detectArticle(document, location.href);
        cached = { url: location.href, result: { isArticle, title } };
      }
      return cached.result;
    };
    onMessage('detectStatus', () => detect());
    void sendMessage('pageDetected', detect()).catch(() => undefined);
  },
});
