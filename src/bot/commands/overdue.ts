import { buildOverdueCard } from '../../cards/overdue-card';
import { canReadSummaries } from '../../domain/permissions';
import { actionsOwnedBy, overdueActions } from '../../services/my-actions';
import { sendCard, type TextCommand } from '../bot-turn';

/**
 * `overdue`: every overdue action for chairs, heads and admins; an officer sees their own.
 */
export const overdueCommand: TextCommand = {
  name: 'overdue',
  match: (text) => (/^(?:overdue|what'?s overdue\??|overdue actions)$/i.test(text) ? [] : null),
  run: async (turn) => {
    const items = canReadSummaries(turn.person)
      ? await overdueActions(turn.deps.repos, turn.now)
      : (
          await actionsOwnedBy(turn.deps.repos, turn.person, turn.now, { includeComplete: false })
        ).filter((i) => i.daysLate > 0);
    await sendCard(turn.context, buildOverdueCard({ items, now: turn.now }));
  },
};
