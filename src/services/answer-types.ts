import type { Reading } from '../ask/reading';
import type { Action, ActionUpdate, Plan } from '../domain/action';
import type { Digest } from '../domain/digest';
import type { MyActionsList } from '../domain/my-actions';
import type { OverdueList } from '../domain/overdue-list';
import type { Person } from '../domain/person';
import type { PlanSummary } from '../domain/summary';
import type { AskWorld } from './ask-world';
import type { LateAction } from './my-actions';
import type { OpenedAction } from './open-action';
import type { Repositories } from './repositories';

/**
 * An answer as the intents work it out: the actions it is about, before they are put in the
 * order and with the lateness that the answer's card shows.
 */
export type AnswerDraft =
  | { kind: 'summary'; line: string; summary: PlanSummary; plan: Plan }
  | { kind: 'plans'; line: string; plans: { plan: Plan; summary: PlanSummary }[] }
  | { kind: 'overdue'; line: string; items: LateAction[] }
  | { kind: 'list'; line: string; heading: string; items: LateAction[]; includeComplete: boolean }
  | {
      kind: 'action';
      line: string;
      plan: Plan;
      action: Action;
      history: ActionUpdate[];
      canEdit: boolean;
    }
  | { kind: 'changes'; line: string; view: Digest }
  | { kind: 'choices'; line: string; readings: Reading[] }
  | { kind: 'message'; line: string };

/**
 * What a question is answered with: a one-line answer in plain English and the ready model of
 * the command card that shows the same thing, filtered as asked (the bot only renders it).
 */
export type Answer =
  | Exclude<AnswerDraft, { kind: 'overdue' | 'list' | 'action' }>
  | { kind: 'overdue'; line: string; list: OverdueList }
  | { kind: 'list'; line: string; heading: string; list: MyActionsList }
  | { kind: 'action'; line: string; opened: OpenedAction };

/** What answering needs besides the question. */
export interface AnswerInput {
  repos: Pick<Repositories, 'updates'>;
  world: AskWorld;
  reading: Reading;
  viewer: Person;
  now: Date;
  /** Days without an update after which an action counts as not updated (NUDGE_STALE_DAYS). */
  staleDays: number;
  timezone: string;
}

/** How far ahead "due soon" looks when the question gives no date. */
export const DUE_SOON_DAYS = 28;

/** Open actions only. */
export const open = (items: LateAction[]): LateAction[] =>
  items.filter((i) => i.action.status !== 'complete');
