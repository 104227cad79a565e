import { commentInputId, VERBS } from '../../cards/verbs';
import { reopenAction } from '../../services/sign-off';
import type { CardAction } from '../bot-turn';
import { cardTarget, cardText } from '../card-data';
import { signOffCardOf, tellOwnersReopened } from '../sign-off-turns';

/**
 * "Reopen" on the sign-off card: the action goes back to its owners with the comment typed
 * beside it. Without a comment nothing changes and the card keeps what was typed.
 */
export const reopenActionCardAction: CardAction = {
  verb: VERBS.reopenAction,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const comment = cardText(data[commentInputId(cardText(data.slot))]);
    const result = await reopenAction(turn.deps.repos, {
      planId,
      ref,
      author: turn.person,
      comment,
      source: 'card',
      now: turn.now,
    });
    const told = await tellOwnersReopened(turn, result);
    return {
      card: signOffCardOf(result, { text: told, style: 'good' }),
      view: { view: 'sign-off', planId },
      said: `Reopened action ${result.action.ref}.`,
    };
  },
};
