import template from '../../cards/reply-confirmation.json';
import type { Action, Plan } from '../domain/action';
import { statusLabel, type Status } from '../domain/status';
import { clip, LINE_TEXT_MAX, noteText, statusBadge, titleText } from './format';
import { updateInputsData, type UpdateInputsData } from './inputs';
import { expandCard, type AdaptiveCard } from './render';
import { executeData, VERBS, type ActionExecuteData } from './verbs';

/** Template data of `cards/reply-confirmation.json`. */
export interface ReplyConfirmationCardData {
  heading: string;
  planTitle: string;
  note: string;
  status: string;
  statusChange: string;
  inputs: UpdateInputsData;
  correct: ActionExecuteData;
}

/** What the reply confirmation is built from. */
export interface ReplyConfirmationCardInput {
  /** The action as saved with the reply. */
  action: Action;
  plan: Pick<Plan, 'title'>;
  /** The reply as typed. */
  note: string;
  /** The status read from the reply (the action's status now). */
  inferredStatus: Status;
  previousStatus: Status;
}

/** Maps a recorded reply to the confirmation card's data. */
export function replyConfirmationCardData(
  input: ReplyConfirmationCardInput,
): ReplyConfirmationCardData {
  const { action, inferredStatus, previousStatus } = input;
  return {
    heading: clip(`I’ve recorded your reply on action ${action.ref}`, LINE_TEXT_MAX),
    planTitle: titleText(input.plan.title),
    note: noteText(input.note.trim() === '' ? '(empty reply)' : input.note),
    status: statusBadge(inferredStatus),
    statusChange:
      inferredStatus === previousStatus ? ' (unchanged)' : ` (was ${statusLabel(previousStatus)})`,
    inputs: updateInputsData('', inferredStatus),
    correct: { ...executeData(VERBS.correctReply, action), shownStatus: inferredStatus },
  };
}

/**
 * Confirms a free-text reply was recorded: the note as written, the status read from it, and a
 * status picker (set to that status) to correct it.
 */
export function buildReplyConfirmationCard(input: ReplyConfirmationCardInput): AdaptiveCard {
  return expandCard(template, replyConfirmationCardData(input));
}
