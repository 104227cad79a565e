import { VERBS } from '../../cards/verbs';
import { signOffActions } from '../../services/sign-off';
import type { CardAction } from '../bot-turn';
import { cardTarget } from '../card-data';
import { signOffCardOf, signOffInWords } from '../sign-off-turns';

/** "Sign off" on the sign-off card: closes the action and answers with the card, refreshed. */
export const signOffActionCardAction: CardAction = {
  verb: VERBS.signOffAction,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const result = await signOffActions(turn.deps.repos, {
      planId,
      refs: [ref],
      author: turn.person,
      source: 'card',
      now: turn.now,
    });
    turn.log.info({ planId, ref, refused: result.refused.length }, 'sign-off');
    const done = signOffInWords(result);
    return {
      card: signOffCardOf(result, done),
      view: { view: 'sign-off', planId },
      said: done.text,
    };
  },
};
