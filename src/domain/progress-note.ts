import type { Status } from './status';

const SIGNALS: { status: Status; pattern: RegExp }[] = [
  {
    status: 'complete',
    pattern: /\b(?:done|completed?|finished|achieved|implemented|delivered)\b/g,
  },
  {
    status: 'off-track',
    pattern:
      /\b(?:delay(?:ed|s)?|slipped|behind(?! the scenes)|off[- ]track|overdue|running late|missed the deadline|stalled)\b/g,
  },
  {
    status: 'at-risk',
    pattern:
      /\b(?:at risk|concerns?|concerned|concerning|worried|worry|worrying|slipping|some slippage)\b/g,
  },
  {
    status: 'on-track',
    pattern: /\b(?:on[- ]track|on target|on schedule|in progress|progressing well|going well)\b/g,
  },
];

// Clauses are read apart so "done, but no concerns" and "not started; now on track" stay separate.
const CLAUSE_BREAK = /[.;:!?\n]+|,\s*|\s+(?:but|however|although|though|whereas)\s+/;
const NEGATION = /^(?:not|no|never|nothing|none|neither|nor|without|hardly|cannot|yet|\w+n't)$/;
// Words that make "done" future, partial or hypothetical: "will be done", "nearly finished".
const NOT_YET = new Set([
  'will',
  'be',
  'almost',
  'nearly',
  'partly',
  'partially',
  'half',
  'mostly',
  'once',
  'when',
  'until',
  'before',
  'if',
  'unless',
  'should',
  'would',
  'could',
  'might',
  'may',
  'need',
  'needs',
  'hope',
  'hoping',
  'expect',
  'expected',
  'aim',
  'aiming',
  'plan',
  'planned',
  'planning',
  'soon',
  'being',
  'getting',
  'close',
]);
// Words that turn a delay from fact into a risk: "there may be a delay", "at risk of delay".
const HEDGE = new Set([
  'may',
  'might',
  'could',
  'possible',
  'possibly',
  'potential',
  'potentially',
  'risk',
  'likely',
  'expect',
]);
// A problem the officer says is dealt with: "earlier delays have been resolved".
const DEALT_WITH = /\b(?:resolved|overcome|cleared|sorted|addressed|recovered|caught up)\b/;
// "Done some work" is a verb with an object, not a finished action.
const PARTIAL_OBJECT =
  /^\s+(?:some|most|part|much|lots|plenty|a bit|a little|a few|a lot|little)\b/;
// "Complete by Friday" is a target, not news.
const TARGET =
  /^\s+(?:by|before|in|within|next|this)\s+(?:next|the end|end|tomorrow|\d|mon|tue|wed|thu|fri|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|week|month)/;
const SEVERITY: Status[] = ['on-track', 'at-risk', 'off-track'];

function signalAt(clause: string, status: Status, match: RegExpMatchArray): Status | null {
  const at = match.index ?? 0;
  const window = clause.slice(0, at).split(/\s+/).filter(Boolean).slice(-3);
  const after = clause.slice(at + match[0].length);
  const negated = window.some((word) => NEGATION.test(word));
  if (status === 'complete') {
    // "to complete" is an intention; "Changes to the policy implemented" is not.
    if (negated || window.at(-1) === 'to' || window.some((word) => NOT_YET.has(word))) return null;
    if (match[0] === 'done' && PARTIAL_OBJECT.test(after)) return null;
    return TARGET.test(after) && /^(?:complete|done|finished)$/.test(match[0]) ? null : 'complete';
  }
  if (status === 'on-track') return negated ? 'off-track' : 'on-track';
  if (negated || DEALT_WITH.test(after)) return null;
  return status === 'off-track' && window.some((word) => HEDGE.has(word)) ? 'at-risk' : status;
}

/**
 * Reads an officer's free-text progress reply ("Done", "Slipped to June", "On track, no
 * concerns") as a status. Negations ("not done yet", "no concerns", "not delayed") and future
 * tense ("will be finished") are respected; text that says nothing clear, or says both that the
 * work is done and that it is in trouble, gives null so nobody's status is guessed.
 */
export function statusFromProgressNote(text: string): Status | null {
  const found = new Set<Status>();
  const clauses = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(CLAUSE_BREAK);
  for (const clause of clauses) {
    for (const { status, pattern } of SIGNALS) {
      for (const match of clause.matchAll(pattern)) {
        const signal = signalAt(clause, status, match);
        if (signal) found.add(signal);
      }
    }
  }
  const trouble = found.has('at-risk') || found.has('off-track');
  if (found.has('complete')) return trouble ? null : 'complete';
  const worst = SEVERITY.filter((status) => found.has(status)).at(-1);
  return worst ?? null;
}
