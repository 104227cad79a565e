import type { Person } from '../domain/person';
import type { Status } from '../domain/status';
import { openAction, viewAction, type OpenedAction } from './open-action';
import { recordUpdate, type RecordUpdateResult } from './record-update';
import type { Repositories } from './repositories';

/** Updates shown on the card that answers a correction. */
const ANSWER_HISTORY = 5;

/** What a correction of a reply's status did, and the action as it now stands. */
export interface ReplyCorrection {
  opened: OpenedAction;
  /** `unchanged` also when the status chosen is the one the action already has. */
  outcome: RecordUpdateResult['outcome'];
  /** What changed since the card was sent (stale only). */
  changed: string;
}

type Repos = Pick<Repositories, 'plans' | 'actions' | 'updates'>;
type Editor = Pick<Person, 'email' | 'name' | 'posts' | 'roles'>;

/**
 * "Correct" on a reply's confirmation card: sets the status the bot read from the officer's
 * words, against the version the card showed, so a change made since is never overwritten.
 * Choosing the status the action already has records nothing.
 */
export async function correctReplyStatus(
  repos: Repos,
  person: Editor,
  input: { planId: string; ref: string; status: Status; seenVersion: string; now: Date },
): Promise<ReplyCorrection> {
  const current = await openAction(repos, person, input, input.now, ANSWER_HISTORY);
  if (input.status === current.action.status) {
    return { opened: current, outcome: 'unchanged', changed: '' };
  }
  const result = await recordUpdate(repos, {
    planId: input.planId,
    ref: input.ref,
    author: person,
    request: { status: input.status },
    source: 'card',
    now: input.now,
    timezone: current.plan.timezone,
    seenVersion: input.seenVersion,
  });
  const opened = await viewAction(
    repos,
    person,
    { plan: current.plan, action: result.action },
    input.now,
    ANSWER_HISTORY,
  );
  return {
    opened,
    outcome: result.outcome,
    changed: result.outcome === 'stale' ? result.changed : '',
  };
}
