import type { PagedList } from '../../cards/pager';
import { VERBS } from '../../cards/verbs';
import { refusals } from '../../services/refusals';
import type { CardAction } from '../bot-turn';
import { myActionsCard } from '../commands/my-actions';
import { overdueCard } from '../commands/overdue';
import { plansListCard } from '../commands/summary';
import { digestPage } from './digest-page';

const LISTS: readonly PagedList[] = ['my-actions', 'my-actions-all', 'overdue', 'plans'];

/**
 * "Show next 10" / "Show previous 10" on a long list: the same list, read afresh, at that page,
 * in place of the one pressed (a weekly digest's sections page the same way).
 */
export const showPageCardAction: CardAction = {
  verb: VERBS.showPage,
  run: async (turn, data) => {
    const page =
      typeof data.page === 'string' && /^\d{1,4}$/.test(data.page) ? Number(data.page) : -1;
    if (data.list === 'digest' && page >= 0) return digestPage(turn, data, page);
    const list = LISTS.find((l) => l === data.list);
    if (!list || page < 0) {
      throw refusals.cardLacks('page to show');
    }
    if (list === 'plans') return { card: await plansListCard(turn, page) };
    if (list === 'overdue') {
      return {
        card: await overdueCard(turn, page),
        view: { view: 'overdue', page: String(page) },
      };
    }
    const all = list === 'my-actions-all';
    return {
      card: await myActionsCard(turn, all, page),
      view: { view: 'my-actions', all: all ? 'all' : '', page: String(page) },
    };
  },
};
