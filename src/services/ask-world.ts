import { buildAskContext } from '../ask/context';
import { planInWords } from '../ask/plan-names';
import type { AskContext } from '../ask/understand';
import type { Plan } from '../domain/action';
import type { Person } from '../domain/person';
import { loadPlansAndActions, type PlannedAction } from './my-actions';
import type { Repositories } from './repositories';

/** Everything a question is read and answered against, read once per question. */
export interface AskWorld {
  plans: Plan[];
  actions: PlannedAction[];
  people: Person[];
  context: AskContext;
  /** "the Members' Communications plan", or the id when the plan is gone. */
  planName(id: string): string;
}

/** Reads the plans, their actions and the people directory, and indexes them for questions. */
export async function loadAskWorld(
  repos: Pick<Repositories, 'plans' | 'actions' | 'people'>,
  now: Date,
  timezone: string,
): Promise<AskWorld> {
  const [{ plans, actions }, people] = await Promise.all([
    loadPlansAndActions(repos),
    repos.people.list(),
  ]);
  const context = buildAskContext(
    {
      plans: plans.map((plan) => ({
        id: plan.id,
        title: plan.title,
        committee: plan.committee,
        texts: actions
          .filter((a) => a.plan.id === plan.id)
          .flatMap((a) => [a.action.recommendation, a.action.proposedAction]),
      })),
      people: people.map((p) => ({
        name: p.name,
        email: p.email,
        posts: p.posts,
        service: p.service,
      })),
      ownerPosts: [...new Set(actions.flatMap((a) => a.action.owners))],
    },
    now,
    timezone,
  );
  const planName = (id: string): string => {
    const plan = plans.find((p) => p.id === id);
    return plan ? planInWords(plan) : id;
  };
  return { plans, actions, people, context, planName };
}
