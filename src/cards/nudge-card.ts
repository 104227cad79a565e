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
import { expandCard, fitCard, type AdaptiveCard } from './render';
import { executeData, VERBS, type ActionExecuteData, type SnoozeExecuteData } from './verbs';

/** Most actions given their own inputs on one nudge card; the rest are listed briefly. */
export const NUDGE_INPUTS_LIMIT = 10;
/** Most actions listed briefly under the ones with inputs. */
export const NUDGE_LIST_LIMIT = 30;
/** Longest proposed action shown on a nudge. */
const PROPOSED_MAX = 400;

/** One action on a nudge: the domain's nudge item, as much of it as the card shows. */
export type NudgeItem = Pick<DomainNudgeItem, 'action' | 'plan' | 'reason' | 'lateness'>;

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
  planTitle: string;
  reason: string;
  due: string;
  lateness: string;
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
  slots: NudgeSlotData[];
  hasMore: boolean;
  moreHeading: string;
  more: { ref: string; planTitle: string; reason: string }[];
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
  from: string,
): NudgeSlotData {
  const { action, plan } = item;
  const outcome = input.outcomes?.[slotKey(action)];
  const collapsed = outcome?.collapsed ?? false;
  const notice = outcome && !collapsed ? clip(outcome.notice, 1000) : '';
  return {
    slot,
    ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
    planTitle: titleText(plan.title),
    reason: reasonInWords(item.reason),
    due: `Due ${formatDate(effectiveDue(action))}`,
    lateness: item.lateness.words,
    proposedAction: planText(action.proposedAction, PROPOSED_MAX),
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
    snooze1: { ...executeData(VERBS.snoozeAction, action, slot), weeks: 1 },
    snooze2: { ...executeData(VERBS.snoozeAction, action, slot), weeks: 2 },
  };
}

/** Maps the actions to nudge about to the card's data, `limit` of them with inputs. */
export function nudgeCardData(input: NudgeCardInput, limit = NUDGE_INPUTS_LIMIT): NudgeCardData {
  const ordered = input.items;
  const full = ordered.slice(0, limit);
  const rest = ordered.slice(limit);
  const one = ordered.length === 1;
  const more = rest.length + (input.more ?? 0);
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
    slots: full.map((item, i) => slotData(item, String(i + 1), input, from)),
    hasMore: more > 0,
    moreHeading: moreText(more, 'type **my actions** to see them all.'),
    more: rest.slice(0, NUDGE_LIST_LIMIT).map((item) => ({
      ref: clip(`Action ${item.action.ref}`, LINE_TEXT_MAX),
      planTitle: titleText(item.plan.title),
      reason: reasonInWords(item.reason),
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
export function buildNudgeCard(input: NudgeCardInput): AdaptiveCard {
  return fitCard((limit) => expandCard(template, nudgeCardData(input, limit)), NUDGE_INPUTS_LIMIT);
}
