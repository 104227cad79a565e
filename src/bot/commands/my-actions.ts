import { buildMyActionsCard } from '../../cards/my-actions-card';
import { actionsOwnedBy } from '../../services/my-actions';
import type { AdaptiveCard } from '../../cards/render';
import { sendCard, type BotTurn, type TextCommand } from '../bot-turn';

/** The person's actions card at a page (also what "Show next 10" answers with). */
export async function myActionsCard(
  turn: BotTurn,
  includeComplete: boolean,
  page = 0,
): Promise<AdaptiveCard> {
  const items = await actionsOwnedBy(turn.deps.repos, turn.person, turn.now, { includeComplete });
  return buildMyActionsCard({ person: turn.person, items, now: turn.now, includeComplete, page });
}

/** `my actions` (or `my actions all`): the person's open actions across plans, overdue first. */
export const myActionsCommand: TextCommand = {
  name: 'my actions',
  match: (text) => {
    const m = /^(?:my actions?|actions|my tasks)(?:\s+(all|including complete))?$/i.exec(text);
    return m ? [m[1] ? 'all' : ''] : null;
  },
  run: async (turn, [scope]) => {
    await sendCard(turn.context, await myActionsCard(turn, scope === 'all'));
  },
};
