import { PlanIndex } from '../ask/plan-index';
import { wordsOf, normaliseQuestion } from '../ask/text';
import { isPlanOpen, type Plan } from '../domain/action';
import { NotFoundError } from './errors';
import { findPlan } from './find-plan';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

/**
 * The plan a person named in a sentence: by id or title words first, then as people say it
 * ("the comms plan"). With no name at all, the only open plan; otherwise a message that lists
 * the plans to choose from, ending with how to say it (`example`).
 */
export async function planNamed(
  repos: Pick<Repositories, 'plans'>,
  words: string,
  example: (planId: string) => string,
): Promise<Plan> {
  const plans = await repos.plans.list();
  if (words.trim() === '') {
    const open = plans.filter(isPlanOpen);
    if (open.length === 1) return open[0];
    const first = open[0] ?? plans[0];
    throw first ? refusals.whichPlan(example(first.id)) : refusals.noPlans();
  }
  try {
    return await findPlan(repos.plans, words);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const index = new PlanIndex(
      plans.map((p) => ({ id: p.id, title: p.title, committee: p.committee, texts: [] })),
    );
    const match = index.match(wordsOf(normaliseQuestion(words)));
    const found = match.kind === 'one' ? plans.find((p) => p.id === match.planId) : undefined;
    if (found) return found;
    throw error;
  }
}
