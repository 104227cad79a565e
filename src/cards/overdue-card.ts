import template from '../../cards/overdue.json';
import { formatDate } from '../domain/overdue';
import type { OverdueItem, OverdueList } from '../domain/overdue-list';
import { clip, lateText, LINE_TEXT_MAX, ownersText, planText, plural, titleText } from './format';
import { pageOf, type PagerData } from './pager';
import { renderCard, type AdaptiveCard } from './render';

/** Longest proposed action shown for each overdue action. */
const PROPOSED_MAX = 160;

/** Template data of `cards/overdue.json`. */
export interface OverdueCardData {
  intro: string;
  groups: {
    planTitle: string;
    items: { ref: string; late: string; owners: string; proposedAction: string }[];
  }[];
  pager: PagerData;
}

/** What the overdue card is built from: the domain's list, the latest first. */
export interface OverdueCardInput extends OverdueList {
  /** 0-based page of {@link PAGE_SIZE} actions. */
  page?: number;
}

/** Maps overdue actions to the card's data: grouped by plan, the latest first in each. */
export function overdueCardData(input: OverdueCardInput): OverdueCardData {
  const latest = input.items;
  const { shown, pager } = pageOf(latest, 'overdue', input.page);
  // Map keeps insertion order: plans come in the order of their latest action.
  const byPlan = new Map<string, { plan: OverdueItem['plan']; items: OverdueItem[] }>();
  for (const item of shown) {
    const group = byPlan.get(item.plan.id) ?? { plan: item.plan, items: [] };
    group.items.push(item);
    byPlan.set(item.plan.id, group);
  }
  const today = formatDate(input.asOf);
  return {
    intro:
      latest.length === 0
        ? `Nothing is overdue on ${today}.`
        : `${plural(latest.length, 'action')} ${latest.length === 1 ? 'is' : 'are'} past due on ${today}.`,
    groups: [...byPlan.values()].map(({ plan, items }) => ({
      planTitle: titleText(plan.title),
      items: items.map(({ action, daysLate }) => ({
        ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
        late: lateText(daysLate),
        owners: ownersText(action.owners),
        proposedAction: planText(action.proposedAction, PROPOSED_MAX),
      })),
    })),
    pager,
  };
}

/** Every overdue action, grouped by plan, the latest first. */
export function buildOverdueCard(input: OverdueCardInput): AdaptiveCard {
  return renderCard(template, overdueCardData(input));
}
