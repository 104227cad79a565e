import type { Action, Plan } from './action';
import { daysLateOn, localDate } from './overdue';
import { isAwaitingSignOff } from './sign-off';
import { countByStatus, isClosedWithoutCompletion, type Status } from './status';

/** The position of one plan at a moment: what a chair asks for. */
export interface PlanSummary {
  plan: Pick<Plan, 'id' | 'title' | 'date' | 'signOff' | 'labels'> &
    Partial<Pick<Plan, 'importedAt' | 'importedBy'>>;
  /** The local date (`YYYY-MM-DD`) the position is as of, in the plan's time zone. */
  asOf: string;
  /** The plan's time zone, for the times shown with it. */
  timezone: string;
  total: number;
  counts: Record<Status, number>;
  /** Whole percent of the agreed actions complete: not agreed and superseded ones are left out. */
  percentComplete: number;
  /** Complete actions waiting for a chair or admin to sign them off, in the plan's order. */
  awaitingSignOff: Action[];
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
  const counts = countByStatus(actions);
  const overdue: PlanSummary['overdue'] = [];
  const today = localDate(now, plan.timezone);
  const awaitingSignOff: Action[] = [];
  let withdrawn = 0;
  for (const action of actions) {
    if (isAwaitingSignOff(action, plan)) awaitingSignOff.push(action);
    if (isClosedWithoutCompletion(action.status)) withdrawn += 1;
    const late = daysLateOn(action, today);
    if (late > 0) overdue.push({ action, daysLate: late });
  }
  overdue.sort((a, b) => b.daysLate - a.daysLate);
  const recentlyUpdated = actions
    .filter((a) => a.lastUpdateAt !== null)
    .sort((a, b) => (b.lastUpdateAt ?? '').localeCompare(a.lastUpdateAt ?? ''))
    .slice(0, recentLimit);
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      date: plan.date,
      signOff: plan.signOff,
      labels: plan.labels,
      importedAt: plan.importedAt,
      importedBy: plan.importedBy ?? null,
    },
    asOf: today,
    timezone: plan.timezone,
    total: actions.length,
    counts,
    percentComplete:
      actions.length - withdrawn === 0
        ? 0
        : Math.round((counts.complete / (actions.length - withdrawn)) * 100),
    awaitingSignOff,
    overdue,
    recentlyUpdated,
  };
}
