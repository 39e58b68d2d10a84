/** Plain text of article HTML, one line per block, the way the reading view shows it. */
import { BLOCK_TAGS } from '../text/block-tags';
import { collapseWhitespace } from '../text/normalize';

/** Table cells of one row end up on one line, joined with " | " as in the gold files. */
const CELL_TAGS = new Set(['TD', 'TH']);

/**
 * Text of `root` split at block elements and <br>, whitespace collapsed (NFC), empty lines dropped.
 * Table rows give one line each, cells joined by " | ".
 */
export function blockLines(root: Node): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = collapseWhitespace(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      if (tag === 'TR') {
        flush();
        const cells = Array.from(el.children)
          .filter((c) => CELL_TAGS.has(c.tagName.toUpperCase()))
          .map((c) => blockLines(c).join(' '))
          .filter(Boolean);
        if (cells.length) lines.push(cells.join(' | '));
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      walk(el);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return lines;
}
