/**
 * Fails when raw HTML reaches the DOM anywhere but the one vetted component.
 * Everything rendered must pass through utils/extract/sanitize.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['entrypoints', 'components', 'utils'];
const ALLOWED = new Set(['components/SafeHtml.tsx', 'utils/extract/sanitize.ts']);
const SINKS = /\.innerHTML\s*=|\.outerHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write\(/;

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(tsx?|jsx?)$/.test(name) ? [p] : [];
  });

const hits = ROOTS.flatMap(walk)
  .filter((f) => !ALLOWED.has(f))
  .flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((line, i) => ({ f, i: i + 1, line }))
      .filter(({ line }) => SINKS.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*')),
  );

if (hits.length) {
  for (const h of hits) console.error(`${h.f}:${h.i}: raw HTML sink outside the sanitize module: ${h.line.trim()}`);
  process.exit(1);
}
console.log(`check-sinks: no raw HTML sinks outside ${[...ALLOWED].join(', ')}`);
