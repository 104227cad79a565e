import { buildActionCard } from '../../cards/action-card';
import { inputIds, VERBS } from '../../cards/verbs';
import { canUpdate } from '../../domain/permissions';
import { statusLabel } from '../../domain/status';
import { ValidationError } from '../../services/errors';
import { recordUpdate } from '../../services/record-update';
import type { CardAction } from '../bot-turn';
import { cardTarget, cardText } from '../card-data';

/** "Update" on an action or prompt card: records progress and answers with the fresh card. */
export const updateActionCardAction: CardAction = {
  verb: VERBS.updateAction,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const slot = cardText(data.slot);
    const ids = inputIds(slot);
    // The plan, the recent history and the update itself are read and written side by side:
    // an update card answers while the person waits.
    const [plan, history, result] = await Promise.all([
      turn.deps.repos.plans.get(planId),
      turn.deps.repos.updates.listForAction(planId, ref, 5),
      recordUpdate(turn.deps.repos, {
        planId,
        ref,
        author: turn.person,
        request: {
          status: data[ids.status],
          note: data[ids.note],
          revisedDue: data[ids.revisedDue],
          reason: data[ids.reason],
        },
        source: 'card',
        now: turn.now,
        timezone: turn.deps.config.TIMEZONE,
        seenVersion: cardText(data.version) || undefined,
      }),
    ]);
    if (!plan) throw new ValidationError('This card is for a plan that no longer exists.');
    turn.log.info({ planId, ref, outcome: result.outcome }, 'action update');
    const latest = result.update;
    const shown = latest
      ? [latest, ...history.filter((u) => u.id !== latest.id)].slice(0, 5)
      : history;
    const notice =
      result.outcome === 'saved'
        ? `Saved: ${statusLabel(result.action.status)}. Thank you.`
        : `${result.changed} ${result.update ? 'Your note was saved, but ' : ''}your change was not applied. Check the card and update again if it still stands.`;
    return {
      card: buildActionCard({
        action: result.action,
        plan,
        viewer: { canEdit: canUpdate(turn.person, result.action) },
        history: shown,
        now: turn.now,
        notice,
        noticeStyle: result.outcome === 'saved' ? 'good' : 'warning',
      }),
    };
  },
};
