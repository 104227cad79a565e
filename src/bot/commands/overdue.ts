import { buildOverdueCard } from '../../cards/overdue-card';
import { canReadSummaries } from '../../domain/permissions';
import { actionsOwnedBy, overdueActions } from '../../services/my-actions';
import type { AdaptiveCard } from '../../cards/render';
import { sendCard, type BotTurn, type TextCommand } from '../bot-turn';

/** The overdue card at a page: all overdue actions for readers of summaries, else one's own. */
export async function overdueCard(turn: BotTurn, page = 0): Promise<AdaptiveCard> {
  const items = canReadSummaries(turn.person)
    ? await overdueActions(turn.deps.repos, turn.now)
    : (
        await actionsOwnedBy(turn.deps.repos, turn.person, turn.now, { includeComplete: false })
      ).filter((i) => i.daysLate > 0);
  return buildOverdueCard({ items, now: turn.now, page });
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
