import type { Action } from '../domain/action';
import { NotAllowedError, NotFoundError } from './errors';

/**
 * The one wording of each refusal, whichever command, card or CLI meets the rule: people see
 * the same words for the same reason everywhere.
 */
export const refusals = {
  /** Summaries and the overview of every plan are for chairs, heads of service and admins. */
  summariesNotAllowed: (): NotAllowedError =>
    new NotAllowedError(
      'Summaries are for chairs, heads of service and admins. Type **my actions** to see yours.',
    ),
  /** A plan named by its id (CLI, subscriptions) that is not there. */
  noSuchPlan: (planId: string): NotFoundError => new NotFoundError(`There is no plan "${planId}".`),
  /** The plan a card or prompt was about has since been removed. */
  planGone: (): NotFoundError => new NotFoundError('That plan no longer exists.'),
  /** The action a card was about has since been removed. */
  actionGone: (): NotFoundError => new NotFoundError('That action no longer exists.'),
  /** An action asked for by its reference that its plan does not have. */
  noSuchAction: (plan: string, ref: string): NotFoundError =>
    new NotFoundError(`There is no action ${ref} in plan ${plan}.`),
  /** Only the holders of an action's owner posts, or an admin, may change it. */
  notOwner: (action: Pick<Action, 'ref' | 'owners'>, what: string): NotAllowedError =>
    new NotAllowedError(
      `Action ${action.ref} belongs to ${action.owners.join(' and ')}. Only the holders of ` +
        `those posts (or an admin) can ${what}.`,
    ),
};
