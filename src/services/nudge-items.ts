import type { Action, Plan } from '../domain/action';
import type { NudgeItem, NudgeReason } from '../domain/nudge-policy';
import { latenessOf } from '../domain/overdue';
import type { Repositories } from './repositories';

/** The actions a nudge card listed, in order (the card's context carries them back). */
export interface NudgeItemsContext {
  items: readonly { planId: string; ref: string; reason: NudgeReason }[];
}

/** Puts the prompt's items together, given the one action that was not read with the others. */
export type NudgeItemsWith = (pressed: Action | null) => NudgeItem[];

/**
 * The actions a nudge card showed, in the card's order, so the card can be rebuilt as it was:
 * `pressed` (the one being saved) as the caller gives it once written, the others as this
 * instance read or saved them less than a minute ago (the person working down their prompt), or
 * else read now, while the save runs. Actions deleted since are left out; each plan is read once,
 * from the plan cache (at most 60 s old) as for every updated card.
 */
export async function readNudgeItems(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  context: NudgeItemsContext,
  now: Date,
  pressed?: { planId: string; ref: string },
): Promise<NudgeItemsWith> {
  const plans = new Map<string, Promise<Plan | null>>();
  const planOf = (id: string): Promise<Plan | null> => {
    let plan = plans.get(id);
    if (!plan) {
      plan = repos.plans.getCached(id);
      plans.set(id, plan);
    }
    return plan;
  };
  const isPressed = (item: { planId: string; ref: string }): boolean =>
    pressed !== undefined && item.planId === pressed.planId && item.ref === pressed.ref;
  const read = await Promise.all(
    context.items.map(async (item) => {
      const [plan, action] = await Promise.all([
        planOf(item.planId),
        isPressed(item) ? null : repos.actions.getShown(item.planId, item.ref),
      ]);
      return { item, plan, action };
    }),
  );
  return (pressedAction) =>
    read.flatMap(({ item, plan, action }): NudgeItem[] => {
      const shown = isPressed(item) ? pressedAction : action;
      if (!plan || !shown) return [];
      const lateness = latenessOf(shown, now, plan.timezone);
      return [{ action: shown, plan, reason: item.reason, daysLate: lateness.daysLate, lateness }];
    });
}
