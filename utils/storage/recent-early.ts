/**
 * Imported first by the popup and library entrypoints: their one `savedRecent`
 * read is sent while the rest of the page's modules are still being evaluated.
 */
import { readRecent } from './saved-recent';

export const recentEarly = readRecent();
