import template from '../../cards/my-actions.json';
import { effectiveDue, type Action, type Plan } from '../domain/action';
import { daysLate, describeLateness } from '../domain/overdue';
import type { Person } from '../domain/person';
import {
  clip,
  LINE_TEXT_MAX,
  LIST_TEXT_MAX,
  planText,
  plural,
  titleText,
  buttonTitle,
  actionBadge,
} from './format';
import { pageOf, type PagerData } from './pager';
import { renderCard, type AdaptiveCard } from './render';
import { executeData, VERBS, type ActionExecuteData } from './verbs';

/** Template data of `cards/my-actions.json`. */
export interface MyActionsCardData {
  heading: string;
  intro: string;
  items: {
    ref: string;
    planTitle: string;
    status: string;
    lateness: string;
    proposedAction: string;
    openTitle: string;
    open: ActionExecuteData;
  }[];
  pager: PagerData;
}

/** An action with its plan. */
export interface ActionWithPlan {
  action: Action;
  plan: Pick<Plan, 'id' | 'title' | 'timezone' | 'signOff' | 'labels'>;
}

/** What the "my actions" card is built from. */
export interface MyActionsCardInput {
  person: Pick<Person, 'name'>;
  items: ActionWithPlan[];
  now: Date;
  includeComplete: boolean;
  /** 0-based page of {@link PAGE_SIZE} actions. */
  page?: number;
}

/**
 * Orders actions as a person wants to see them: overdue first (the latest first), then by due
 * date, actions without a date after those, complete ones last.
 */
export function byUrgency(items: ActionWithPlan[], now: Date): ActionWithPlan[] {
  const rank = ({ action, plan }: ActionWithPlan): [number, number, string] => {
    if (action.status === 'complete') return [3, 0, ''];
    const late = daysLate(action, now, plan.timezone);
    if (late > 0) return [0, -late, ''];
    const due = effectiveDue(action);
    return due ? [1, 0, due] : [2, 0, ''];
  };
  return [...items].sort((a, b) => {
    const [ga, la, da] = rank(a);
    const [gb, lb, db] = rank(b);
    return (
      ga - gb ||
      la - lb ||
      da.localeCompare(db) ||
      a.action.ref.localeCompare(b.action.ref, 'en', { numeric: true })
    );
  });
}

/** Maps a person's actions to the card's data. */
export function myActionsCardData(input: MyActionsCardInput): MyActionsCardData {
  const { now } = input;
  const wanted = input.items.filter((i) => input.includeComplete || i.action.status !== 'complete');
  const ordered = byUrgency(wanted, now);
  const { shown, pager } = pageOf(
    ordered,
    input.includeComplete ? 'my-actions-all' : 'my-actions',
    input.page,
  );
  const overdue = wanted.filter((i) => daysLate(i.action, now, i.plan.timezone) > 0).length;
  const open = wanted.filter((i) => i.action.status !== 'complete').length;
  let intro: string;
  if (wanted.length === 0) {
    intro = input.includeComplete ? 'You have no actions.' : 'You have no open actions.';
  } else {
    intro = `${plural(open, 'open action')}${overdue > 0 ? `, ${overdue} overdue` : ''}.`;
    if (input.includeComplete) intro += ` ${wanted.length - open} complete.`;
  }
  return {
    heading: input.includeComplete ? 'All your actions' : 'Your open actions',
    intro,
    items: shown.map(({ action, plan }) => {
      return {
        ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
        planTitle: titleText(plan.title),
        status: actionBadge(action, plan),
        lateness: describeLateness(action, now, plan.timezone),
        proposedAction: planText(action.proposedAction, LIST_TEXT_MAX),
        openTitle: buttonTitle(`Open action ${action.ref}`),
        open: executeData(VERBS.showAction, action),
      };
    }),
    pager,
  };
}

/** A person's actions, overdue first, each with an "Open" button that shows its full card. */
export function buildMyActionsCard(input: MyActionsCardInput): AdaptiveCard {
  return renderCard(template, myActionsCardData(input));
}
