import { REPLY_INPUT_ID, VERBS } from '../../cards/verbs';
import { ValidationError } from '../../services/errors';
import { recordReply, settleReply } from '../../services/record-reply';
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
    const { repos } = turn.deps;
    // Read before recording, so the wait ended is the one this card answered.
    const awaiting = await repos.replies.get(turn.person.email, turn.now);
    const recorded = await recordReply(repos, {
      person: turn.person,
      planId,
      ref,
      text: note,
      now: turn.now,
    });
    await settleReply(repos, turn.person.email, awaiting, [recorded.action], turn.now);
    turn.log.info(
      { planId, ref: recorded.action.ref, status: recorded.action.status },
      'reply recorded on the chosen action',
    );
    return { card: replyConfirmationCard(recorded) };
  },
};
