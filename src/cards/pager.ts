import { buttonTitle } from './format';
import { VERBS } from './verbs';

/** Items shown on one page of a long list card; "Show next 10" turns the page. */
export const PAGE_SIZE = 10;

/** The long lists that page, each answered again by the command that made it. */
export type PagedList = 'my-actions' | 'my-actions-all' | 'overdue' | 'plans';

/** Data of a "Show next 10" / "Show previous 10" button. */
export interface ShowPageExecuteData {
  verb: typeof VERBS.showPage;
  list: PagedList;
  /** 0-based page to show, as text (like every number a card carries back). */
  page: string;
}

/** Template data of a list's pager: where in the list this page is, and the buttons. */
export interface PagerData {
  hasPager: boolean;
  position: string;
  hasNext: boolean;
  nextTitle: string;
  next: ShowPageExecuteData;
  hasPrevious: boolean;
  previousTitle: string;
  previous: ShowPageExecuteData;
}

/** One page of a list, and the pager that goes with it. */
export function pageOf<T>(
  items: readonly T[],
  list: PagedList,
  page = 0,
): { shown: T[]; pager: PagerData } {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = at * PAGE_SIZE;
  const shown = items.slice(start, start + PAGE_SIZE);
  const left = items.length - start - shown.length;
  const nextCount = Math.min(PAGE_SIZE, left);
  return {
    shown,
    pager: {
      hasPager: pages > 1,
      position: `Showing ${start + 1} to ${start + shown.length} of ${items.length}.`,
      hasNext: left > 0,
      nextTitle: buttonTitle(`Show next ${nextCount}`),
      next: { verb: VERBS.showPage, list, page: String(at + 1) },
      hasPrevious: at > 0,
      previousTitle: buttonTitle(`Show previous ${PAGE_SIZE}`),
      previous: { verb: VERBS.showPage, list, page: String(at - 1) },
    },
  };
}
