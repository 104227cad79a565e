import { inputIds, VERBS } from '../../cards/verbs';
import { isStatus, statusLabel } from '../../domain/status';
import { correctReplyStatus } from '../../services/card-update';
import { ValidationError } from '../../services/errors';
import type { CardAction } from '../bot-turn';
import { cardTarget, cardText } from '../card-data';
import { actionCardOf } from '../render-action';

/**
 * "Correct" on a reply's confirmation card: the officer sets the status the bot read from their
 * words; answers with the action's fresh card.
 */
export const correctReplyCardAction: CardAction = {
  verb: VERBS.correctReply,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const status = data[inputIds(cardText(data.slot)).status];
    if (!isStatus(status)) throw new ValidationError('Choose a status from the list.');
    const result = await correctReplyStatus(turn.deps.repos, turn.person, {
      planId,
      ref,
      status,
      seenVersion: cardText(data.version),
      now: turn.now,
    });
    turn.log.info({ planId, ref, outcome: result.outcome, status }, 'reply status corrected');
    const now = statusLabel(result.opened.action.status);
    const notice =
      result.outcome === 'saved'
        ? { notice: `Corrected: the status is now ${now}.`, noticeStyle: 'good' as const }
        : result.outcome === 'unchanged'
          ? { notice: `The status stays ${now}.`, noticeStyle: 'good' as const }
          : {
              notice: `${result.changed} Your correction was not applied.`,
              noticeStyle: 'warning' as const,
            };
    return { card: actionCardOf(result.opened, notice) };
  },
};
