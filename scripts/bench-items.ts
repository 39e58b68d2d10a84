/**
 * Bench of the action-item parser over the labelled set (tests/fixtures/action-items): precision, recall and
 * announced-count accuracy, overall and per pattern, plus parse time. Scoring is defined in
 * tests/fixtures/action-items/score.ts. Run: npm run bench:items
 */

import { JSDOM } from 'jsdom';
import { CASES, caseHtml } from '../tests/fixtures/action-items/cases';
import { type CaseScore, scoreCase, total } from '../tests/fixtures/action-items/score';
import { findActionItems } from '../utils/action-items';

/** Parses per case, to average out timer noise. */
const TIMING_RUNS = 20;

const fmt = (x: number): string => x.toFixed(3);

function main(): void {
  const dom = new JSDOM('');
  const doc = dom.window.document;
  const byPattern = new Map<string, CaseScore[]>();
  const all: CaseScore[] = [];
  const misses: string[] = [];
  let ms = 0;
  for (const c of CASES) {
    const html = caseHtml(c);
    const root = doc.createElement('div');
    root.innerHTML = html;
    const found = findActionItems(root);
    const t0 = performance.now();
    for (let i = 0; i < TIMING_RUNS; i++) {
      const copy = doc.createElement('div');
      copy.innerHTML = html;
      findActionItems(copy);
    }
    ms += (performance.now() - t0) / TIMING_RUNS;
    const s = scoreCase(found, c.expected);
    all.push(s);
    byPattern.set(c.pattern, [...(byPattern.get(c.pattern) ?? []), s]);
    if (s.correct !== s.found || s.correct !== s.expected || s.announcedRight !== s.lists) misses.push(c.id);
  }

  console.log('pattern'.padEnd(16), 'cases', 'found', 'expect', 'prec ', 'recall', 'count');
  for (const [pattern, scores] of [...byPattern].sort(([a], [b]) => a.localeCompare(b))) {
    const t = total(scores);
    console.log(
      pattern.padEnd(16),
      String(scores.length).padStart(5),
      String(t.found).padStart(5),
      String(t.expected).padStart(6),
      fmt(t.precision),
      fmt(t.recall).padStart(6),
      fmt(t.announcedAccuracy),
    );
  }
  if (misses.length > 0) console.log(`\nnot exact: ${misses.join(', ')}`);
  const t = total(all);
  console.log(
    `\nbench:items cases=${CASES.length} items=${t.expected} precision=${fmt(t.precision)} recall=${fmt(t.recall)} ` +
      `announced=${fmt(t.announcedAccuracy)} (${t.announcedRight}/${t.lists} lists) parse=${(ms / CASES.length).toFixed(2)} ms/case`,
  );
}

main();
