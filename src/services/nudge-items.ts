import type { NudgeItem, NudgeReason } from '../domain/nudge-policy';
import type { Plan } from '../domain/action';
import { latenessOf } from '../domain/overdue';
import type { Repositories } from './repositories';

/**
 * The actions a nudge card showed, read afresh and in the card's order, so the card can be
 * rebuilt as it was. Actions deleted since are left out; each plan is read once.
 */
export async function loadNudgeItems(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  /** The actions the card listed, in order (the card's context carries them back). */
  context: { items: readonly { planId: string; ref: string; reason: NudgeReason }[] },
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
