import { VERBS } from '../../cards/verbs';
import { ValidationError } from '../../services/errors';
import type { CardAction } from '../bot-turn';
import { DAMAGED_CARD_MESSAGE } from '../card-data';
import { viewKeyOf, viewOf } from '../views';

/**
 * A shared card's refresh (Teams sends it by itself for the people the card lists, or when
 * someone chooses Refresh): the card as the person refreshing may see it.
 */
export const refreshCardCardAction: CardAction = {
  verb: VERBS.refreshCard,
  run: async (turn, data) => {
    const key = viewKeyOf(data);
    if (!key) throw new ValidationError(DAMAGED_CARD_MESSAGE);
    const card = await viewOf(key).render(turn.deps, key, turn.person, turn.now);
    return { card, view: key };
  },
};
