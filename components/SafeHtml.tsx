import { useMemo } from 'preact/hooks';
import { sanitize } from '@/utils/extract/sanitize';

/**
 * The one place page HTML reaches the DOM. It sanitizes again on render, so
 * HTML read back from storage or an import is treated as hostile too.
 */
export function SafeHtml({ html, class: className, testId }: { html: string; class?: string; testId?: string }) {
  const safe = useMemo(() => sanitize(html), [html]);
  // The input is the output of sanitize() just above; scripts/check-sinks.ts allows only this file.
  return <div class={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: safe }} />;
}
