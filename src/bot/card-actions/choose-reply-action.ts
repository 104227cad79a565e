import { REPLY_INPUT_ID, VERBS } from '../../cards/verbs';
import { ValidationError } from '../../services/errors';
import { replyOnChosenAction } from '../../services/reply-to-prompt';
import type { CardAction } from '../bot-turn';
import { cardTarget, cardText } from '../card-data';
import { replyConfirmationCard } from '../reply-confirmation';

/**
 * "This one" on the card asking which action a reply was about: records the reply (the card's
 * one input, which the person may have corrected; older cards carried it in each button's data)
 * on that action, ends the wait for a reply, and answers with the confirmation card in place of
 * the question.
 */
export const chooseReplyActionCardAction: CardAction = {
  verb: VERBS.chooseReplyAction,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const typed = data[REPLY_INPUT_ID];
    const note = (typeof typed === 'string' ? typed : cardText(data.note)).trim();
    if (!note) {
      throw new ValidationError(
        typeof typed === 'string'
          ? 'Type your reply in the box before choosing an action.'
          : 'This card has lost your reply. Please send it again.',
      );
    }
    const recorded = await replyOnChosenAction(turn.deps.repos, turn.person, {
      planId,
      ref,
      note,
      now: turn.now,
    });
    turn.log.info(
      { planId, ref: recorded.action.ref, status: recorded.action.status },
      'reply recorded on the chosen action',
    );
    return { card: replyConfirmationCard(recorded) };
  },
};
