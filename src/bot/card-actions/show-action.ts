import { VERBS } from '../../cards/verbs';
import { openAction } from '../../services/open-action';
import type { CardAction } from '../bot-turn';
import { cardTarget } from '../card-data';
import { actionCardOf } from '../render-action';
import { sendView } from '../shared-cards';

/** "Open" on a list: the action's own card and history, in a new message under the list. */
export const showActionCardAction: CardAction = {
  verb: VERBS.showAction,
  run: async (turn, data) => {
    const opened = await openAction(turn.deps.repos, turn.person, cardTarget(data), turn.now);
    // A new message, so the list the person opened it from stays as it was.
    const key = { view: 'action', planId: opened.plan.id, ref: opened.action.ref } as const;
    await sendView(turn, key, () => Promise.resolve(actionCardOf(opened)));
    return { message: `Action ${opened.action.ref} is open in a new message below.` };
  },
};
