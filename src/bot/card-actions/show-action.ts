import { buildActionCard } from '../../cards/action-card';
import { VERBS } from '../../cards/verbs';
import { canUpdate } from '../../domain/permissions';
import { NotFoundError } from '../../services/errors';
import { sendCard, type CardAction } from '../bot-turn';
import { cardTarget } from '../card-data';

/** "Open" on a list: the action's own card and history, in a new message under the list. */
export const showActionCardAction: CardAction = {
  verb: VERBS.showAction,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const plan = await turn.deps.repos.plans.get(planId);
    const action = plan ? await turn.deps.repos.actions.get(planId, ref) : null;
    if (!plan || !action) throw new NotFoundError('That action no longer exists.');
    const history = await turn.deps.repos.updates.listForAction(planId, ref, 10);
    // A new message, so the list the person opened it from stays as it was.
    await sendCard(
      turn.context,
      buildActionCard({
        action,
        plan,
        viewer: { canEdit: canUpdate(turn.person, action) },
        history,
        now: turn.now,
      }),
    );
    return { message: `Action ${action.ref} is open in a new message below.` };
  },
};
