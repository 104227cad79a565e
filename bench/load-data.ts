import type { Action } from '../src/domain/action';
import type { Repositories } from '../src/services/repositories';
import { benchAction, benchPlan } from './seed-data';

/** A simulated Teams user of the load bench. */
export interface LoadUser {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  /** Chairs also ask for plan summaries. */
  chair: boolean;
}

/** Actions per user: each holds one post, which owns this many actions. */
const ACTIONS_PER_USER = 3;
const PLAN = 'corporate-improvement-plan';

const postOf = (index: number): string => `Service Lead ${index + 1}`;

/**
 * Loads a plan whose actions are spread over the users' posts, and the users themselves; returns
 * each user's actions as their cards would show them (with versions).
 */
export async function seedLoadPlan(
  repos: Repositories,
  users: LoadUser[],
): Promise<{ plan: string; actionsOf: (user: LoadUser) => Action[] }> {
  await repos.people.importEntries(
    users.map((user, i) => ({
      name: user.name,
      email: user.email,
      posts: [postOf(i)],
      service: `Service ${(i % 10) + 1}`,
      roles: user.chair ? ['officer', 'chair'] : ['officer'],
    })),
  );
  await repos.plans.save(benchPlan(PLAN, 'Corporate Improvement Plan'));
  const count = users.length * ACTIONS_PER_USER;
  await repos.actions.saveMany(
    Array.from({ length: count }, (_, i) =>
      benchAction(PLAN, i, { owners: [postOf(i % users.length)], status: 'not-started' }),
    ),
  );
  const actions = await repos.actions.listByPlan(PLAN);
  const byOwner = new Map<string, Action[]>();
  for (const action of actions) {
    const list = byOwner.get(action.owners[0]) ?? [];
    list.push(action);
    byOwner.set(action.owners[0], list);
  }
  return {
    plan: PLAN,
    actionsOf: (user) => byOwner.get(postOf(users.indexOf(user))) ?? [],
  };
}
