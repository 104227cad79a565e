import { Lexicon, stem, type LexiconEntry } from './lexicon';
import type { PlanFacts } from './plan-names';
import { SHORT_FORMS } from './short-forms';
import { normaliseQuestion, QUESTION_WORDS, wordsOf } from './text';

export type { PlanFacts } from './plan-names';

/** Plans found from the words of a question: one, several close ones, or none. */
export type PlanMatch =
  | { kind: 'one'; planId: string; words: string[]; byName: boolean }
  | { kind: 'several'; planIds: string[]; words: string[] }
  | { kind: 'none' };

// How strongly each kind of word points at a plan.
const WEIGHT = { acronym: 4, title: 3, short: 3, committee: 2, topic: 1.5 };
const TOPIC_WORDS = 14;
// Below this a plan is not named at all; within this ratio of the best, a plan is a rival.
const MIN_SCORE = 1.4;
const RIVAL_RATIO = 0.75;
// A word several plans share ("the scrutiny plan") names none of them, but is worth asking about.
const SHARED_SCORE = 0.45;

const significant = (text: string): string[] =>
  wordsOf(normaliseQuestion(text)).filter(
    (w) => !QUESTION_WORDS.has(w) && w.length > 2 && !/^\d+$/.test(w),
  );

function acronymsOf(title: string): string[] {
  const found = new Set<string>();
  for (const m of title.matchAll(/\(([A-Za-z]{2,6})\)|\b([A-Z]{2,6})\b/g)) {
    const word = (m[1] ?? m[2]).toLowerCase();
    if (!QUESTION_WORDS.has(word)) found.add(word);
  }
  const initials = wordsOf(normaliseQuestion(title))
    .filter((w) => !QUESTION_WORDS.has(w) && !['and', 'of', 'the', 'for', 'hoc', 'ad'].includes(w))
    .map((w) => w[0])
    .join('');
  if (initials.length >= 2 && initials.length <= 5) found.add(initials);
  return [...found];
}

/** Words frequent in one plan's actions and rare in the others': what the plan is about. */
function topicWords(plans: PlanFacts[]): Map<string, string[]> {
  const counts = plans.map((p) => {
    const c = new Map<string, number>();
    for (const w of p.texts.flatMap(significant).map(stem)) c.set(w, (c.get(w) ?? 0) + 1);
    return c;
  });
  const spread = new Map<string, number>();
  for (const c of counts) for (const w of c.keys()) spread.set(w, (spread.get(w) ?? 0) + 1);
  return new Map(
    plans.map((p, i) => [
      p.id,
      [...counts[i].entries()]
        .filter(([w, n]) => n >= 2 && w.length > 3)
        .map(([w, n]) => ({ w, score: n / (spread.get(w) ?? 1) ** 2 }))
        .sort((a, b) => b.score - a.score || a.w.localeCompare(b.w))
        .slice(0, TOPIC_WORDS)
        .map((t) => t.w),
    ]),
  );
}

/** What plans are called and what they are about, ready to match the words of questions. */
export class PlanIndex {
  private readonly lexicon: Lexicon<string>;
  /** Per plan, the terms from its names (title, short forms, acronym, committee), not topics. */
  private readonly names = new Map<string, Set<string>>();
  readonly plans: PlanFacts[];

  constructor(plans: PlanFacts[]) {
    this.plans = plans;
    const topics = topicWords(plans);
    const raw: LexiconEntry<string>[] = [];
    for (const plan of plans) {
      const names = new Set<string>();
      this.names.set(plan.id, names);
      const add = (term: string, weight: number): void => {
        raw.push({ term: stem(term), value: plan.id, weight });
        if (weight > WEIGHT.topic) names.add(stem(term));
      };
      for (const w of significant(plan.title)) {
        add(w, WEIGHT.title);
        for (const s of SHORT_FORMS[w] ?? []) add(s, WEIGHT.short);
      }
      for (const w of significant(plan.id.replace(/-/g, ' '))) add(w, WEIGHT.title);
      for (const a of acronymsOf(plan.title)) add(a, WEIGHT.acronym);
      for (const w of significant(plan.committee ?? '')) add(w, WEIGHT.committee);
      for (const w of topics.get(plan.id) ?? []) add(w, WEIGHT.topic);
    }
    // One entry per plan and word (the strongest), then shared words weakened by how many plans
    // share them: "scrutiny" in every title names none of them.
    const best = new Map<string, LexiconEntry<string>>();
    for (const e of raw) {
      const key = `${e.value}\u0000${e.term}`;
      if ((best.get(key)?.weight ?? 0) < e.weight) best.set(key, e);
    }
    const spread = new Map<string, number>();
    for (const e of best.values()) spread.set(e.term, (spread.get(e.term) ?? 0) + 1);
    this.lexicon = new Lexicon(
      [...best.values()].map((e) => ({ ...e, weight: e.weight / (spread.get(e.term) ?? 1) })),
    );
  }

  /** The plan with this id, if any. */
  get(id: string): PlanFacts | undefined {
    return this.plans.find((p) => p.id === id);
  }

  /** Which plan the words name. `words` are those left once other slots took theirs. */
  match(words: string[]): PlanMatch {
    const scores = new Map<string, number>();
    const used = new Map<string, Set<string>>();
    const byName = new Set<string>();
    for (const word of words) {
      if (QUESTION_WORDS.has(word) || word.length < 3 || /^\d/.test(word)) continue;
      // Each word counts once per plan, through its best-matching term.
      const perPlan = new Map<string, number>();
      for (const hit of this.lexicon.lookup(word)) {
        const value = hit.entry.weight * hit.closeness ** 2;
        if (this.names.get(hit.entry.value)?.has(hit.entry.term)) byName.add(hit.entry.value);
        if ((perPlan.get(hit.entry.value) ?? 0) < value) perPlan.set(hit.entry.value, value);
      }
      for (const [planId, value] of perPlan) {
        scores.set(planId, (scores.get(planId) ?? 0) + value);
        const set = used.get(planId) ?? new Set<string>();
        set.add(word);
        used.set(planId, set);
      }
    }
    const ranked = [...scores.entries()]
      .filter(([, s]) => s >= MIN_SCORE)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const wordsFor = (ids: string[]): string[] => [
      ...new Set(ids.flatMap((id) => [...(used.get(id) ?? [])])),
    ];
    if (ranked.length === 0) {
      const weak = [...scores.entries()]
        .filter(([, s]) => s >= SHARED_SCORE)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const shared = weak.filter(([id]) =>
        [...(used.get(id) ?? [])].some((w) =>
          weak.some(([other]) => other !== id && used.get(other)?.has(w)),
        ),
      );
      if (shared.length < 2) return { kind: 'none' };
      const ids = shared.slice(0, 3).map(([id]) => id);
      return { kind: 'several', planIds: ids, words: wordsFor(ids) };
    }
    const [top] = ranked;
    const rivals = ranked.filter(([, s]) => s >= top[1] * RIVAL_RATIO).slice(0, 3);
    if (rivals.length === 1) {
      return { kind: 'one', planId: top[0], words: wordsFor([top[0]]), byName: byName.has(top[0]) };
    }
    const ids = rivals.map(([id]) => id);
    return { kind: 'several', planIds: ids, words: wordsFor(ids) };
  }
}
