import { statusBadge } from '../../cards/format';
import { typedInputs } from '../../cards/inputs';
import { buildNudgeCard, slotKey, type NudgeItem, type SlotOutcome } from '../../cards/nudge-card';
import { parseNudgeContext, type NudgeContext } from '../../cards/nudge-context';
import { inputIds, VERBS } from '../../cards/verbs';
import type { ActionUpdate } from '../../domain/action';
import { statusLabel } from '../../domain/status';
import type { OpenedAction } from '../../services/open-action';
import type { RecordUpdateResult } from '../../services/record-update';
import { updateFromCard, type CardAttempt } from '../../services/update-from-card';
import type { CardAction, CardActionResult } from '../bot-turn';
import { cardTarget, cardText, requestIdOf } from '../card-data';
import { actionCardOf } from '../render-action';
import { savedLine } from './saved-line';

/**
 * "Update" on an action card or a prompt: records progress and answers with the same card
 * refreshed. On a prompt listing several actions the saved one folds into a "Saved" line and
 * every other action keeps what the person had typed; a problem is shown beside its field, with
 * everything typed kept.
 */
export const updateActionCardAction: CardAction = {
  verb: VERBS.updateAction,
  run: async (turn, data) => {
    const { planId, ref } = cardTarget(data);
    const ids = inputIds(cardText(data.slot));
    const context = parseNudgeContext(data.from);
    const update = await updateFromCard(turn.deps.repos, turn.person, {
      planId,
      ref,
      request: {
        status: data[ids.status],
        note: data[ids.note],
        revisedDue: data[ids.revisedDue],
        reason: data[ids.reason],
      },
      now: turn.now,
      timezone: turn.deps.config.TIMEZONE,
      seenVersion: cardText(data.version) || undefined,
      requestId: requestIdOf(turn.context.activity),
      nudge: context,
    });
    const { attempt } = update;
    if ('result' in attempt) {
      turn.log.info({ planId, ref, outcome: attempt.result.outcome }, 'action update');
    } else {
      turn.log.info({ verb: VERBS.updateAction, outcome: 'invalid' }, 'card action refused');
    }
    if (update.card === 'nudge') {
      const { items } = update;
      // A prompt's update is read with its prompt: `context` is there.
      const prompt = context!;
      return {
        card: buildNudgeCard({
          person: turn.person,
          items,
          typed: typedInputs(data),
          outcomes: {
            ...savedBefore(prompt, items),
            [slotKey({ planId, ref })]: slotOutcome(attempt),
          },
          more: prompt.more,
        }),
      };
    }
    return actionCard(update.opened, attempt, data);
  },
};

/** Actions saved from this card before: they stay folded, as of their latest update. */
function savedBefore(context: NudgeContext, items: NudgeItem[]): Record<string, SlotOutcome> {
  const saved = new Set(context.items.filter((i) => i.saved).map(slotKey));
  return Object.fromEntries(
    items
      .filter((item) => saved.has(slotKey(item.action)))
      .map(({ action }) => [
        slotKey(action),
        {
          notice: savedLine(action, { note: action.lastNote ?? null, dueTo: null }),
          collapsed: true,
        },
      ]),
  );
}

function slotOutcome(attempt: CardAttempt): SlotOutcome {
  if ('errors' in attempt) {
    return {
      notice: 'Not saved: please check the fields marked ⚠.',
      collapsed: false,
      errors: attempt.errors,
    };
  }
  const { result } = attempt;
  if (result.outcome === 'saved')
    return { notice: savedLine(result.action, result.update), collapsed: true };
  if (result.outcome === 'unchanged')
    return { notice: nothingChanged(result.action.status), collapsed: false };
  return { notice: staleNotice(result), collapsed: false };
}

function nothingChanged(status: Parameters<typeof statusLabel>[0]): string {
  return `Nothing changed: the status is still ${statusLabel(status)} and there was no note to add.`;
}

function staleNotice(result: Extract<RecordUpdateResult, { outcome: 'stale' }>): string {
  return (
    `${result.changed} ${result.update ? 'Your note was saved, but ' : ''}your change was not ` +
    'applied. Check the card and update again if it still stands.'
  );
}

function actionCard(
  opened: OpenedAction,
  attempt: CardAttempt,
  data: Record<string, unknown>,
): CardActionResult {
  const { planId, ref } = opened.action;
  const view = { view: 'action' as const, planId, ref };
  if ('errors' in attempt) {
    return {
      view,
      said: `Action ${ref} was not saved: ${attempt.message}`,
      card: actionCardOf(opened, {
        notice: 'Not saved: please check the fields marked ⚠.',
        noticeStyle: 'warning',
        typed: typedInputs(data),
        errors: attempt.errors,
      }),
    };
  }
  const { result } = attempt;
  const latest: ActionUpdate | null = result.outcome === 'unchanged' ? null : result.update;
  const notice =
    result.outcome === 'saved'
      ? `${savedLine(result.action, result.update)} Thank you.`
      : result.outcome === 'unchanged'
        ? nothingChanged(result.action.status)
        : staleNotice(result);
  return {
    view,
    said: saidInChat(result),
    card: actionCardOf(opened, {
      notice,
      noticeStyle:
        result.outcome === 'saved' ? 'good' : result.outcome === 'stale' ? 'warning' : 'good',
      // A note that was not saved stays in the box; a saved one is in the history now.
      typed: result.outcome === 'saved' ? undefined : keepUnsaved(typedInputs(data), latest),
    }),
  };
}

/** What an Action.Submit in a group chat is answered with: the outcome, and no one's note. */
function saidInChat(result: RecordUpdateResult): string {
  const ref = result.action.ref;
  if (result.outcome === 'saved') {
    return `Action ${ref} updated: ${statusBadge(result.action.status)}.`;
  }
  if (result.outcome === 'unchanged') return `Nothing changed on action ${ref}.`;
  return `Action ${ref} was changed by someone else first, so this change was not applied.`;
}

function keepUnsaved(
  typed: Record<string, string>,
  saved: ActionUpdate | null,
): Record<string, string> {
  if (!saved?.note) return typed;
  return Object.fromEntries(Object.entries(typed).filter(([key]) => !key.startsWith('note')));
}
