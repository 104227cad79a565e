import type { Action } from '../src/domain/action';
import type { Repositories } from '../src/services/repositories';

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
  await repos.plans.save({
    id: PLAN,
    title: 'Corporate Improvement Plan',
    date: '2026-09-07',
    committee: null,
    sourceFile: null,
    importedAt: new Date().toISOString(),
    timezone: 'Europe/London',
    chairDigestEmails: [],
  });
  const count = users.length * ACTIONS_PER_USER;
  await repos.actions.saveMany(
    Array.from({ length: count }, (_, i) => ({
      planId: PLAN,
      ref: String(i + 1),
      recommendation: `That the council reviews service ${i + 1}.`,
      proposedAction: `Review ${i + 1} will be carried out with partners.`,
      owners: [postOf(i % users.length)],
      budget: 'N/A',
      timescale: 'March 2027',
      due: i % 4 === 0 ? '2026-03-31' : '2027-03-31',
      revisedDue: null,
      revisedReason: null,
      status: 'not-started' as const,
      lastUpdateAt: null,
      lastUpdateBy: null,
      lastNote: null,
    })),
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
