import type { Action, Plan } from '../domain/action';
import type { NudgeItem, NudgeReason } from '../domain/nudge-policy';
import type { UpdateRequest } from '../domain/update-input';
import { ValidationError } from './errors';
import { readNudgeItems, type NudgeItemsWith } from './nudge-items';
import { viewAction, type OpenedAction } from './open-action';
import { recordUpdate, type Author, type RecordUpdateResult } from './record-update';
import { refusals } from './refusals';
import type { Repositories } from './repositories';

/** Updates an action card shows. */
const CARD_HISTORY = 5;

/** What the update came to: recorded (saved, unchanged or stale), or refused field by field. */
export type CardAttempt =
  { result: RecordUpdateResult } | { errors: Readonly<Record<string, string>>; message: string };

/** A card update and what the card that answers it shows. */
export type CardUpdate =
  /** From a prompt: the prompt's actions read afresh, in its order. */
  | { attempt: CardAttempt; card: 'nudge'; items: NudgeItem[] }
  /** From an action card: the action as it now stands, the new update first in its history. */
  | { attempt: CardAttempt; card: 'action'; opened: OpenedAction };

/** What "Update" on a card sends. */
export interface CardUpdateInput {
  planId: string;
  ref: string;
  request: UpdateRequest;
  now: Date;
  timezone: string;
  /** The action's version the card showed. */
  seenVersion?: string;
  /** The invoke's own id, so a redelivered press records once. */
  requestId?: string;
  /** The prompt the button was on, when it was on one: the actions it listed, in order. */
  nudge: { items: readonly { planId: string; ref: string; reason: NudgeReason }[] } | null;
}

type Repos = Pick<Repositories, 'plans' | 'actions' | 'updates'>;
// The plan, and the history as of the card's version: read only so that this instance knows it
// when the update is written over that version (the card then shows it with the update on top).
type CardReads = Promise<[Plan | null, unknown]>;

/**
 * "Update" on an action card or a prompt: records progress, or the problems field by field,
 * and returns what the card that answers shows. An action card also needs the plan and the
 * recent history: the plan is cached and the history as of the card's version is usually known
 * from opening the action or saving it, so the person waits for the write alone; when neither is
 * known, both are read while the update is saved (one round of storage calls, not two).
 */
export async function updateFromCard(
  repos: Repos,
  author: Author,
  input: CardUpdateInput,
): Promise<CardUpdate> {
  const { planId, ref, now } = input;
  // A prompt's other actions are read while this one is saved.
  const others = input.nudge ? promptReads(repos, input.nudge, now, { planId, ref }) : null;
  const reads = input.nudge ? null : cardReads(repos, planId, ref, input.seenVersion);
  let attempt: CardAttempt;
  try {
    const result = await recordUpdate(repos, {
      planId,
      ref,
      author,
      request: input.request,
      source: 'card',
      now,
      timezone: input.timezone,
      seenVersion: input.seenVersion,
      requestId: input.requestId,
    });
    attempt = { result };
  } catch (error) {
    if (!(error instanceof ValidationError) || Object.keys(error.fields).length === 0) throw error;
    attempt = { errors: error.fields, message: error.message };
  }
  if (others) {
    // The saved action as written; after refused input, as it stands.
    const pressed =
      'errors' in attempt ? await repos.actions.get(planId, ref) : attempt.result.action;
    return { attempt, card: 'nudge', items: (await others)(pressed) };
  }
  const [plan] = await (reads ?? cardReads(repos, planId, ref, input.seenVersion));
  if (!plan) throw refusals.planGone();
  let action: Action | null;
  if ('errors' in attempt) {
    action = await repos.actions.get(planId, ref);
    if (!action) throw new ValidationError(attempt.message);
  } else {
    action = attempt.result.action;
  }
  // The history as of the version the update left: known here after a write over a version
  // whose history was known (the common press), read otherwise (say, after a change elsewhere).
  const opened = await viewAction(repos, author, { plan, action }, now, CARD_HISTORY);
  return { attempt, card: 'action', opened };
}

/** A prompt's actions other than the one pressed, read at once. */
function promptReads(
  repos: Repos,
  context: NonNullable<CardUpdateInput['nudge']>,
  now: Date,
  pressed: { planId: string; ref: string },
): Promise<NudgeItemsWith> {
  const reads = readNudgeItems(repos, context, now, pressed);
  // Awaited later, or never when the update fails first: that failure is the one reported.
  reads.catch(() => undefined);
  return reads;
}

/**
 * The plan an action card shows, and its history as of the version the card showed: read at
 * once, so that the history is known by the time the update is written over that version.
 */
function cardReads(repos: Repos, planId: string, ref: string, version?: string): CardReads {
  // The plan changes rarely: a cached copy (at most 60 s old) spares a read per update.
  const reads = Promise.all([
    repos.plans.getCached(planId),
    version ? repos.updates.latestFor({ planId, ref, version }, CARD_HISTORY) : null,
  ]);
  // Awaited later, or never when the update fails first: that failure is the one reported.
  reads.catch(() => undefined);
  return reads;
}
