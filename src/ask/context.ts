import { OwnerIndex, type PersonFacts } from './owner-index';
import { PlanIndex, type PlanFacts } from './plan-index';
import type { AskContext } from './understand';

/** What the store knows that questions may name. */
export interface AskFacts {
  plans: PlanFacts[];
  people: (PersonFacts & { posts: string[]; service: string | null })[];
  /** Owner posts of actions (some are held by nobody in the directory yet). */
  ownerPosts: string[];
}

/** Builds the indexes a question is read against, as of `now`. */
export function buildAskContext(facts: AskFacts, now: Date, timezone: string): AskContext {
  return {
    plans: new PlanIndex(facts.plans),
    owners: new OwnerIndex({
      posts: [...facts.people.flatMap((p) => p.posts), ...facts.ownerPosts],
      services: facts.people.flatMap((p) => (p.service ? [p.service] : [])),
      people: facts.people.map(({ name, email }) => ({ name, email })),
    }),
    now,
    timezone,
  };
}
