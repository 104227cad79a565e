import { buildActionCard } from '../../cards/action-card';
import { canUpdate } from '../../domain/permissions';
import { NotFoundError } from '../../services/errors';
import { findPlan } from '../../services/find-plan';
import { sendCard, type TextCommand } from '../bot-turn';

/** `action <plan> <ref>`: one action with its history; editable by its owners. */
export const actionCommand: TextCommand = {
  name: 'action',
  match: (text) => {
    // The reference must look like one ("4", "R2.3"), so a reply such as "Action 4: framework
    // delayed until March" is read as progress, not as this command.
    const m = /^action\s+([^:]+?)\s+([A-Za-z]{0,3}\d[\w.-]*)$/i.exec(text);
    return m ? [m[1], m[2]] : null;
  },
  run: async (turn, [planQuery, ref]) => {
    const plan = await findPlan(turn.deps.repos.plans, planQuery);
    const action = await turn.deps.repos.actions.get(plan.id, ref.replace(/[.)]$/, ''));
    if (!action) throw new NotFoundError(`Plan "${plan.title}" has no action ${ref}.`);
    const history = await turn.deps.repos.updates.listForAction(plan.id, action.ref, 10);
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
  },
};
