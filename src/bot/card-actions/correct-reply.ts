import { buildActionCard } from '../../cards/action-card';
import { inputIds, VERBS } from '../../cards/verbs';
import type { Action } from '../../domain/action';
import { canUpdate } from '../../domain/permissions';
import { isStatus, statusLabel } from '../../domain/status';
import { NotFoundError, ValidationError } from '../../services/errors';
import { recordUpdate } from '../../services/record-update';
import type { CardAction } from '../bot-turn';
import { cardTarget, cardText } from '../card-data';

/**
 * "Correct" on a reply's confirmation card: the officer sets the status the bot read from their
 * words. Recorded as a card update against the version the card showed, so a change someone
 * made since is never overwritten; answers with the action's fresh card.
 */
export const correctReplyCardAction: CardAction = {
  verb: VERBS.correctReply,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const status = data[inputIds(cardText(data.slot)).status];
    if (!isStatus(status)) throw new ValidationError('Choose a status from the list.');
    const { repos } = turn.deps;
    const plan = await repos.plans.get(planId);
    const current = plan ? await repos.actions.get(planId, ref) : null;
    if (!plan || !current) throw new NotFoundError('That action no longer exists.');
    const card = async (action: Action, notice: string, style: 'good' | 'warning') => {
      return {
        card: buildActionCard({
          action,
          plan,
          viewer: { canEdit: canUpdate(turn.person, action) },
          history: await repos.updates.listForAction(planId, ref, 5),
          now: turn.now,
          notice,
          noticeStyle: style,
        }),
      };
    };
    if (status === current.status) {
      // Correct pressed on the status the action already has: nothing to record.
      return card(current, `The status stays ${statusLabel(status)}.`, 'good');
    }
    const result = await recordUpdate(repos, {
      planId,
      ref,
      author: turn.person,
      request: { status },
      source: 'card',
      now: turn.now,
      timezone: plan.timezone,
      seenVersion: cardText(data.version),
    });
    turn.log.info({ planId, ref, outcome: result.outcome, status }, 'reply status corrected');
    if (result.outcome === 'saved') {
      return card(
        result.action,
        `Corrected: the status is now ${statusLabel(result.action.status)}.`,
        'good',
      );
    }
    if (result.outcome === 'unchanged') {
      return card(result.action, `The status stays ${statusLabel(result.action.status)}.`, 'good');
    }
    return card(result.action, `${result.changed} Your correction was not applied.`, 'warning');
  },
};
