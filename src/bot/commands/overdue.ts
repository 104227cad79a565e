import { buildOverdueCard } from '../../cards/overdue-card';
import type { AdaptiveCard } from '../../cards/render';
import { overdueFor } from '../../services/my-actions';
import { sendCard, type BotTurn, type TextCommand } from '../bot-turn';

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
    await sendCard(turn.context, await overdueCard(turn));
  },
};
