import template from '../../cards/overdue.json';
import type { Action, Plan } from '../domain/action';
import { formatDate, localDate } from '../domain/overdue';
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

/** One overdue action with its plan. */
export interface OverdueItem {
  action: Action;
  plan: Pick<Plan, 'id' | 'title' | 'timezone'>;
  daysLate: number;
}

/** What the overdue card is built from. */
export interface OverdueCardInput {
  items: OverdueItem[];
  now: Date;
  /** 0-based page of {@link PAGE_SIZE} actions. */
  page?: number;
}

/** Maps overdue actions to the card's data: grouped by plan, the latest first in each. */
export function overdueCardData(input: OverdueCardInput): OverdueCardData {
  const latest = [...input.items]
    .filter((i) => i.daysLate > 0)
    .sort((a, b) => b.daysLate - a.daysLate);
  const { shown, pager } = pageOf(latest, 'overdue', input.page);
  // Map keeps insertion order: plans come in the order of their latest action.
  const byPlan = new Map<string, { plan: OverdueItem['plan']; items: OverdueItem[] }>();
  for (const item of shown) {
    const group = byPlan.get(item.plan.id) ?? { plan: item.plan, items: [] };
    group.items.push(item);
    byPlan.set(item.plan.id, group);
  }
  const tz = input.items[0]?.plan.timezone;
  const today = formatDate(localDate(input.now, tz));
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
