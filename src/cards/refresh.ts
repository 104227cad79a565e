import { CARD_BUDGET_BYTES, cardBytes, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

/** Most people Teams shows a view of their own of one card (its `refresh.userIds` limit). */
export const MAX_REFRESH_USERS = 60;

/** The cards that show each member of a group chat or channel a view of their own. */
export type SharedViewName = 'action' | 'my-actions' | 'overdue' | 'sign-off';

/** Which card a refresh rebuilds: the view and what it is about (never who asked). */
export type SharedViewKey =
  | { view: 'action'; planId: string; ref: string }
  | { view: 'my-actions'; all: '' | 'all'; page: string }
  | { view: 'overdue'; page: string }
  | { view: 'sign-off'; planId: string };

/** Data of a card's refresh action: the key of the view to rebuild for whoever refreshes. */
export type RefreshExecuteData = { verb: typeof VERBS.refreshCard } & SharedViewKey;

/**
 * The card with a Universal Actions `refresh`: Teams asks the bot for each listed person's own
 * view (an `adaptiveCard/action` invoke with `trigger: "automatic"`), and anyone else may ask
 * for theirs from the message's menu. At most {@link MAX_REFRESH_USERS} ids are kept, and no
 * more than the size budget leaves room for, the first ones first (the asker, then owners); a
 * card with no room left for a refresh at all is returned as it was.
 */
export function withRefresh(
  card: AdaptiveCard,
  key: SharedViewKey,
  userIds: readonly string[],
): AdaptiveCard {
  const data: RefreshExecuteData = { verb: VERBS.refreshCard, ...key };
  const ids = userIds.slice(0, MAX_REFRESH_USERS);
  const refreshed = (): AdaptiveCard => ({
    ...card,
    refresh: {
      action: { type: 'Action.Execute', title: 'Refresh', verb: VERBS.refreshCard, data },
      userIds: [...ids],
    },
  });
  let result = refreshed();
  // The card was fitted to the budget without its refresh: a long card gives up ids, never content.
  while (ids.length > 0 && cardBytes(result) > CARD_BUDGET_BYTES) {
    ids.pop();
    result = refreshed();
  }
  // No room even for the refresh: the person keeps this card as it is.
  return cardBytes(result) > CARD_BUDGET_BYTES ? card : result;
}
