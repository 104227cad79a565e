import type { NudgeItem } from '../domain/nudge-policy';
import type { NudgeContext } from '../cards/nudge-context';
import type { Plan } from '../domain/action';
import { latenessOf } from '../domain/overdue';
import type { Repositories } from './repositories';

/**
 * The actions a nudge card showed, read afresh and in the card's order, so the card can be
 * rebuilt as it was. Actions deleted since are left out; each plan is read once.
 */
export async function loadNudgeItems(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  context: NudgeContext,
  now: Date,
): Promise<NudgeItem[]> {
  const plans = new Map<string, Promise<Plan | null>>();
  const planOf = (id: string): Promise<Plan | null> => {
    let plan = plans.get(id);
    if (!plan) {
      plan = repos.plans.get(id);
      plans.set(id, plan);
    }
    return plan;
  };
  const items = await Promise.all(
    context.items.map(async ({ planId, ref, reason }): Promise<NudgeItem | null> => {
      const [plan, action] = await Promise.all([planOf(planId), repos.actions.get(planId, ref)]);
      if (!plan || !action) return null;
      const lateness = latenessOf(action, now, plan.timezone);
      return { action, plan, reason, daysLate: lateness.daysLate, lateness };
    }),
  );
  return items.filter((item): item is NudgeItem => item !== null);
}
