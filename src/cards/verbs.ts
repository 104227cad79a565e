import type { Status } from '../domain/status';

/** Action.Execute verbs: the cards send them and the card-action handlers route on them. */
export const VERBS = {
  updateAction: 'updateAction',
  snoozeAction: 'snoozeAction',
  chooseReplyAction: 'chooseReplyAction',
  correctReply: 'correctReply',
  showAction: 'showAction',
  showSummary: 'showSummary',
  previewPage: 'previewPage',
  confirmImport: 'confirmImport',
  cancelImport: 'cancelImport',
  sendFirstMessages: 'sendFirstMessages',
  signOffAction: 'signOffAction',
  reopenAction: 'reopenAction',
  signOffAll: 'signOffAll',
  answerReading: 'answerReading',
  showPage: 'showPage',
  refreshCard: 'refreshCard',
} as const;

/** One of {@link VERBS}. */
export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** What every Action.Execute about one action carries in its `data`. */
export interface ActionExecuteData {
  verb: Verb;
  planId: string;
  ref: string;
  /** The action's version when the card was made, so a stale card is detected. */
  version: string;
  /** The status the card showed, so the handler can tell what changed since. */
  shownStatus: Status;
  /** '' on single-action cards; '1', '2', … on cards with several actions (see `inputIds`). */
  slot: string;
  /** On a list card, which list it is, so the answer can be the same list refreshed. */
  from?: string;
}

/** Data of the "Snooze" buttons on a nudge card: which action, and for how long. */
export interface SnoozeExecuteData {
  verb: typeof VERBS.snoozeAction;
  planId: string;
  ref: string;
  weeks: 1 | 2;
}

/**
 * Data of the buttons that say which action a free-text reply was about. The reply itself
 * comes in the input {@link REPLY_INPUT_ID} (on the card once, sent by every button); cards
 * sent before carry it as `note` in each button's data.
 */
export interface ChooseReplyExecuteData extends ActionExecuteData {
  verb: typeof VERBS.chooseReplyAction;
}

/** The id of the input holding a free-text reply on the card asking which action it was about. */
export const REPLY_INPUT_ID = 'reply';

/** Data of a plan's "Show summary" button. */
export interface ShowSummaryExecuteData {
  verb: typeof VERBS.showSummary;
  planId: string;
}

/** Data of the buttons on an import preview: which preview, and which page to show. */
export interface PreviewExecuteData {
  verb: typeof VERBS.previewPage | typeof VERBS.confirmImport | typeof VERBS.cancelImport;
  previewId: string;
  /** The page of actions to show (0 is the first); '' when not paging. */
  page: string;
}

/** Data of the button that sends each owner of a just-imported plan their actions. */
export interface FirstMessagesExecuteData {
  verb: typeof VERBS.sendFirstMessages;
  planId: string;
}

/**
 * Ids of the two inputs for who holds the `index`-th unheld owner: a people picker (Teams) and
 * an email box (every client).
 */
export function holderInputIds(index: number): { picker: string; email: string } {
  return { picker: `holder-${index}`, email: `holderEmail-${index}` };
}

/** Data of the "Reopen" button: the comment is read from the input `comment-<slot>`. */
export interface ReopenExecuteData extends ActionExecuteData {
  verb: typeof VERBS.reopenAction;
}

/** Data of "Sign off all": the references shown on the card, comma-separated. */
export interface SignOffAllExecuteData {
  verb: typeof VERBS.signOffAll;
  planId: string;
  refs: string;
}

/** The id of the comment input of an action at a slot on the sign-off card. */
export function commentInputId(slot: string): string {
  return `comment-${slot}`;
}

/** The Action.Execute data for one action at a slot. */
export function executeData<V extends Verb>(
  verb: V,
  action: { planId: string; ref: string; version: string; status: Status },
  slot = '',
): ActionExecuteData & { verb: V } {
  return {
    verb,
    planId: action.planId,
    ref: action.ref,
    version: action.version,
    shownStatus: action.status,
    slot,
  };
}

/** Ids of the inputs that update an action. */
export interface InputIds {
  status: string;
  note: string;
  revisedDue: string;
  reason: string;
}

/**
 * The input ids for an action at a slot: plain names on single-action cards (slot ''),
 * suffixed `-<slot>` when a card holds several actions, so each button's inputs can be told apart.
 */
export function inputIds(slot: string): InputIds {
  const suffix = slot === '' ? '' : `-${slot}`;
  return {
    status: `status${suffix}`,
    note: `note${suffix}`,
    revisedDue: `revisedDue${suffix}`,
    reason: `reason${suffix}`,
  };
}
