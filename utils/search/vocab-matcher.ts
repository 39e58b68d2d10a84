/**
 * Which articles contain every query word: the matching half of library search
 * (MiniSearch does the ranking). Each article keeps the ids of its folded
 * words, sorted, in a typed array; ids follow the sorted dictionary, so the
 * words starting with a prefix form one id range. A whole word or a prefix is
 * then a binary search per article: 5,000 articles in about a millisecond and
 * a few MB, where a substring scan of their vocabularies took tens of ms.
 */

// Two monomorphic copies: one shared generic version runs several times slower in V8.
function lowerBoundWord(xs: string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as string) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the sorted ids hold a value in [from, to). */
function hasInRange(ids: Uint32Array, from: number, to: number): boolean {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && (ids[lo] as number) < to;
}

export interface Needle {
  word: string;
  /** The word still being typed: any word starting with it matches. */
  prefix: boolean;
}

export class VocabMatcher {
  private dict: string[] = [];
  private compiled = new Map<string, Uint32Array>();
  /** Articles added or changed since the last build: checked by substring, they are few. */
  private loose = new Map<string, string>();

  /** Compiles every article's words; call after bulk changes. */
  build(words: Map<string, string[]>): void {
    const all = new Set<string>();
    for (const ws of words.values()) for (const w of ws) all.add(w);
    this.dict = [...all].sort();
    const idOf = new Map(this.dict.map((w, i) => [w, i]));
    this.compiled = new Map();
    for (const [id, ws] of words) {
      const ids = new Uint32Array(ws.length);
      ws.forEach((w, i) => {
        ids[i] = idOf.get(w) ?? 0;
      });
      this.compiled.set(id, ids.sort());
    }
    this.loose = new Map();
  }

  set(id: string, words: string[]): void {
    this.compiled.delete(id);
    this.loose.set(id, ` ${words.join(' ')} `);
  }

  delete(id: string): void {
    this.compiled.delete(id);
    this.loose.delete(id);
  }

  ids(): IterableIterator<string> {
    return [...this.compiled.keys(), ...this.loose.keys()][Symbol.iterator]();
  }

  /** Ids (from `pool`, or all) whose words satisfy every needle. */
  match(needles: Needle[], pool: Iterable<string> = this.ids()): string[] {
    const from = new Uint32Array(needles.length);
    const to = new Uint32Array(needles.length);
    needles.forEach(({ word, prefix }, i) => {
      const lo = lowerBoundWord(this.dict, word);
      from[i] = lo;
      to[i] = prefix ? lowerBoundWord(this.dict, `${word}\uffff`) : this.dict[lo] === word ? lo + 1 : lo;
    });
    const strings = needles.map(({ word, prefix }) => (prefix ? ` ${word}` : ` ${word} `));
    const out: string[] = [];
    for (const id of pool) {
      const ids = this.compiled.get(id);
      if (ids) {
        let ok = true;
        for (let i = 0; ok && i < from.length; i++) ok = hasInRange(ids, from[i] as number, to[i] as number);
        if (ok) out.push(id);
        continue;
      }
      const text = this.loose.get(id);
      if (text != null && strings.every((s) => text.includes(s))) out.push(id);
    }
    return out;
  }
}
