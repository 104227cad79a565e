import type { Plan } from '../domain/action';
import { openRefs } from '../domain/sign-off';
import type { LabelScheme } from '../domain/status';
import { ValidationError } from './errors';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

/** Settings of a plan that people change after import. */
export interface PlanSettings {
  /** Whether completed actions wait for a chair's or admin's sign-off. */
  signOff?: boolean;
  /** The words used for statuses on the plan's cards and reports. */
  labels?: LabelScheme;
}

async function planOf(repos: Pick<Repositories, 'plans'>, planId: string): Promise<Plan> {
  const plan = await repos.plans.get(planId);
  if (!plan) throw refusals.noSuchPlan(planId);
  return plan;
}

/** Changes a plan's sign-off and label settings; returns the plan as saved. */
export async function changePlanSettings(
  repos: Pick<Repositories, 'plans'>,
  planId: string,
  settings: PlanSettings,
): Promise<Plan> {
  const plan = await planOf(repos, planId);
  const saved: Plan = {
    ...plan,
    signOff: settings.signOff ?? plan.signOff,
    labels: settings.labels ?? plan.labels,
  };
  await repos.plans.save(saved);
  return saved;
}

/**
 * Closes a plan once every action is closed: signed off (or complete where the plan does not
 * use sign-off), not agreed or superseded. A closed plan leaves summaries, prompts and digests.
 */
export async function closePlan(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  planId: string,
  now: Date,
): Promise<Plan> {
  const plan = await planOf(repos, planId);
  if (plan.lifecycle === 'closed' || plan.lifecycle === 'archived') return plan;
  const open = openRefs(await repos.actions.listByPlan(planId), plan);
  if (open.length > 0) {
    throw new ValidationError(
      `"${plan.title}" still has open actions (${open.join(', ')}). Each must be signed off, ` +
        'not agreed or superseded before the plan can be closed.',
    );
  }
  const saved: Plan = { ...plan, lifecycle: 'closed', closedAt: now.toISOString() };
  await repos.plans.save(saved);
  return saved;
}

/** Archives a closed plan: it stays exportable but is no longer listed anywhere. */
export async function archivePlan(
  repos: Pick<Repositories, 'plans' | 'actions'>,
  planId: string,
  now: Date,
): Promise<Plan> {
  const closed = await closePlan(repos, planId, now);
  if (closed.lifecycle === 'archived') return closed;
  const saved: Plan = { ...closed, lifecycle: 'archived' };
  await repos.plans.save(saved);
  return saved;
}

/** Opens a closed or archived plan again (for instance when a recommendation is revisited). */
export async function reopenPlan(
  repos: Pick<Repositories, 'plans'>,
  planId: string,
): Promise<Plan> {
  const plan = await planOf(repos, planId);
  const saved: Plan = { ...plan, lifecycle: 'open', closedAt: null };
  await repos.plans.save(saved);
  return saved;
}
