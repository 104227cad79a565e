import type { Action, Plan } from './action';
import { daysLateOn, localDate } from './overdue';
import { STATUSES, type Status } from './status';

/** The position of one plan at a moment: what a chair asks for. */
export interface PlanSummary {
  plan: Pick<Plan, 'id' | 'title' | 'date'>;
  total: number;
  counts: Record<Status, number>;
  /** Whole percent of actions complete (0 when the plan has none). */
  percentComplete: number;
  /** Open actions past their due date, latest first. */
  overdue: { action: Action; daysLate: number }[];
  /** The actions updated most recently, newest first (from each action's last update). */
  recentlyUpdated: Action[];
}

/**
 * Builds a plan's summary from its actions at `now`. It needs only the plan's partition of
 * actions (each carries its last update), so a chair's summary is one read.
 */
export function summarisePlan(
  plan: Plan,
  actions: Action[],
  now: Date,
  recentLimit = 5,
): PlanSummary {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const overdue: PlanSummary['overdue'] = [];
  const today = localDate(now, plan.timezone);
  for (const action of actions) {
    counts[action.status] += 1;
    const late = daysLateOn(action, today);
    if (late > 0) overdue.push({ action, daysLate: late });
  }
  overdue.sort((a, b) => b.daysLate - a.daysLate);
  const recentlyUpdated = actions
    .filter((a) => a.lastUpdateAt !== null)
    .sort((a, b) => (b.lastUpdateAt ?? '').localeCompare(a.lastUpdateAt ?? ''))
    .slice(0, recentLimit);
  return {
    plan: { id: plan.id, title: plan.title, date: plan.date },
    total: actions.length,
    counts,
    percentComplete:
      actions.length === 0 ? 0 : Math.round((counts.complete / actions.length) * 100),
    overdue,
    recentlyUpdated,
  };
}
