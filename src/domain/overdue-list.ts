import type { Action, Plan } from './action';
import { daysLateOn, DEFAULT_TIMEZONE, localDate } from './overdue';

/** One overdue action with its plan and how many days late it is. */
export interface OverdueItem {
  action: Action;
  plan: Pick<Plan, 'id' | 'title' | 'timezone'>;
  daysLate: number;
}

/** What is overdue on a day: the latest first. */
export interface OverdueList {
  /** The local date (`YYYY-MM-DD`) the list is as of, in the first plan's time zone. */
  asOf: string;
  items: OverdueItem[];
}

/**
 * The overdue ones of `actions` at `now`, the latest first; each is late by its own plan's
 * calendar (one date per plan, worked out once).
 */
export function overdueList(
  actions: readonly Omit<OverdueItem, 'daysLate'>[],
  now: Date,
): OverdueList {
  const today = new Map<string, string>();
  const items: OverdueItem[] = [];
  for (const { action, plan } of actions) {
    let day = today.get(plan.id);
    if (day === undefined) {
      day = localDate(now, plan.timezone);
      today.set(plan.id, day);
    }
    const daysLate = daysLateOn(action, day);
    if (daysLate > 0) items.push({ action, plan, daysLate });
  }
  items.sort((a, b) => b.daysLate - a.daysLate);
  return { asOf: localDate(now, items[0]?.plan.timezone ?? DEFAULT_TIMEZONE), items };
}
