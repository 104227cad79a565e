import { statusBadge } from '../../cards/format';
import { typedInputs, type FieldErrors } from '../../cards/inputs';
import { buildNudgeCard, slotKey, type NudgeItem, type SlotOutcome } from '../../cards/nudge-card';
import { parseNudgeContext, type NudgeContext } from '../../cards/nudge-context';
import { inputIds, VERBS } from '../../cards/verbs';
import type { ActionUpdate, Plan } from '../../domain/action';
import { statusLabel } from '../../domain/status';
import { ValidationError } from '../../services/errors';
import { loadNudgeItems } from '../../services/nudge-items';
import { viewAction } from '../../services/open-action';
import { refusals } from '../../services/refusals';
import { recordUpdate, type RecordUpdateResult } from '../../services/record-update';
import type { BotTurn, CardAction, CardActionResult } from '../bot-turn';
import { cardTarget, cardText, requestIdOf } from '../card-data';
import { actionCardOf } from '../render-action';
import { savedLine } from './saved-line';

/** What the update came to: recorded (saved, unchanged or stale), or refused field by field. */
type Attempt = { result: RecordUpdateResult } | { errors: FieldErrors; message: string };

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
    // An action card also needs the plan and the recent history: read while the update is
    // saved, so the person waits for one round of storage calls, not two.
    const reads = context ? null : cardReads(turn, planId, ref);
    let attempt: Attempt;
    try {
      const result = await recordUpdate(turn.deps.repos, {
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
        requestId: requestIdOf(turn.context.activity),
      });
      attempt = { result };
      turn.log.info({ planId, ref, outcome: result.outcome }, 'action update');
    } catch (error) {
      if (!(error instanceof ValidationError) || Object.keys(error.fields).length === 0) {
        throw error;
      }
      turn.log.info({ verb: VERBS.updateAction, outcome: 'invalid' }, 'card action refused');
      attempt = { errors: error.fields, message: error.message };
    }
    if (context) {
      const items = await loadNudgeItems(turn.deps.repos, context, turn.now);
      const outcome = slotOutcome(attempt);
      return {
        card: buildNudgeCard({
          person: turn.person,
          items,
          typed: typedInputs(data),
          outcomes: { ...savedBefore(context, items), [slotKey({ planId, ref })]: outcome },
          more: context.more,
        }),
      };
    }
    return actionCard(turn, planId, ref, attempt, data, reads ?? cardReads(turn, planId, ref));
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

function slotOutcome(attempt: Attempt): SlotOutcome {
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

type CardReads = Promise<[Plan | null, ActionUpdate[]]>;

/** The plan and recent history an action card shows, read at once. */
function cardReads(turn: BotTurn, planId: string, ref: string): CardReads {
  const { repos } = turn.deps;
  const reads = Promise.all([
    repos.plans.getCached(planId),
    repos.updates.listForAction(planId, ref, 5),
  ]);
  // Awaited later, or never when the update fails first: that failure is the one reported.
  reads.catch(() => undefined);
  return reads;
}

async function actionCard(
  turn: BotTurn,
  planId: string,
  ref: string,
  attempt: Attempt,
  data: Record<string, unknown>,
  reads: CardReads,
): Promise<CardActionResult> {
  const { repos } = turn.deps;
  const [plan, history] = await reads;
  if (!plan) throw refusals.planGone();
  if ('errors' in attempt) {
    const action = await repos.actions.get(planId, ref);
    if (!action) throw new ValidationError(attempt.message);
    const opened = await viewAction(repos, turn.person, { plan, action, history }, turn.now, 5);
    return {
      view: { view: 'action', planId, ref },
      said: `Action ${action.ref} was not saved: ${attempt.message}`,
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
  const shown = latest
    ? [latest, ...history.filter((u) => u.id !== latest.id)].slice(0, 5)
    : history;
  const notice =
    result.outcome === 'saved'
      ? `${savedLine(result.action, result.update)} Thank you.`
      : result.outcome === 'unchanged'
        ? nothingChanged(result.action.status)
        : staleNotice(result);
  const opened = await viewAction(
    repos,
    turn.person,
    { plan, action: result.action, history: shown },
    turn.now,
    5,
  );
  return {
    view: { view: 'action', planId, ref },
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
