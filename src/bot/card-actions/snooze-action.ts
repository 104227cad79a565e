import { VERBS } from '../../cards/verbs';
import { snoozeKey } from '../../domain/nudge-policy';
import { formatDate } from '../../domain/overdue';
import { canUpdate } from '../../domain/permissions';
import { snoozeEnd, snoozeWeeksOf, withSnooze } from '../../domain/snooze';
import { NotAllowedError, NotFoundError, ValidationError } from '../../services/errors';
import { ConflictError } from '../../storage/errors';
import type { CardAction } from '../bot-turn';
import { cardTarget } from '../card-data';

// Snoozes are only ever added by their owner, so a conflict is a second click or a prompt run
// marking the person at the same moment; a few re-reads settle it.
const MAX_ATTEMPTS = 5;

/**
 * "Snooze 1 week" / "Snooze 2 weeks" on a nudge card: no prompts to this person about the
 * action until then. Answers with a message, so the rest of the nudge card stays as it was.
 */
export const snoozeActionCardAction: CardAction = {
  verb: VERBS.snoozeAction,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const weeks = snoozeWeeksOf(data.weeks);
    if (!weeks) throw new ValidationError('An action can be snoozed for one week or two.');
    const { repos } = turn.deps;
    const plan = await repos.plans.get(planId);
    const action = plan ? await repos.actions.get(planId, ref) : null;
    if (!plan || !action) throw new NotFoundError('That action no longer exists.');
    if (!canUpdate(turn.person, action)) {
      throw new NotAllowedError(
        `Action ${action.ref} belongs to ${action.owners.join(' and ')}, so only they (or an ` +
          'admin) can snooze its prompts.',
      );
    }
    const end = snoozeEnd(turn.now, weeks, plan.timezone);
    const key = snoozeKey(planId, action.ref);
    for (let attempt = 1; ; attempt++) {
      const person = await repos.people.get(turn.person.email);
      if (!person) throw new NotFoundError('You are no longer in the directory.');
      try {
        await repos.people.saveSnoozes({
          ...person,
          snoozes: withSnooze(person.snoozes, key, end.until, turn.now),
        });
        break;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
    turn.log.info({ planId, ref: action.ref, weeks }, 'action snoozed');
    return {
      message:
        `Snoozed until ${formatDate(end.date)}; I won't prompt you about action ${action.ref} ` +
        'before then.',
    };
  },
};
