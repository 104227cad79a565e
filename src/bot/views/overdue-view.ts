import { buildNoticeCard } from '../../cards/notice-card';
import { buildOverdueCard } from '../../cards/overdue-card';
import type { SharedViewKey } from '../../cards/refresh';
import { overdueFor } from '../../services/my-actions';
import type { SharedView } from './shared-view';

type OverdueKey = Extract<SharedViewKey, { view: 'overdue' }>;

/**
 * "Overdue" asked for in a group chat or channel: chairs, heads and admins see every overdue
 * action, an officer their own; the card everyone sees lists nothing, since what may be seen
 * depends on who looks.
 */
export const overdueView: SharedView<OverdueKey> = {
  name: 'overdue',
  keyOf: (data) =>
    typeof data.page === 'string' && /^\d{0,4}$/.test(data.page)
      ? { view: 'overdue', page: data.page }
      : null,
  render: async (deps, key, viewer, now) => {
    if (!viewer) {
      return buildNoticeCard({
        title: 'Overdue actions',
        lines: [
          'Everyone sees the overdue actions they may see on this card: chairs, heads of service and admins all of them, officers their own.',
          'If yours are not shown, choose Refresh from this message’s menu, or send “overdue” to me in a chat of our own.',
        ],
        style: 'default',
      });
    }
    const list = await overdueFor(deps.repos, viewer, now);
    return buildOverdueCard({ ...list, page: Number(key.page || '0') });
  },
  // Only the person who asked sees their list at once; others can ask for theirs.
  mayAct: () => Promise.resolve([]),
};
