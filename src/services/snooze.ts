import { snoozeKey } from '../domain/nudge-policy';
import { canUpdate } from '../domain/permissions';
import type { Person } from '../domain/person';
import { snoozeEnd, snoozeWeeksOf, withSnooze, type SnoozeEnd } from '../domain/snooze';
import { ConflictError } from '../storage/errors';
import { ValidationError } from './errors';
import { refusals } from './refusals';
import type { Repositories } from './repositories';

// Snoozes are only ever added by their owner, so a conflict is a second click or a prompt run
// marking the person at the same moment; a few re-reads settle it.
const MAX_ATTEMPTS = 5;

/** A snooze as taken: the action's reference, and when prompts about it may start again. */
export interface Snoozed {
  ref: string;
  weeks: number;
  end: SnoozeEnd;
}

/**
 * Snoozes prompts to a person about one action for one or two weeks (`weeks` as the card sent
 * it). Only the action's owners (or an admin) may; a write that meets another is retried.
 */
export async function snoozeAction(
  repos: Pick<Repositories, 'plans' | 'actions' | 'people'>,
  person: Pick<Person, 'email' | 'posts' | 'roles'>,
  target: { planId: string; ref: string; weeks: unknown },
  now: Date,
): Promise<Snoozed> {
  const weeks = snoozeWeeksOf(target.weeks);
  if (!weeks) throw new ValidationError('An action can be snoozed for one week or two.');
  const plan = await repos.plans.get(target.planId);
  const action = plan ? await repos.actions.get(target.planId, target.ref) : null;
  if (!plan || !action) throw refusals.actionGone();
  if (!canUpdate(person, action)) throw refusals.notOwner(action, 'snooze its prompts');
  const end = snoozeEnd(now, weeks, plan.timezone);
  const key = snoozeKey(plan.id, action.ref);
  for (let attempt = 1; ; attempt++) {
    const current = await repos.people.get(person.email);
    if (!current) throw refusals.youAreGone();
    try {
      await repos.people.saveSnoozes({
        ...current,
        snoozes: withSnooze(current.snoozes, key, end.until, now),
      });
      return { ref: action.ref, weeks, end };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
