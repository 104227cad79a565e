import template from '../../cards/sign-off.json';
import type { Action, Plan } from '../domain/action';
import {
  buttonTitle,
  clip,
  LINE_TEXT_MAX,
  moreText,
  noteText,
  ownersText,
  planText,
  plural,
  titleText,
  type ContainerStyle,
} from './format';
import { expandCard, fitCard, type AdaptiveCard } from './render';
import {
  commentInputId,
  executeData,
  VERBS,
  type ActionExecuteData,
  type ReopenExecuteData,
  type SignOffAllExecuteData,
} from './verbs';

/** Most actions on one sign-off card; a meeting signs off the rest from the next card. */
export const SIGN_OFF_LIMIT = 15;
const PROPOSED_MAX = 300;

/** One action awaiting sign-off on the card. */
export interface SignOffItemData {
  ref: string;
  owners: string;
  proposedAction: string;
  hasNote: boolean;
  note: string;
  /** False on the card everyone in a shared chat sees: no comment box and no buttons. */
  canAct: boolean;
  commentId: string;
  signOffTitle: string;
  reopenTitle: string;
  signOff: ActionExecuteData;
  reopen: ReopenExecuteData;
}

/** Template data of `cards/sign-off.json`. */
export interface SignOffCardData {
  hasNotice: boolean;
  notice: string;
  noticeStyle: ContainerStyle;
  planTitle: string;
  intro: string;
  items: SignOffItemData[];
  hasMore: boolean;
  more: string;
  hasAll: boolean;
  signOffAllTitle: string;
  signOffAll: SignOffAllExecuteData;
}

/** What the sign-off card is built from: the plan and its actions awaiting sign-off, in order. */
export interface SignOffCardInput {
  plan: Pick<Plan, 'id' | 'title'>;
  awaiting: Action[];
  notice?: string;
  noticeStyle?: ContainerStyle;
  /** The card everyone in a group chat or channel sees: no notes, comment boxes or buttons. */
  everyone?: boolean;
}

/** Maps the actions awaiting sign-off to the card's data, showing at most `limit`. */
export function signOffCardData(input: SignOffCardInput, limit = SIGN_OFF_LIMIT): SignOffCardData {
  const shownItems = input.awaiting.slice(0, limit);
  const n = input.awaiting.length;
  const everyone = input.everyone === true;
  const notice = everyone ? '' : (input.notice ?? '');
  return {
    hasNotice: notice !== '',
    notice: clip(notice, 2000),
    noticeStyle: input.noticeStyle ?? 'good',
    planTitle: titleText(input.plan.title),
    intro:
      n === 0
        ? 'Nothing is waiting for sign-off.'
        : `${plural(n, 'action is', 'actions are')} complete and waiting for a chair or admin to sign ${n === 1 ? 'it' : 'them'} off.${everyone ? '' : ' Reopen an action with a comment to send it back to its owner.'}`,
    items: shownItems.map((action, i) => {
      const slot = String(i + 1);
      return {
        ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
        owners: ownersText(action.owners),
        proposedAction: planText(action.proposedAction, PROPOSED_MAX),
        hasNote: !everyone && Boolean(action.lastNote),
        note: everyone ? '' : noteText(action.lastNote ?? ''),
        canAct: !everyone,
        commentId: commentInputId(slot),
        signOffTitle: buttonTitle(`Sign off ${action.ref}`),
        reopenTitle: buttonTitle(`Reopen ${action.ref}`),
        signOff: executeData(VERBS.signOffAction, action, slot),
        reopen: executeData(VERBS.reopenAction, action, slot),
      };
    }),
    hasMore: n > shownItems.length,
    more: moreText(n - shownItems.length, 'sign these off, then ask again for the rest.'),
    hasAll: !everyone && shownItems.length > 1,
    signOffAllTitle: buttonTitle(`Sign off all ${shownItems.length}`),
    signOffAll: {
      verb: VERBS.signOffAll,
      planId: input.plan.id,
      refs: shownItems.map((a) => a.ref).join(','),
    },
  };
}

/** The chair's sign-off card: each completed action with Sign off and Reopen, within size. */
export function buildSignOffCard(input: SignOffCardInput): AdaptiveCard {
  return fitCard((limit) => expandCard(template, signOffCardData(input, limit)), SIGN_OFF_LIMIT);
}
