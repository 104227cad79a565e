import template from '../../cards/choose-action.json';
import {
  buttonTitle,
  clip,
  LINE_TEXT_MAX,
  LIST_TEXT_MAX,
  moreText,
  NOTE_MAX,
  planText,
  titleText,
} from './format';
import type { ActionWithPlan } from '../domain/my-actions';
import { expandCard, fitCard, type AdaptiveCard } from './render';
import { executeData, REPLY_INPUT_ID, VERBS, type ChooseReplyExecuteData } from './verbs';

/** Most actions offered to choose from. */
export const CHOOSE_LIMIT = 10;

/** Template data of `cards/choose-action.json`. */
export interface ChooseActionCardData {
  /** The id of the one input holding the reply: every button sends it. */
  replyId: typeof REPLY_INPUT_ID;
  /** The reply as typed, the input's value. */
  reply: string;
  replyMax: number;
  intro: string;
  items: {
    ref: string;
    /** " · " and the plan's title when the actions are of several plans, else ''. */
    planLine: string;
    proposedAction: string;
    chooseTitle: string;
    choose: ChooseReplyExecuteData;
  }[];
  hasMore: boolean;
  more: string;
}

/** What the choose-action card is built from. */
export interface ChooseActionCardInput {
  /** The reply as typed. */
  note: string;
  /** The actions it might be about, most likely first. */
  items: ActionWithPlan[];
}

/** Maps a reply and the actions it might be about to the card's data. */
export function chooseActionCardData(
  input: ChooseActionCardInput,
  limit = CHOOSE_LIMIT,
): ChooseActionCardData {
  const shown = input.items.slice(0, limit);
  const hidden = input.items.length - shown.length;
  const plans = new Set(input.items.map((i) => i.plan.id));
  const onePlan = plans.size === 1 ? titleText(input.items[0].plan.title) : '';
  return {
    replyId: REPLY_INPUT_ID,
    // The reply is on the card once, in an input every button sends (and the person may still
    // correct), rather than copied into each button.
    reply: input.note.slice(0, NOTE_MAX),
    replyMax: NOTE_MAX,
    intro: onePlan
      ? `Check your reply, then choose which action of ${onePlan} to record it on.`
      : 'Check your reply, then choose the action to record it on.',
    items: shown.map(({ action, plan }) => ({
      ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
      planLine: onePlan ? '' : ` · ${titleText(plan.title)}`,
      proposedAction: planText(action.proposedAction, LIST_TEXT_MAX),
      chooseTitle: buttonTitle(`Record on action ${action.ref}`),
      choose: executeData(VERBS.chooseReplyAction, action),
    })),
    hasMore: hidden > 0,
    more: moreText(
      hidden,
      'if yours is not listed, type **my actions**, open it and add your note there.',
    ),
  };
}

/** Asks which action a free-text reply is about: the reply in one input, a button per action. */
export function buildChooseActionCard(input: ChooseActionCardInput): AdaptiveCard {
  return fitCard((limit) => expandCard(template, chooseActionCardData(input, limit)), CHOOSE_LIMIT);
}
