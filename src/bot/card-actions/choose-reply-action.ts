import { buildReplyConfirmationCard } from '../../cards/reply-confirmation-card';
import { VERBS } from '../../cards/verbs';
import { ValidationError } from '../../services/errors';
import { recordReply, settleReply } from '../../services/record-reply';
import type { CardAction } from '../bot-turn';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * "This one" on the card asking which action a reply was about: records the reply (carried in
 * the button's data) on that action, ends the wait for a reply, and answers with the
 * confirmation card in place of the question.
 */
export const chooseReplyActionCardAction: CardAction = {
  verb: VERBS.chooseReplyAction,
  run: async (turn, data) => {
    const planId = text(data.planId);
    const ref = text(data.ref);
    if (!planId || !ref) throw new ValidationError('This card is missing which action it is for.');
    const note = text(data.note).trim();
    if (!note) throw new ValidationError('This card has lost your reply. Please send it again.');
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
    return {
      card: buildReplyConfirmationCard({
        action: recorded.action,
        plan: recorded.plan,
        note: recorded.note,
        inferredStatus: recorded.action.status,
        previousStatus: recorded.previousStatus,
        now: turn.now,
      }),
    };
  },
};
