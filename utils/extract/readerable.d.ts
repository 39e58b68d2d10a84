// The cheap pre-check alone, so that the content script does not bundle the full parser.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';

  const check: typeof isProbablyReaderable;
  export default check;
}
