import type { Action, Plan } from '../domain/action';
import { daysLateOn, localDate } from '../domain/overdue';
import { ownsAction } from '../domain/permissions';
import type { Person } from '../domain/person';
import type { Repositories } from './repositories';

/** An action together with its plan. */
export interface PlannedAction {
  action: Action;
  plan: Plan;
}

/** The actions owned by a person's posts across every plan, overdue first, then by due date. */
export async function actionsOwnedBy(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  person: Pick<Person, 'posts'>,
  now: Date,
  options: { includeComplete: boolean },
): Promise<PlannedAction[]> {
  if (person.posts.length === 0) return [];
  const plans = await repos.plans.list();
  const lists = await Promise.all(plans.map((plan) => repos.actions.listByPlan(plan.id)));
  const items: (PlannedAction & { late: number })[] = [];
  plans.forEach((plan, i) => {
    const today = localDate(now, plan.timezone);
    for (const action of lists[i]) {
      if (!ownsAction(person, action)) continue;
      if (!options.includeComplete && action.status === 'complete') continue;
      items.push({ action, plan, late: daysLateOn(action, today) });
    }
  });
  items.sort(
    (a, b) =>
      b.late - a.late ||
      (a.action.revisedDue ?? a.action.due ?? '9999').localeCompare(
        b.action.revisedDue ?? b.action.due ?? '9999',
      ),
  );
  return items.map(({ action, plan }) => ({ action, plan }));
}

/** Every overdue open action across plans, latest first. */
export async function overdueActions(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  now: Date,
): Promise<(PlannedAction & { daysLate: number })[]> {
  const plans = await repos.plans.list();
  const lists = await Promise.all(plans.map((plan) => repos.actions.listByPlan(plan.id)));
  const items: (PlannedAction & { daysLate: number })[] = [];
  plans.forEach((plan, i) => {
    const today = localDate(now, plan.timezone);
    for (const action of lists[i]) {
      const late = daysLateOn(action, today);
      if (late > 0) items.push({ action, plan, daysLate: late });
    }
  });
  return items.sort((a, b) => b.daysLate - a.daysLate);
}
