import { buildMyActionsCard } from '../../cards/my-actions-card';
import { actionsOwnedBy } from '../../services/my-actions';
import { sendCard, type TextCommand } from '../bot-turn';

/** `my actions` (or `my actions all`): the person's open actions across plans, overdue first. */
export const myActionsCommand: TextCommand = {
  name: 'my actions',
  match: (text) => {
    const m = /^(?:my actions?|actions|my tasks)(?:\s+(all|including complete))?$/i.exec(text);
    return m ? [m[1] ? 'all' : ''] : null;
  },
  run: async (turn, [scope]) => {
    const includeComplete = scope === 'all';
    const items = await actionsOwnedBy(turn.deps.repos, turn.person, turn.now, { includeComplete });
    await sendCard(
      turn.context,
      buildMyActionsCard({ person: turn.person, items, now: turn.now, includeComplete }),
    );
  },
};
