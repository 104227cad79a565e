import type { Action, Plan } from '../domain/action';
import { isAwaitingSignOff } from '../domain/sign-off';
import { refusals } from './refusals';
import type { Repositories } from './repositories';
/** A plan and its actions that are complete and await a chair's sign-off. */
export interface SignOffQueue {
  plan: Plan;
  awaiting: Action[];
}

/** What awaits sign-off on a plan as it stands now; refused when the plan has gone. */
export async function signOffQueue(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  planId: string,
): Promise<SignOffQueue> {
  const [plan, actions] = await Promise.all([
    repos.plans.get(planId),
    repos.actions.listByPlan(planId),
  ]);
  if (!plan) throw refusals.planGone();
  return { plan, awaiting: actions.filter((a) => isAwaitingSignOff(a, plan)) };
}
