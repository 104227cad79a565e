import { findDateRange } from './date-phrases';
import { INTENTS, type IntentDefinition } from './intents';
import type { OwnerIndex } from './owner-index';
import type { PlanIndex } from './plan-index';
import type { Reading, Slots } from './reading';
import { findRef, findSchedule, findStatuses, type Found } from './slot-patterns';
import { normaliseQuestion, QUESTION_WORDS, wordsOf } from './text';

/** What understanding a question needs: the plans and people it may name, and the clock. */
export interface AskContext {
  plans: PlanIndex;
  owners: OwnerIndex;
  now: Date;
  timezone: string;
  /** The intents to recognise (default {@link INTENTS}). */
  intents?: IntentDefinition[];
}

/**
 * The outcome: one clear reading; two or three close ones to offer as choices (`best` is the
 * likeliest); or nothing the bot can answer.
 */
export type Understanding =
  | { kind: 'understood'; best: Reading }
  | { kind: 'unsure'; about: 'plan' | 'intent'; best: Reading; readings: Reading[] }
  | { kind: 'not-understood' };

// A reading needs this much evidence; a rival within MARGIN of the best makes the bot ask.
const MIN_SCORE = 1.5;
const MARGIN = 1;

/** Slots found in the text, and the text left for plan matching. */
function extractSlots(
  normalised: string,
  now: Date,
  timezone: string,
): { slots: Slots; rest: string } {
  let rest = ` ${normalised} `;
  const slots: Slots = {};
  const take = <T>(found: Found<T> | null): T | null => {
    if (!found) return null;
    rest = rest.replace(found.text, ' ');
    return found.value;
  };
  const ref = take(findRef(rest));
  if (ref) slots.ref = ref;
  const schedule = take(findSchedule(rest));
  if (schedule) slots.schedule = schedule;
  const range = take(findDateRange(rest.trim(), now, timezone));
  if (range) Object.assign(slots, range);
  const statuses = take(findStatuses(rest));
  if (statuses) slots.statuses = statuses;
  return { slots, rest };
}

function score(intent: IntentDefinition, text: string, slots: Slots): number {
  let total = intent.fromSlots?.(slots) ?? 0;
  for (const [pattern, weight] of intent.cues) if (pattern.test(text)) total += weight;
  return total;
}

/**
 * Reads a question with an explicit grammar: slots first (reference, schedule, dates, statuses,
 * who, then the plan from the words left), then each intent scored by its cues and slots.
 * Pure: the same text, plans, people and clock always give the same answer.
 */
export function understand(question: string, context: AskContext): Understanding {
  const text = normaliseQuestion(question);
  if (text === '') return { kind: 'not-understood' };
  const { slots, rest: afterSlots } = extractSlots(text, context.now, context.timezone);
  let rest = afterSlots;
  const owner = context.owners.find(rest.trim());
  if (owner) {
    Object.assign(slots, owner.value);
    for (const word of owner.text.split(' ')) rest = rest.replace(` ${word} `, ' ');
  }
  const plan = context.plans.match(wordsOf(rest.trim()));
  if (plan.kind === 'one') slots.plan = plan.planId;
  const planned = slots;

  const scored = (context.intents ?? INTENTS)
    .map((intent) => ({ intent: intent.name, score: score(intent, text, planned) }))
    .sort((a, b) => b.score - a.score);
  let [top] = scored;
  if (top.score < MIN_SCORE) {
    // A plan named on its own ("the comms plan?", "procurement audit?") asks for its position;
    // a plan guessed only from what it is about, among other words ("Framework delayed until
    // March"), is no question.
    const named = plan.kind === 'none' ? [] : plan.words;
    const other = wordsOf(rest.trim()).filter(
      (w) => w.length > 2 && !QUESTION_WORDS.has(w) && !named.includes(w),
    );
    const namedOutright = plan.kind === 'several' || (plan.kind === 'one' && plan.byName);
    if (plan.kind !== 'none' && (other.length === 0 || namedOutright)) {
      top = { intent: 'position', score: MIN_SCORE };
    } else return { kind: 'not-understood' };
  }
  const best: Reading = { intent: top.intent, slots: planned };
  if (plan.kind === 'several') {
    return {
      kind: 'unsure',
      about: 'plan',
      best,
      readings: plan.planIds.map((id) => ({ intent: top.intent, slots: { ...slots, plan: id } })),
    };
  }
  const rivals = scored
    .slice(1, 3)
    .filter((r) => r.score >= MIN_SCORE && top.score - r.score < MARGIN);
  if (rivals.length === 0) return { kind: 'understood', best };
  return {
    kind: 'unsure',
    about: 'intent',
    best,
    readings: [best, ...rivals.map((r) => ({ intent: r.intent, slots: planned }))],
  };
}
