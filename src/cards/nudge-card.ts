import template from '../../cards/nudge.json';
import { effectiveDue } from '../domain/action';
import type { NudgeItem as DomainNudgeItem, NudgeReason } from '../domain/nudge-policy';
import { formatDate } from '../domain/overdue';
import type { Person } from '../domain/person';
import {
  buttonTitle,
  clip,
  firstName,
  LINE_TEXT_MAX,
  moreText,
  planText,
  statusBadge,
  titleText,
} from './format';
import {
  updateInputsData,
  type FieldErrors,
  type TypedInputs,
  type UpdateInputsData,
} from './inputs';
import { encodeNudgeContext } from './nudge-context';
import { expandCard, fitCardInSteps, renderCard, type AdaptiveCard } from './render';
import { executeData, VERBS, type ActionExecuteData, type SnoozeExecuteData } from './verbs';

/** Most actions given their own inputs on one nudge card; the rest are listed briefly. */
export const NUDGE_INPUTS_LIMIT = 10;
/** Most actions listed briefly under the ones with inputs. */
export const NUDGE_LIST_LIMIT = 30;
/** Longest proposed action shown on a nudge. */
const PROPOSED_MAX = 400;

/** One action on a nudge: the domain's nudge item, as much of it as the card shows. */
export type NudgeItem = Pick<DomainNudgeItem, 'action' | 'plan' | 'reason' | 'lateness'>;
/** How much of a nudge one build shows: actions with inputs, actions listed, proposed text. */
export interface NudgeSize {
  inputs: number;
  listed: number;
  proposed: number;
}

/**
 * The sizes a nudge is tried at, largest first, until one fits the card budget: the brief list
 * and the proposed actions' text give way before any action loses its inputs (the card still
 * says how many more there are). Ten actions keep their inputs with long texts and plan names.
 */
export const NUDGE_SIZES: readonly NudgeSize[] = [
  { inputs: NUDGE_INPUTS_LIMIT, listed: NUDGE_LIST_LIMIT, proposed: PROPOSED_MAX },
  { inputs: NUDGE_INPUTS_LIMIT, listed: 10, proposed: PROPOSED_MAX },
  ...[PROPOSED_MAX, 300, 200].map((proposed) => ({
    inputs: NUDGE_INPUTS_LIMIT,
    listed: 0,
    proposed,
  })),
  ...[9, 8].map((inputs) => ({ inputs, listed: 0, proposed: 200 })),
  ...[7, 6, 5, 3, 1].map((inputs) => ({ inputs, listed: 0, proposed: 160 })),
];

/** What a card sent back about one of its actions shows where the person pressed. */
export interface SlotOutcome {
  /** A line beside the action's button: saved, nothing changed, someone else changed it. */
  notice: string;
  /** Saved: the inputs fold away behind "Edit again" and the notice takes their place. */
  collapsed: boolean;
  errors?: FieldErrors;
}

/** What the nudge card is built from: the items in the order shown (the domain's). */
export interface NudgeCardInput {
  person: Pick<Person, 'name'>;
  items: NudgeItem[];
  /**
   * When the card is rebuilt after a button: what the person had typed (by input id), put back
   * in every action's inputs except a saved one's, and the outcome by `planId/ref`.
   */
  typed?: TypedInputs;
  outcomes?: Readonly<Record<string, SlotOutcome>>;
  /** How many more actions the card listed beyond the first page, when rebuilt. */
  more?: number;
}

/** The key of an action in {@link NudgeCardInput.outcomes}. */
export function slotKey(action: { planId: string; ref: string }): string {
  return `${action.planId}/${action.ref}`;
}

/** One action with its inputs on the nudge card. */
export interface NudgeSlotData {
  slot: string;
  ref: string;
  /** " · " and the plan's title, beside the ref. */
  planLine: string;
  reason: string;
  /** " · Due 31 January 2022 · 4 weeks late", after the reason. */
  dueLine: string;
  proposedAction: string;
  status: string;
  inputs: UpdateInputsData;
  inputsId: string;
  collapsed: boolean;
  savedLine: string;
  editAgainTitle: string;
  hasNotice: boolean;
  notice: string;
  noticeStyle: 'default' | 'good' | 'warning';
  updateTitle: string;
  snooze1Title: string;
  snooze2Title: string;
  update: ActionExecuteData;
  snooze1: SnoozeExecuteData;
  snooze2: SnoozeExecuteData;
}

/** Template data of `cards/nudge.json`. */
export interface NudgeCardData {
  heading: string;
  intro: string;
  /** The plan's title when every action is of one plan (then not repeated per action), else ''. */
  planHeading: string;
  slots: NudgeSlotData[];
  hasMore: boolean;
  moreHeading: string;
  /** The actions listed briefly: " · " with the plan's title and the reason after each ref. */
  more: { ref: string; detail: string }[];
  footer: string;
}

const REASONS: Record<NudgeReason, { words: string }> = {
  overdue: { words: 'Overdue' },
  'due-today': { words: 'Due today' },
  'due-soon': { words: 'Due soon' },
  'no-update': { words: 'No update for a while' },
  'paused-review': { words: 'Paused: review date reached' },
};

/** A nudge reason in words ("Overdue", "Due soon"). */
export function reasonInWords(reason: NudgeReason): string {
  return REASONS[reason].words;
}

function slotData(
  item: NudgeItem,
  slot: string,
  input: NudgeCardInput,
  shared: { from: string; proposedMax: number; planHeading: string },
): NudgeSlotData {
  const { from, proposedMax } = shared;
  const { action, plan } = item;
  const outcome = input.outcomes?.[slotKey(action)];
  const collapsed = outcome?.collapsed ?? false;
  const notice = outcome && !collapsed ? clip(outcome.notice, 1000) : '';
  return {
    slot,
    ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
    planLine: shared.planHeading ? '' : ` · ${titleText(plan.title)}`,
    reason: reasonInWords(item.reason),
    // "Due today · Due 1 March 2022", not "… · due today" again.
    dueLine: afterDots(
      `Due ${formatDate(effectiveDue(action))}`,
      sameWords(item.lateness.words, reasonInWords(item.reason)) ? '' : item.lateness.words,
    ),
    proposedAction: planText(action.proposedAction, proposedMax),
    status: statusBadge(action.status),
    inputs: updateInputsData(slot, action.status, {
      // A saved action's inputs start afresh behind "Edit again".
      typed: collapsed ? {} : input.typed,
      errors: outcome?.errors,
      today: item.lateness.asOf,
    }),
    inputsId: `inputs-${slot}`,
    collapsed,
    savedLine: collapsed ? clip(outcome?.notice ?? '', 300) : '',
    editAgainTitle: buttonTitle(`Edit action ${action.ref} again`),
    hasNotice: notice !== '',
    notice,
    noticeStyle: outcome?.errors ? 'warning' : 'default',
    updateTitle: buttonTitle(`Update action ${action.ref}`),
    snooze1Title: buttonTitle(`Snooze action ${action.ref} for 1 week`),
    snooze2Title: buttonTitle(`Snooze action ${action.ref} for 2 weeks`),
    update: { ...executeData(VERBS.updateAction, action, slot), from },
    snooze1: snoozeData(action, 1),
    snooze2: snoozeData(action, 2),
  };
}

const sameWords = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** " · a · b": each part that has words after a middle dot, to follow a bold run. */
function afterDots(...parts: string[]): string {
  return parts.map((part) => (part === '' ? '' : ` · ${part}`)).join('');
}

// A snooze needs only which action and how long: no version or inputs, so it stays light.
function snoozeData(action: { planId: string; ref: string }, weeks: 1 | 2): SnoozeExecuteData {
  return { verb: VERBS.snoozeAction, planId: action.planId, ref: action.ref, weeks };
}

/** Maps the actions to nudge about to the card's data, at a size from {@link NUDGE_SIZES}. */
export function nudgeCardData(
  input: NudgeCardInput,
  size: NudgeSize = NUDGE_SIZES[0],
): NudgeCardData {
  const ordered = input.items;
  const full = ordered.slice(0, size.inputs);
  const rest = ordered.slice(size.inputs);
  const one = ordered.length === 1;
  const more = rest.length + (input.more ?? 0);
  // Actions all of one plan name it once, above them, rather than on every action.
  const plans = new Set(ordered.map((i) => i.plan.id));
  const planHeading = plans.size === 1 ? titleText(ordered[0].plan.title) : '';
  const from = encodeNudgeContext({
    items: full.map((i) => ({
      planId: i.plan.id,
      ref: i.action.ref,
      reason: i.reason,
      saved: input.outcomes?.[slotKey(i.action)]?.collapsed ?? false,
    })),
    more,
  });
  return {
    heading: one ? 'This action needs an update' : 'These actions need an update',
    intro: `Hello ${firstName(input.person.name)}. ${one ? 'Where has it got to?' : 'Where have they got to?'}`,
    planHeading,
    slots: full.map((item, i) =>
      slotData(item, String(i + 1), input, { from, proposedMax: size.proposed, planHeading }),
    ),
    hasMore: more > 0,
    moreHeading: moreText(more, 'type **my actions** to see them all.'),
    more: rest.slice(0, size.listed).map((item) => ({
      ref: clip(`Action ${item.action.ref}`, LINE_TEXT_MAX),
      detail: afterDots(planHeading ? '' : titleText(item.plan.title), reasonInWords(item.reason)),
    })),
    footer: one
      ? 'Or just reply to this message in your own words and I’ll record it.'
      : 'Or just reply to this message in your own words and tell me which action, and I’ll record it.',
  };
}

/**
 * A prompt to one person about the actions that need an update: each with the update inputs
 * (ids suffixed with its slot), "Update" and "Snooze" buttons; the rest listed briefly.
 */
export function buildNudgeCard(input: NudgeCardInput, sizes = NUDGE_SIZES): AdaptiveCard {
  return fitCardInSteps(sizes, (size) => expandCard(template, nudgeCardData(input, size)));
}

/**
 * The nudge card at the `step`-th of {@link NUDGE_SIZES} exactly: a `CardTooLargeError` when
 * that size is over the budget, null past the smallest. For senders that go down the sizes
 * themselves (the notifier, when Teams refuses a card as too large).
 */
export function buildNudgeCardAt(input: NudgeCardInput, step: number): AdaptiveCard | null {
  const size = NUDGE_SIZES[step];
  return size ? renderCard(template, nudgeCardData(input, size)) : null;
}
