import { newestFirst, type Action, type ActionUpdate, type Plan } from '../domain/action';
import { latenessOf, type Lateness } from '../domain/overdue';
import { canUpdate } from '../domain/permissions';
import type { Person } from '../domain/person';
import { findPlan } from './find-plan';
import { refusals } from './refusals';
import type { Repositories } from './repositories';

/** How many updates an opened action shows. */
export const OPEN_ACTION_HISTORY = 10;

/** One action as a person opens it: with its plan, recent history and what they may do. */
export interface OpenedAction {
  plan: Plan;
  action: Action;
  /** The latest updates, newest first. */
  history: ActionUpdate[];
  /** True when the viewer holds one of its owner posts, or is an admin. */
  canEdit: boolean;
  lateness: Lateness;
}

type Repos = Pick<Repositories, 'plans' | 'actions' | 'updates'>;

/** The view of an action already read: its history (unless given) and the viewer's rights. */
export async function viewAction(
  repos: Repos,
  viewer: Pick<Person, 'posts' | 'roles'>,
  found: { plan: Plan; action: Action; history?: ActionUpdate[] },
  now: Date,
  historyLimit = OPEN_ACTION_HISTORY,
): Promise<OpenedAction> {
  const { plan, action } = found;
  const history = found.history ?? (await repos.updates.latestFor(action, historyLimit));
  return {
    plan,
    action,
    history: newestFirst(history).slice(0, historyLimit),
    canEdit: canUpdate(viewer, action),
    lateness: latenessOf(action, now, plan.timezone),
  };
}

/** Opens the action a card is about; refused when it has gone since. */
export async function openAction(
  repos: Repos,
  viewer: Pick<Person, 'posts' | 'roles'>,
  target: { planId: string; ref: string },
  now: Date,
  historyLimit = OPEN_ACTION_HISTORY,
): Promise<OpenedAction> {
  const plan = await repos.plans.get(target.planId);
  const action = plan ? await repos.actions.get(target.planId, target.ref) : null;
  if (!plan || !action) throw refusals.actionGone();
  return viewAction(repos, viewer, { plan, action }, now, historyLimit);
}

/** Opens an action named in words: a plan (id or words of its title) and a reference. */
export async function openNamedAction(
  repos: Repos,
  viewer: Pick<Person, 'posts' | 'roles'>,
  named: { plan: string; ref: string },
  now: Date,
): Promise<OpenedAction> {
  const plan = await findPlan(repos.plans, named.plan);
  const ref = named.ref.replace(/[.)]$/, '');
  const action = await repos.actions.get(plan.id, ref);
  if (!action) throw refusals.noSuchAction(`"${plan.title}"`, ref);
  return viewAction(repos, viewer, { plan, action }, now);
}
