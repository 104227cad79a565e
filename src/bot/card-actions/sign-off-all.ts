import { VERBS } from '../../cards/verbs';
import { ValidationError } from '../../services/errors';
import { signOffActions } from '../../services/sign-off';
import type { CardAction } from '../bot-turn';
import { cardText, DAMAGED_CARD_MESSAGE, MAX_CARD_REF_LENGTH } from '../card-data';
import { signOffCardOf, signOffInWords } from '../sign-off-turns';

// The card shows at most a few dozen; anything longer did not come from it.
const MAX_REFS = 100;

/** "Sign off all" on the sign-off card: every action the card showed, at once. */
export const signOffAllCardAction: CardAction = {
  verb: VERBS.signOffAll,
  run: async (turn, data) => {
    const planId = cardText(data.planId);
    const refs = cardText(data.refs)
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    if (
      !planId ||
      refs.length === 0 ||
      refs.length > MAX_REFS ||
      refs.some((r) => r.length > MAX_CARD_REF_LENGTH)
    ) {
      throw new ValidationError(DAMAGED_CARD_MESSAGE);
    }
    const result = await signOffActions(turn.deps.repos, {
      planId,
      refs,
      author: turn.person,
      source: 'card',
      now: turn.now,
    });
    turn.log.info({ planId, count: result.signedOff.length }, 'sign-off of several');
    const done = signOffInWords(result);
    return {
      card: signOffCardOf(result, done),
      view: { view: 'sign-off', planId },
      said: done.text,
    };
  },
};
