import type { Action } from '../domain/action';
import { NotAllowedError, NotFoundError, ValidationError } from './errors';

/**
 * The one wording of each refusal, whichever command, card or CLI meets the rule: people see
 * the same words for the same reason everywhere. Every refusal the bot or the CLI gives for a
 * rule of the product is written here, and nowhere else.
 */
export const refusals = {
  /** Summaries and the overview of every plan are for chairs, heads of service and admins. */
  summariesNotAllowed: (): NotAllowedError =>
    new NotAllowedError(
      'Summaries are for chairs, heads of service and admins. Type **my actions** to see yours.',
    ),
  /** Signing off, reopening, committee reports, meeting dates, channel posts: chairs and admins. */
  chairsOnly: (what: string): NotAllowedError =>
    new NotAllowedError(`Only chairs and admins can ${what}.`),
  /** Posts and imports are for admins; `then` says who to ask instead. */
  adminsOnly: (what: string, then: string): NotAllowedError =>
    new NotAllowedError(`Only admins can ${what}. ${then}`),
  /** Nothing to list or name because no plan has been imported. */
  noPlans: (): NotFoundError => new NotFoundError(NO_PLANS),
  /** No plan named, and more than one open plan: `example` shows how to name one. */
  whichPlan: (example: string): NotFoundError =>
    new NotFoundError(`Which plan? For example: ${example}.`),
  /** Words that match more than one plan; `list` names them, `advice` says how to choose. */
  severalPlans: (query: string, list: string, advice = 'Please be more specific.'): NotFoundError =>
    new NotFoundError(`More than one plan matches "${query}": ${list}. ${advice}`),
  /** Words that match no plan; `list` names the plans there are. */
  noPlanCalled: (query: string, list: string): NotFoundError =>
    new NotFoundError(`I can't find a plan called "${query}". The plans are: ${list}.`),
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
  /** A signed-off action is settled: it changes only once a chair or admin reopens it. */
  signedOff: (action: Pick<Action, 'ref' | 'signedOffBy'>): NotAllowedError =>
    new NotAllowedError(
      `Action ${action.ref} was signed off by ${action.signedOffBy ?? 'a chair'}. ` +
        'Ask a chair or admin to reopen it before changing it.',
    ),
  /** Someone named by email who is not in the people directory. */
  notInDirectory: (email: string): NotFoundError =>
    new NotFoundError(
      `${email} is not in the people directory. Add them with a people file first.`,
    ),
  /** A holder chosen on an import preview who is not in the directory: nothing is imported. */
  holderNotInDirectory: (owner: string, value: string): NotFoundError =>
    new NotFoundError(
      `For ${owner}, ${value.slice(0, 100)} is not in the directory. Nothing was imported: ` +
        'add them with a people file first, or leave the post empty for now.',
    ),
  /** An import preview that has been settled or removed since its card was sent. */
  previewGone: (): NotFoundError =>
    new NotFoundError('I cannot find that preview any more. Please send the file again.'),
  /** The person acting was removed from the directory while the turn ran. */
  youAreGone: (): NotFoundError => new NotFoundError('You are no longer in the directory.'),
  /** A card whose data lacks what it is about (damaged, or from an older version). */
  cardLacks: (what: string): ValidationError =>
    new ValidationError(`This card is missing which ${what}. Please ask again.`),
};

/** Said when there is no plan at all, as a refusal or as a plain answer. */
export const NO_PLANS = 'No plans have been imported yet.';
