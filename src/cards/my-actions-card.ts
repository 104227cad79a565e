import template from '../../cards/my-actions.json';
import type { MyActionsList } from '../domain/my-actions';
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

/** What the "my actions" card is built from: the domain's list, already in order. */
export interface MyActionsCardInput {
  person: Pick<Person, 'name'>;
  list: MyActionsList;
  /** 0-based page of {@link PAGE_SIZE} actions. */
  page?: number;
}

/** Maps a person's actions to the card's data. */
export function myActionsCardData(input: MyActionsCardInput): MyActionsCardData {
  const { list } = input;
  const { shown, pager } = pageOf(
    list.items,
    list.includeComplete ? 'my-actions-all' : 'my-actions',
    input.page,
  );
  let intro: string;
  if (list.items.length === 0) {
    intro = list.includeComplete ? 'You have no actions.' : 'You have no open actions.';
  } else {
    intro = `${plural(list.open, 'open action')}${list.overdue > 0 ? `, ${list.overdue} overdue` : ''}.`;
    if (list.includeComplete) intro += ` ${list.complete} complete.`;
  }
  return {
    heading: list.includeComplete ? 'All your actions' : 'Your open actions',
    intro,
    items: shown.map(({ action, plan, lateness }) => ({
      ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
      planTitle: titleText(plan.title),
      status: actionBadge(action, plan),
      lateness: lateness.words,
      proposedAction: planText(action.proposedAction, LIST_TEXT_MAX),
      openTitle: buttonTitle(`Open action ${action.ref}`),
      open: executeData(VERBS.showAction, action),
    })),
    pager,
  };
}

/** A person's actions, overdue first, each with an "Open" button that shows its full card. */
export function buildMyActionsCard(input: MyActionsCardInput): AdaptiveCard {
  return renderCard(template, myActionsCardData(input));
}
