import { buildActionCard } from '../../cards/action-card';
import { VERBS } from '../../cards/verbs';
import { canUpdate } from '../../domain/permissions';
import { NotFoundError } from '../../services/errors';
import type { CardAction } from '../bot-turn';
import { cardTarget } from '../card-data';

/** "Open" on a list: answers with the action's own card and history. */
export const showActionCardAction: CardAction = {
  verb: VERBS.showAction,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const plan = await turn.deps.repos.plans.get(planId);
    const action = plan ? await turn.deps.repos.actions.get(planId, ref) : null;
    if (!plan || !action) throw new NotFoundError('That action no longer exists.');
    const history = await turn.deps.repos.updates.listForAction(planId, ref, 10);
    return {
      card: buildActionCard({
        action,
        plan,
        viewer: { canEdit: canUpdate(turn.person, action) },
        history,
        now: turn.now,
      }),
    };
  },
};
