import template from '../../cards/choose-action.json';
import {
  clip,
  LINE_TEXT_MAX,
  LIST_TEXT_MAX,
  moreText,
  NOTE_MAX,
  noteText,
  planText,
  titleText,
  buttonTitle,
} from './format';
import type { ActionWithPlan } from '../domain/my-actions';
import { expandCard, fitCard, type AdaptiveCard } from './render';
import { executeData, VERBS, type ChooseReplyExecuteData } from './verbs';

/** Most actions offered to choose from. */
export const CHOOSE_LIMIT = 10;

/** Template data of `cards/choose-action.json`. */
export interface ChooseActionCardData {
  note: string;
  intro: string;
  items: {
    ref: string;
    planTitle: string;
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
  // The button carries the reply as typed (not the display copy) so it is recorded unchanged.
  const reply = input.note.slice(0, NOTE_MAX);
  return {
    note: noteText(input.note),
    intro: 'Choose the action and I’ll record your reply on it.',
    items: shown.map(({ action, plan }) => ({
      ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
      planTitle: titleText(plan.title),
      proposedAction: planText(action.proposedAction, LIST_TEXT_MAX),
      chooseTitle: buttonTitle(`Record on action ${action.ref}`),
      choose: { ...executeData(VERBS.chooseReplyAction, action), note: reply },
    })),
    hasMore: hidden > 0,
    more: moreText(
      hidden,
      'if yours is not listed, type **my actions**, open it and add your note there.',
    ),
  };
}

/** Asks which action a free-text reply is about: the reply quoted, one button per action. */
export function buildChooseActionCard(input: ChooseActionCardInput): AdaptiveCard {
  return fitCard((limit) => expandCard(template, chooseActionCardData(input, limit)), CHOOSE_LIMIT);
}
