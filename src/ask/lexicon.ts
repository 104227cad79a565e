import Fuse from 'fuse.js';

/** A word (or short phrase) that stands for something: a plan, a post, a person. */
export interface LexiconEntry<T> {
  term: string;
  value: T;
  /** How strongly the term points at its value (1 for an ordinary word). */
  weight: number;
}

/** A match of a typed word against the lexicon; `closeness` is 1 for an exact match. */
export interface LexiconHit<T> {
  entry: LexiconEntry<T>;
  closeness: number;
}

/**
 * "members" and "member", "services" and "service" are the same word to a reader. Only a final
 * plain "s" is dropped, so "business" and "progress" stay whole.
 */
export function stem(word: string): string {
  let w =
    word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
  // "fostering" and "foster", "delivered" and "deliver": the same word to a reader.
  if (w.length > 7 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

/**
 * Words looked up exactly first, then fuzzily (fuse.js) so typos still match: "comunications",
 * "memebers". Short words are only matched exactly: a typo in a three-letter word is another word.
 */
export class Lexicon<T> {
  private readonly exact = new Map<string, LexiconEntry<T>[]>();
  private readonly fuse: Fuse<LexiconEntry<T>>;

  constructor(entries: LexiconEntry<T>[]) {
    for (const entry of entries) {
      const key = stem(entry.term);
      const list = this.exact.get(key) ?? [];
      list.push(entry);
      this.exact.set(key, list);
    }
    this.fuse = new Fuse(entries, {
      keys: ['term'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.34,
      minMatchCharLength: 3,
    });
  }

  /** Entries the word stands for, best first (several values may share a word). */
  lookup(word: string, minCloseness = 0): LexiconHit<T>[] {
    const exact = this.exact.get(stem(word));
    if (exact) return exact.map((entry) => ({ entry, closeness: 1 }));
    if (word.length < 5 || /\d/.test(word)) return [];
    const hits: LexiconHit<T>[] = [];
    for (const result of this.fuse.search(word, { limit: 8 })) {
      const term = result.item.term;
      // Fuse also finds the word inside a longer term; a typo changes length by a letter or two.
      if (Math.abs(term.length - word.length) > 2) continue;
      if (1 - (result.score ?? 1) < minCloseness) continue;
      hits.push({ entry: result.item, closeness: 1 - (result.score ?? 1) });
    }
    return hits;
  }
}
