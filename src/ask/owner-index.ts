import { Lexicon, stem } from './lexicon';
import { LONG_FORMS } from './short-forms';
import type { Found } from './slot-patterns';
import { normaliseQuestion, QUESTION_WORDS, wordsOf } from './text';

/** Someone a question can be about, as the people directory knows them. */
export interface PersonFacts {
  name: string;
  email: string;
}

/** Who a question is about: a service, a post or a person (their email). */
export interface OwnerSlots {
  service?: string;
  post?: string;
  person?: string;
}

const ROLE_WORDS = new Set([
  'head',
  'director',
  'manager',
  'officer',
  'chief',
  'lead',
  'leader',
  'executive',
  'clerk',
  'assistant',
  'deputy',
  'monitoring',
]);
const JOINERS = new Set(['of', 'and', 'the', 'for', 'to', 'in']);
// "Democratic Services" and "Democratic" are the same service to a reader.
const GENERIC = new Set(['service', 'services', 'department', 'team', 'directorate', 'dept']);

const tokens = (text: string): string[] => wordsOf(normaliseQuestion(text));
const core = (text: string): string[] =>
  tokens(text).filter((w) => !JOINERS.has(w) && !GENERIC.has(w));

interface Named {
  value: string;
  /** The words that tell it apart. */
  words: string[];
  /** Every word of its name, for taking them out of the question. */
  all: Set<string>;
}

// A service name followed by one of these is part of a plan's name: "the Children's Services
// improvement plan", "the Audit and Governance Committee's plan".
const PLAN_NOUN =
  /^(?:plans?|improvement|review|committee|committees|panel|panels|scrutiny|action|one|audit)\b/;

const named = (value: string): Named => ({
  value,
  words: core(value).map(stem),
  all: new Set(tokens(value).map(stem)),
});

/** Posts, services and people, ready to be found in the words of a question. */
export class OwnerIndex {
  private readonly posts: Named[];
  private readonly services: Named[];
  private readonly people: { person: PersonFacts; first: string; last: string }[];
  private readonly words: Lexicon<string>;

  constructor(input: { posts: string[]; services: string[]; people: PersonFacts[] }) {
    this.posts = [...new Set(input.posts.map((p) => p.trim()).filter(Boolean))].map(named);
    this.services = [...new Set(input.services.map((s) => s.trim()).filter(Boolean))]
      .map(named)
      .filter((s) => s.words.length > 0);
    this.people = input.people.map((person) => {
      const parts = tokens(person.name);
      return { person, first: parts[0] ?? '', last: parts[parts.length - 1] ?? '' };
    });
    const known = new Set([
      ...this.posts.flatMap((p) => p.words),
      ...this.services.flatMap((s) => s.words),
      ...this.people.flatMap((p) => [p.first, p.last]),
    ]);
    this.words = new Lexicon([...known].map((term) => ({ term, value: term, weight: 1 })));
  }

  /** The word as the directory spells it ("comunications" → "communication"), else as typed. */
  private canonical(word: string): string {
    const full = LONG_FORMS.get(word);
    if (full) return stem(full);
    if (QUESTION_WORDS.has(word)) return word;
    return this.words.lookup(word, 0.75)[0]?.entry.value ?? stem(word);
  }

  /** A service, post or person named in the (normalised) text, with the words it used. */
  find(text: string): Found<OwnerSlots> | null {
    const words = wordsOf(text);
    const canon = words.map((w) => this.canonical(w));
    const post = this.findPost(words, canon);
    if (post) return post;
    const person = this.findPerson(words, canon);
    if (person) return person;
    return this.findService(words, canon);
  }

  private findPost(words: string[], canon: string[]): Found<OwnerSlots> | null {
    const roleAt = words.findIndex((w) => ROLE_WORDS.has(w));
    if (roleAt < 0) return null;
    const present = new Set(canon);
    let best: { named: Named; share: number; hits: number } | null = null;
    for (const named of this.posts) {
      const roles = named.words.filter((w) => ROLE_WORDS.has(w));
      const rest = named.words.filter((w) => !ROLE_WORDS.has(w));
      if (roles.length === 0 || !roles.every((w) => present.has(w))) continue;
      const hits = rest.filter((w) => present.has(w)).length;
      const share = rest.length === 0 ? 1 : hits / rest.length;
      if ((rest.length > 0 && hits === 0) || share < 0.5) continue;
      if (!best || share > best.share || (share === best.share && hits > best.hits)) {
        best = { named, share, hits };
      }
    }
    if (!best) return null;
    const used = best.named.all;
    return {
      value: { post: best.named.value },
      text: words.filter((_, i) => used.has(canon[i]) || used.has(stem(words[i]))).join(' '),
    };
  }

  private findPerson(words: string[], canon: string[]): Found<OwnerSlots> | null {
    const present = new Set(canon);
    const full = this.people.filter((p) => present.has(p.first) && present.has(p.last));
    const byFirst = this.people.filter((p) => present.has(p.first));
    const byLast = this.people.filter((p) => present.has(p.last));
    const pick = full.length === 1 ? full : byFirst.length === 1 ? byFirst : byLast;
    if (pick.length !== 1) return null;
    const { person, first, last } = pick[0];
    return {
      value: { person: person.email },
      text: words.filter((_, i) => canon[i] === first || canon[i] === last).join(' '),
    };
  }

  private findService(words: string[], canon: string[]): Found<OwnerSlots> | null {
    const present = new Set(canon);
    const hits = this.services
      .filter((s) => s.words.every((w) => present.has(w)))
      .sort((a, b) => b.words.length - a.words.length);
    for (const hit of hits) {
      const at = words
        .map((_, i) => i)
        .filter((i) => hit.all.has(canon[i]) || hit.all.has(stem(words[i])));
      const after = words.slice(at[at.length - 1] + 1).join(' ');
      if (PLAN_NOUN.test(after)) continue;
      return { value: { service: hit.value }, text: at.map((i) => words[i]).join(' ') };
    }
    return null;
  }
}
