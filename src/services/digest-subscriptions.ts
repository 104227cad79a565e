import type { Plan } from '../domain/action';
import { emailKey } from '../domain/person';
import { ValidationError } from './errors';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The outcome of a change: the plan as saved, and whether anything changed. */
export interface SubscriptionChange {
  plan: Plan;
  changed: boolean;
}

async function planOf(repos: Pick<Repositories, 'plans'>, planId: string): Promise<Plan> {
  const plan = await repos.plans.get(planId);
  if (!plan) throw refusals.noSuchPlan(planId);
  return plan;
}

/**
 * Signs a chair up to the weekly digest of a plan. They must be in the people directory: the
 * digest is sent to them in Teams, found by their email.
 */
export async function subscribeToPlanDigest(
  repos: Pick<Repositories, 'plans' | 'people'>,
  planId: string,
  email: string,
): Promise<SubscriptionChange> {
  const key = emailKey(email);
  if (!EMAIL.test(key)) throw new ValidationError(`"${email}" is not an email address.`);
  const plan = await planOf(repos, planId);
  if (!(await repos.people.get(key))) {
    throw refusals.notInDirectory(key);
  }
  if (plan.chairDigestEmails.some((e) => emailKey(e) === key)) return { plan, changed: false };
  const saved = { ...plan, chairDigestEmails: [...plan.chairDigestEmails, key] };
  await repos.plans.save(saved);
  return { plan: saved, changed: true };
}

/** Stops a plan's weekly digest going to someone. */
export async function unsubscribeFromPlanDigest(
  repos: Pick<Repositories, 'plans'>,
  planId: string,
  email: string,
): Promise<SubscriptionChange> {
  const key = emailKey(email);
  const plan = await planOf(repos, planId);
  const kept = plan.chairDigestEmails.filter((e) => emailKey(e) !== key);
  if (kept.length === plan.chairDigestEmails.length) return { plan, changed: false };
  const saved = { ...plan, chairDigestEmails: kept };
  await repos.plans.save(saved);
  return { plan: saved, changed: true };
}
