import { buildMyActionsCard } from '../../cards/my-actions-card';
import type { AdaptiveCard } from '../../cards/render';
import { myActions } from '../../services/my-actions';
import type { BotTurn, TextCommand } from '../bot-turn';
import { sendView } from '../shared-cards';

/** The person's actions card at a page (also what "Show next 10" answers with). */
export async function myActionsCard(
  turn: BotTurn,
  includeComplete: boolean,
  page = 0,
): Promise<AdaptiveCard> {
  const list = await myActions(turn.deps.repos, turn.person, turn.now, { includeComplete });
  return buildMyActionsCard({ person: turn.person, list, page });
}

/** `my actions` (or `my actions all`): the person's open actions across plans, overdue first. */
export const myActionsCommand: TextCommand = {
  name: 'my actions',
  match: (text) => {
    const m = /^(?:my actions?|actions|my tasks)(?:\s+(all|including complete))?$/i.exec(text);
    return m ? [m[1] ? 'all' : ''] : null;
  },
  run: async (turn, [scope]) => {
    // In a group chat or channel each person sees their own list, and everyone else none.
    const all = scope === 'all';
    await sendView(turn, { view: 'my-actions', all: all ? 'all' : '', page: '0' }, () =>
      myActionsCard(turn, all),
    );
  },
};
