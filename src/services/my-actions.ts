import { isPlanOpen, type Action, type Plan } from '../domain/action';
import { myActionsList, type MyActionsList } from '../domain/my-actions';
import { overdueList, type OverdueList } from '../domain/overdue-list';
import { canReadSummaries, ownsAction } from '../domain/permissions';
import type { Person } from '../domain/person';
import type { Repositories } from './repositories';

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

/** The actions owned by a person's posts across every plan. */
async function ownedBy(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  person: Pick<Person, 'posts'>,
): Promise<PlannedAction[]> {
  if (person.posts.length === 0) return [];
  const { actions } = await loadPlansAndActions(repos);
  return actions.filter(({ action }) => ownsAction(person, action));
}

/** `my actions`: the person's actions across plans as of `now`, the most urgent first. */
export async function myActions(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  person: Pick<Person, 'posts'>,
  now: Date,
  options: { includeComplete: boolean },
): Promise<MyActionsList> {
  return myActionsList(await ownedBy(repos, person), now, options.includeComplete);
}

/**
 * `overdue`: every overdue action across plans for those who read summaries (chairs, heads,
 * admins); an officer's own otherwise. Each is late by its own plan's calendar.
 */
export async function overdueFor(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  person: Pick<Person, 'posts' | 'roles'>,
  now: Date,
): Promise<OverdueList> {
  const source = canReadSummaries(person)
    ? (await loadPlansAndActions(repos)).actions
    : await ownedBy(repos, person);
  return overdueList(source, now);
}
