/**
 * Reading the decisions chairs type: "sign off rec 3 on the comms plan", "sign off 1, 3 and 5",
 * "sign off members-communications 1 3", "reopen 4 on the comms plan: not yet to Council".
 */

/** Refs and the words naming a plan ('' when none was named). */
export interface RefsAndPlan {
  refs: string[];
  plan: string;
}

const REF = /^[a-z]{0,2}\d+(?:\.\d+)*[a-z]?$/i;
const CUE = /^(?:rec(?:ommendation)?s?|actions?|items?|refs?|numbers?|nos?|#)$/i;
const JOINERS = /^(?:and|&|,|plus)$/i;
const PLAN_TAIL = /\s+(?:plan|action plan)$/i;
// "on", "in", "of", "for" and "from" introduce the plan after the references.
const PLAN_AFTER = /^(.*?)\s+(?:on|in|of|for|from)\s+(?:the\s+)?(.+)$/i;

const tokens = (text: string): string[] =>
  text.replace(/[,;]/g, ' , ').split(/\s+/).filter(Boolean);

const cleanPlan = (text: string): string =>
  text
    .replace(/^(?:the)\s+/i, '')
    .replace(/[.?!]+$/, '')
    .replace(PLAN_TAIL, '')
    .trim();

/** The references in a run of words ("rec 3", "1, 3 and 5"), or null if anything else is there. */
export function readRefs(text: string): string[] | null {
  const refs: string[] = [];
  for (const word of tokens(text.replace(/[.?!]+$/, ''))) {
    const bare = word.replace(/^#/, '');
    if (CUE.test(word) || JOINERS.test(word)) continue;
    if (!REF.test(bare)) return null;
    refs.push(bare.toUpperCase() === bare.toLowerCase() ? bare : bare.toUpperCase());
  }
  return refs.length > 0 ? refs : null;
}

/**
 * Splits what follows "sign off" into references and a plan: references then "on the … plan",
 * or a plan then references, or references alone. Null when there are no references, so a
 * progress reply such as "Sign off expected next week" is left for the reply handlers.
 */
export function readRefsAndPlan(text: string): RefsAndPlan | null {
  const trimmed = text.trim();
  const after = PLAN_AFTER.exec(trimmed);
  if (after) {
    const refs = readRefs(after[1]);
    if (refs) return { refs, plan: cleanPlan(after[2]) };
  }
  const alone = readRefs(trimmed);
  if (alone) return { refs: alone, plan: '' };
  // A plan first, then references: the longest run of references at the end.
  const words = tokens(trimmed);
  for (let i = 1; i < words.length; i++) {
    const refs = readRefs(words.slice(i).join(' '));
    if (refs && !CUE.test(words[i - 1]) && !JOINERS.test(words[i])) {
      return { refs, plan: cleanPlan(words.slice(0, i).join(' ')) };
    }
  }
  return null;
}

/** A reopening: the action, the plan ('' when not named) and the comment for its owners. */
export interface ReopenWords {
  ref: string;
  plan: string;
  comment: string;
}

/**
 * Reads what follows "reopen": `<plan> <ref> <comment>`, or `rec 3 on the comms plan: comment`,
 * or `3: comment` when there is one plan. The comment is required; null when it is missing.
 */
export function readReopen(text: string): ReopenWords | null {
  const colon = /^(.+?)\s*(?::|\s[-–—]\s)\s*(.+)$/.exec(text.trim());
  if (colon) {
    const target = readRefsAndPlan(colon[1]);
    if (target && target.refs.length === 1) {
      return { ref: target.refs[0], plan: target.plan, comment: colon[2].trim() };
    }
  }
  // Only a target ("rec 4 on the comms plan"): there is no comment.
  if (readRefsAndPlan(text)) return null;
  // `<plan> <ref> <comment>`: the first reference after at least one word of plan.
  const words = text.trim().split(/\s+/);
  for (let i = 0; i < words.length - 1; i++) {
    const bare = words[i].replace(/^#/, '').replace(/[:.,]$/, '');
    if (!REF.test(bare) || CUE.test(words[i])) continue;
    const before = words.slice(0, i).filter((w) => !CUE.test(w));
    const comment = words
      .slice(i + 1)
      .join(' ')
      .replace(/^[:\-–—]\s*/, '')
      .trim();
    if (comment === '') return null;
    return { ref: bare, plan: cleanPlan(before.join(' ')), comment };
  }
  return null;
}
