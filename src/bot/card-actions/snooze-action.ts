import { VERBS } from '../../cards/verbs';
import { formatDate } from '../../domain/overdue';
import { snoozeAction } from '../../services/snooze';
import type { CardAction } from '../bot-turn';
import { cardTarget } from '../card-data';

/**
 * "Snooze 1 week" / "Snooze 2 weeks" on a nudge card: no prompts to this person about the
 * action until then. Answers with a message, so the rest of the nudge card stays as it was.
 */
export const snoozeActionCardAction: CardAction = {
  verb: VERBS.snoozeAction,
  run: async (turn, data) => {
    const target = { ...cardTarget(data), weeks: data.weeks };
    const snoozed = await snoozeAction(turn.deps.repos, turn.person, target, turn.now);
    turn.log.info(
      { planId: target.planId, ref: snoozed.ref, weeks: snoozed.weeks },
      'action snoozed',
    );
    return {
      message:
        `Snoozed until ${formatDate(snoozed.end.date)}; I won't prompt you about action ` +
        `${snoozed.ref} before then.`,
    };
  },
};
