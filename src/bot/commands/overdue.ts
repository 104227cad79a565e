import { buildOverdueCard } from '../../cards/overdue-card';
import type { AdaptiveCard } from '../../cards/render';
import { overdueFor } from '../../services/my-actions';
import type { BotTurn, TextCommand } from '../bot-turn';
import { sendView } from '../shared-cards';

/** The overdue card at a page: all overdue actions for readers of summaries, else one's own. */
export async function overdueCard(turn: BotTurn, page = 0): Promise<AdaptiveCard> {
  const list = await overdueFor(turn.deps.repos, turn.person, turn.now);
  return buildOverdueCard({ ...list, page });
}

/**
 * `overdue`: every overdue action for chairs, heads and admins; an officer sees their own.
 */
export const overdueCommand: TextCommand = {
  name: 'overdue',
  match: (text) => (/^(?:overdue|what'?s overdue\??|overdue actions)$/i.test(text) ? [] : null),
  run: async (turn) => {
    // What is overdue depends on who looks (an officer sees their own): in a group chat or
    // channel each person sees theirs.
    await sendView(turn, { view: 'overdue', page: '0' }, () => overdueCard(turn));
  },
};
