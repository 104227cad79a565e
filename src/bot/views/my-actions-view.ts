import { buildMyActionsCard } from '../../cards/my-actions-card';
import { buildNoticeCard } from '../../cards/notice-card';
import type { SharedViewKey } from '../../cards/refresh';
import { myActions } from '../../services/my-actions';
import type { SharedView } from './shared-view';

type MyActionsKey = Extract<SharedViewKey, { view: 'my-actions' }>;

/**
 * "My actions" asked for in a group chat or channel: each person who looks sees their own
 * list; the card everyone sees names no one and lists nothing.
 */
export const myActionsView: SharedView<MyActionsKey> = {
  name: 'my-actions',
  keyOf: (data) => {
    const page = typeof data.page === 'string' && /^\d{0,4}$/.test(data.page) ? data.page : null;
    if (page === null) return null;
    return { view: 'my-actions', all: data.all === 'all' ? 'all' : '', page };
  },
  render: async (deps, key, viewer, now) => {
    if (!viewer) {
      return buildNoticeCard({
        title: 'Actions',
        lines: [
          'Everyone sees their own actions on this card, and no one else’s.',
          'If yours are not shown, choose Refresh from this message’s menu, or send “my actions” to me in a chat of our own.',
        ],
        style: 'default',
      });
    }
    const list = await myActions(deps.repos, viewer, now, { includeComplete: key.all === 'all' });
    return buildMyActionsCard({ person: viewer, list, page: Number(key.page || '0') });
  },
  // Only the person who asked: their list is theirs alone.
  mayAct: () => Promise.resolve([]),
};
