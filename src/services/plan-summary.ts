import { canReadSummaries } from '../domain/permissions';
import type { Person } from '../domain/person';
import { summarisePlan, type PlanSummary } from '../domain/summary';
import { isPlanOpen, type Plan } from '../domain/action';
import { findPlan } from './find-plan';
import { refusals } from './refusals';
import type { Repositories } from './repositories';

/**
 * Which plans to sum up: one by id (even an empty one: a card that names no plan is not a
 * request for every plan), one by what a person typed, or (neither) every plan.
 */
export interface SummaryRequest {
  planId?: string;
  query?: string;
}

type Repos = Pick<Repositories, 'plans' | 'actions'>;

async function plansOf(repos: Repos, request: SummaryRequest, gone: () => Error): Promise<Plan[]> {
  if (request.planId !== undefined) {
    const plan = await repos.plans.get(request.planId);
    if (!plan) throw gone();
    return [plan];
  }
  if (request.query) return [await findPlan(repos.plans, request.query)];
  // Closed and archived plans leave the overview; asked for by name or id, they still show.
  return (await repos.plans.list()).filter(isPlanOpen);
}

async function summaries(repos: Repos, plans: Plan[], now: Date): Promise<PlanSummary[]> {
  const lists = await Promise.all(plans.map((plan) => repos.actions.listByPlan(plan.id)));
  return plans.map((plan, i) => summarisePlan(plan, lists[i], now));
}

/**
 * `summary [plan]` in Teams and the summary card's plan picker: the position of the plan asked
 * for, or of every plan (none when no plan is imported). Chairs, heads and admins only.
 */
export async function planSummary(
  repos: Repos,
  viewer: Pick<Person, 'roles'>,
  request: SummaryRequest,
  now: Date,
): Promise<PlanSummary[]> {
  if (!canReadSummaries(viewer)) throw refusals.summariesNotAllowed();
  return summaries(repos, await plansOf(repos, request, refusals.planGone), now);
}

/** `summary [PLAN]` on the CLI (an administrator at the terminal): one plan by id, or all. */
export async function planSummaryForAdmin(
  repos: Repos,
  request: Pick<SummaryRequest, 'planId'>,
  now: Date,
): Promise<PlanSummary[]> {
  const gone = () => refusals.noSuchPlan(request.planId ?? '');
  return summaries(repos, await plansOf(repos, request, gone), now);
}
