import { canSignOff } from '../domain/permissions';
import type { Person } from '../domain/person';
import { signOffQueue, type SignOffQueue } from './awaiting-sign-off';
import { ValidationError } from './errors';
import { planNamed } from './plan-named';
import { refusals } from './refusals';
import type { Repositories } from './repositories';
import { reopenAction, signOffActions, type ReopenResult, type SignOffResult } from './sign-off';

type Repos = Pick<Repositories, 'plans' | 'actions' | 'updates' | 'people'>;
type Chair = Pick<Person, 'email' | 'name' | 'posts' | 'roles'>;

/**
 * `sign off [refs] on <plan>` typed in Teams: with refs, signs them off; without, what awaits
 * sign-off. Chairs and admins only, refused before the plan is looked for.
 */
export async function signOffNamed(
  repos: Repos,
  input: { planWords: string; refs: string[]; author: Chair; now: Date },
): Promise<{ kind: 'queue'; queue: SignOffQueue } | { kind: 'done'; result: SignOffResult }> {
  if (!canSignOff(input.author)) throw refusals.chairsOnly('sign off actions');
  const { refs } = input;
  const plan = await planNamed(repos, input.planWords, (id) =>
    refs.length > 0 ? `sign off ${refs.join(', ')} on ${id}` : `sign off ${id} 1`,
  );
  if (refs.length === 0) return { kind: 'queue', queue: await signOffQueue(repos, plan.id) };
  const result = await signOffActions(repos, {
    planId: plan.id,
    refs,
    author: input.author,
    source: 'command',
    now: input.now,
  });
  return { kind: 'done', result };
}

/**
 * `reopen <plan> <ref>: <comment>` typed in Teams: the action goes back to its owners. Chairs
 * and admins only; without an action named, says how to write it.
 */
export async function reopenNamed(
  repos: Repos,
  input: { planWords: string; ref: string; comment: string; author: Chair; now: Date },
): Promise<ReopenResult> {
  if (!canSignOff(input.author)) throw refusals.chairsOnly('reopen actions');
  const { ref, comment } = input;
  if (!ref) {
    throw new ValidationError(
      'Say which action and why, for example: reopen rec 3 on the comms plan: the training has not happened yet.',
    );
  }
  const plan = await planNamed(repos, input.planWords, (id) => `reopen ${id} ${ref} ${comment}`);
  return reopenAction(repos, {
    planId: plan.id,
    ref,
    author: input.author,
    comment,
    source: 'command',
    now: input.now,
  });
}
