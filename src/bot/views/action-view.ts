import { buildActionCard } from '../../cards/action-card';
import type { SharedViewKey } from '../../cards/refresh';
import { ownsAction } from '../../domain/permissions';
import { hasRole } from '../../domain/person';
import { openAction } from '../../services/open-action';
import { cardText } from '../card-data';
import { actionCardOf } from '../render-action';
import type { SharedView } from './shared-view';

type ActionKey = Extract<SharedViewKey, { view: 'action' }>;

/** Who the card everyone sees is opened as: no posts, no roles, so no rights. */
const NOBODY = { posts: [], roles: [] };

/**
 * One action's card: its owners (and admins) get the update inputs, anyone else in the
 * directory a read-only card with the history, and everyone in the chat the action without
 * notes, history or names.
 */
export const actionView: SharedView<ActionKey> = {
  name: 'action',
  keyOf: (data) => {
    const planId = cardText(data.planId);
    const ref = cardText(data.ref);
    return planId && ref ? { view: 'action', planId, ref } : null;
  },
  render: async (deps, key, viewer, now) => {
    if (viewer) return actionCardOf(await openAction(deps.repos, viewer, key, now));
    const opened = await openAction(deps.repos, NOBODY, key, now, 1);
    return buildActionCard({
      action: opened.action,
      plan: opened.plan,
      viewer: { canEdit: false, everyone: true },
      lateness: opened.lateness,
    });
  },
  mayAct: async (deps, { planId, ref }) => {
    const action = await deps.repos.actions.get(planId, ref);
    if (!action) return [];
    const people = await deps.repos.people.list();
    // Owners before admins: when there are more than Teams allows, the owners come first.
    return [
      ...people.filter((p) => ownsAction(p, action)),
      ...people.filter((p) => hasRole(p, 'admin')),
    ];
  },
};
