import { effectiveDue, isPlanOpen, type Action, type Plan } from '../domain/action';
import { daysLateOn, localDate } from '../domain/overdue';
import { ownsAction } from '../domain/permissions';
import type { Person } from '../domain/person';
import type { Repositories } from './repositories';
import { isFinished } from '../domain/status';

const isActiveOrPaused = (action: Action): boolean => !isFinished(action.status);

/** An action together with its plan. */
export interface PlannedAction {
  action: Action;
  plan: Plan;
}

/** An action with its plan and how many days late it is (0 when it is not). */
export type LateAction = PlannedAction & { daysLate: number };

/**
 * Every open plan and its actions, each action with its plan (one partition read per plan).
 * Closed and archived plans are left out: they are no longer chased, listed or digested.
 */
export async function loadPlansAndActions(
  repos: Pick<Repositories, 'plans' | 'actions'>,
): Promise<{ plans: Plan[]; actions: PlannedAction[] }> {
  const plans = (await repos.plans.list()).filter(isPlanOpen);
  const lists = await Promise.all(plans.map((plan) => repos.actions.listByPlan(plan.id)));
  const actions = plans.flatMap((plan, i) => lists[i].map((action) => ({ action, plan })));
  return { plans, actions };
}

/** Every action across plans with how late it is at `now`, in each plan's own time zone. */
async function lateActions(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  now: Date,
): Promise<LateAction[]> {
  const { plans, actions } = await loadPlansAndActions(repos);
  const today = new Map(plans.map((plan) => [plan.id, localDate(now, plan.timezone)]));
  return actions.map((item) => ({
    ...item,
    daysLate: daysLateOn(item.action, today.get(item.plan.id) ?? ''),
  }));
}

/** The actions owned by a person's posts across every plan, overdue first, then by due date. */
export async function actionsOwnedBy(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  person: Pick<Person, 'posts'>,
  now: Date,
  options: { includeComplete: boolean },
): Promise<LateAction[]> {
  if (person.posts.length === 0) return [];
  const items = (await lateActions(repos, now)).filter(
    ({ action }) =>
      ownsAction(person, action) && (options.includeComplete || isActiveOrPaused(action)),
  );
  return items.sort(
    (a, b) =>
      b.daysLate - a.daysLate ||
      (effectiveDue(a.action) ?? '9999').localeCompare(effectiveDue(b.action) ?? '9999'),
  );
}

/** Every overdue open action across plans, latest first. */
export async function overdueActions(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  now: Date,
): Promise<LateAction[]> {
  const items = (await lateActions(repos, now)).filter((item) => item.daysLate > 0);
  return items.sort((a, b) => b.daysLate - a.daysLate);
}
