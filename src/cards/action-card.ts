import template from '../../cards/action.json';
import type { Action, ActionUpdate, Plan } from '../domain/action';
import { formatDate, type Lateness } from '../domain/overdue';
import {
  clip,
  formatInstant,
  FULL_TEXT_MAX,
  LINE_TEXT_MAX,
  noteText,
  ownersText,
  planText,
  type ContainerStyle,
  titleText,
  buttonTitle,
  actionBadge,
} from './format';
import { historyEntry, type HistoryEntryData } from './history';
import {
  updateInputsData,
  type FieldErrors,
  type TypedInputs,
  type UpdateInputsData,
} from './inputs';
import { expandCard, fitCard, type AdaptiveCard } from './render';
import { executeData, VERBS, type ActionExecuteData } from './verbs';

/** Most history entries shown on an action card. */
export const HISTORY_LIMIT = 10;

/** What the card everyone in a group chat or channel sees says instead of the update form. */
export const EVERYONE_NOTE =
  'Its owners update it from this card in their own view. Progress notes and history are not ' +
  'shown to everyone here: open the action in a chat with me to read them.';

/** Template data of `cards/action.json`. */
export interface ActionCardData {
  hasNotice: boolean;
  notice: string;
  noticeStyle: ContainerStyle;
  heading: string;
  planTitle: string;
  statusLabel: string;
  hasLateness: boolean;
  lateness: string;
  recommendation: string;
  proposedAction: string;
  facts: { label: string; value: string }[];
  lastUpdate: string;
  hasLastNote: boolean;
  lastNote: string;
  hasHistory: boolean;
  historyEmpty: boolean;
  history: HistoryEntryData[];
  hasHistoryMore: boolean;
  historyMore: string;
  canEdit: boolean;
  readOnly: string;
  inputs: UpdateInputsData;
  updateTitle: string;
  update: ActionExecuteData;
}

/** What the action card is built from. */
export interface ActionCardInput {
  action: Action;
  plan: Pick<Plan, 'title' | 'timezone' | 'signOff' | 'labels'>;
  /**
   * Who the card is for: `canEdit` adds the update inputs; `everyone` is the card all members
   * of a group chat or channel see, without notes, history or who wrote them.
   */
  viewer: { canEdit: boolean; everyone?: boolean };
  /** The action's audit trail, newest first; when given, the card shows it. */
  history?: ActionUpdate[];
  /** How the action stands against its date today. */
  lateness: Lateness;
  /** A line above everything else, e.g. "Saved." or what changed since the card was sent. */
  notice?: string;
  noticeStyle?: 'good' | 'warning' | 'attention';
  /** What the person had typed, put back in the inputs (after an error, or a stale card). */
  typed?: TypedInputs;
  /** Problems by field, shown beside each input. */
  errors?: FieldErrors;
}

function facts(action: Action): { label: string; value: string }[] {
  const list = [
    { label: 'Owners', value: ownersText(action.owners) },
    { label: 'Budget', value: planText(action.budget, LINE_TEXT_MAX) },
    { label: 'Timescale', value: planText(action.timescale, LINE_TEXT_MAX) },
    { label: 'Due', value: formatDate(action.due) },
  ];
  if (action.revisedDue) {
    list.push({ label: 'Revised due date', value: formatDate(action.revisedDue) });
    if (action.revisedReason?.trim()) {
      list.push({ label: 'Reason', value: clip(action.revisedReason, 1000) });
    }
  }
  return list;
}

/** Maps an action, its plan and who is looking to the action card's data. */
export function actionCardData(
  input: ActionCardInput,
  historyLimit = HISTORY_LIMIT,
): ActionCardData {
  const { action, plan } = input;
  const tz = plan.timezone;
  const lateness = action.status === 'complete' ? '' : input.lateness.words;
  const history = input.history ?? [];
  const shownHistory = history.slice(0, historyLimit);
  const hidden = history.length - shownHistory.length;
  const everyone = input.viewer.everyone === true;
  // The card everyone in a shared chat sees carries nothing a person wrote: no notice (it may
  // quote a note), no notes, no history, no names.
  const notice = everyone ? '' : (input.notice?.trim() ?? '');
  const who = action.lastUpdateBy?.trim() || 'someone';
  return {
    hasNotice: notice !== '',
    notice: clip(notice, 1000),
    noticeStyle: input.noticeStyle ?? 'good',
    heading: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
    planTitle: titleText(plan.title),
    statusLabel: actionBadge(action, plan),
    hasLateness: lateness !== '',
    lateness,
    recommendation: planText(action.recommendation, FULL_TEXT_MAX),
    proposedAction: planText(action.proposedAction, FULL_TEXT_MAX),
    facts: facts(action),
    lastUpdate: !action.lastUpdateAt
      ? 'No update recorded yet.'
      : everyone
        ? formatInstant(action.lastUpdateAt, tz)
        : `${formatInstant(action.lastUpdateAt, tz)} by ${clip(who, LINE_TEXT_MAX)}`,
    hasLastNote: !everyone && Boolean(action.lastNote?.trim()),
    lastNote: !everyone && action.lastNote?.trim() ? noteText(action.lastNote) : '',
    hasHistory: !everyone && input.history !== undefined,
    historyEmpty: history.length === 0,
    history: shownHistory.map((u) => historyEntry(u, tz)),
    hasHistoryMore: hidden > 0,
    historyMore: hidden === 1 ? '…and 1 earlier update.' : `…and ${hidden} earlier updates.`,
    canEdit: !everyone && input.viewer.canEdit,
    readOnly: everyone
      ? EVERYONE_NOTE
      : `Read only: this action belongs to ${ownersText(action.owners)}.`,
    inputs: updateInputsData('', action.status, {
      typed: input.typed,
      errors: input.errors,
      today: input.lateness.asOf,
    }),
    updateTitle: buttonTitle(`Update action ${action.ref}`),
    update: executeData(VERBS.updateAction, action),
  };
}

/**
 * The card for one action: what it is, where it stands, its last update and (optionally) its
 * history, with the update inputs when the viewer may edit it.
 */
export function buildActionCard(input: ActionCardInput): AdaptiveCard {
  return fitCard((limit) => expandCard(template, actionCardData(input, limit)), HISTORY_LIMIT);
}
