import type { SharedViewKey } from '../../cards/refresh';
import { buildSignOffCard } from '../../cards/sign-off-card';
import { canSignOff } from '../../domain/permissions';
import { signOffQueue } from '../../services/awaiting-sign-off';
import { cardText } from '../card-data';
import type { SharedView } from './shared-view';

type SignOffKey = Extract<SharedViewKey, { view: 'sign-off' }>;

/**
 * A plan's sign-off card: chairs and admins get the comment boxes and buttons; anyone else sees
 * which actions await sign-off, without the owners' notes.
 */
export const signOffView: SharedView<SignOffKey> = {
  name: 'sign-off',
  keyOf: (data) => {
    const planId = cardText(data.planId);
    return planId ? { view: 'sign-off', planId } : null;
  },
  render: async (deps, { planId }, viewer, _now) => {
    const { plan, awaiting } = await signOffQueue(deps.repos, planId);
    return buildSignOffCard({
      plan,
      awaiting,
      everyone: !viewer || !canSignOff(viewer),
    });
  },
  mayAct: async (deps) => (await deps.repos.people.list()).filter((p) => canSignOff(p)),
};
