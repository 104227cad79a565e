import { buildActionCard, type ActionCardInput } from '../cards/action-card';
import type { OpenedAction } from '../services/open-action';
import type { CardJson } from './bot-turn';

/** The action card of an opened action, with an optional notice and what was typed on it. */
export function actionCardOf(
  opened: OpenedAction,
  extra: Pick<ActionCardInput, 'notice' | 'noticeStyle' | 'typed' | 'errors'> = {},
): CardJson {
  return buildActionCard({
    action: opened.action,
    plan: opened.plan,
    viewer: { canEdit: opened.canEdit },
    history: opened.history,
    lateness: opened.lateness,
    ...extra,
  });
}
