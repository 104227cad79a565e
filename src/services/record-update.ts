import { randomUUID } from 'node:crypto';
import type { Action, ActionUpdate, UpdateSource } from '../domain/action';
import { effectiveDue } from '../domain/action';
import { localDate } from '../domain/overdue';
import { canUpdate } from '../domain/permissions';
import type { Person } from '../domain/person';
import { statusLabel, STATUSES_WITH_REASON } from '../domain/status';
import { checkUpdate, type UpdateRequest } from '../domain/update-input';
import type { ActionsRepository } from '../storage/actions-repository';
import { AlreadyRecordedError, ConflictError } from '../storage/errors';
import type { UpdatesRepository } from '../storage/updates-repository';
import { ValidationError } from './errors';
import { refusals } from './refusals';

/** Who records an update; people from the directory, or a system name for the CLI. */
export type Author = Pick<Person, 'email' | 'name' | 'posts' | 'roles'>;

/** A request to record progress on one action. */
export interface RecordUpdateInput {
  planId: string;
  ref: string;
  author: Author;
  request: UpdateRequest;
  source: UpdateSource;
  now: Date;
  timezone: string;
  /** The version of the action the person saw (from the card); omitted for replies and the CLI. */
  seenVersion?: string;
  /**
   * Id of the audit row: the same request delivered again (Teams resends a slow invoke) finds its
   * row and records nothing more.
   */
  requestId?: string;
}

/** What happened to a request. */
export type RecordUpdateResult =
  | { outcome: 'saved'; action: Action; update: ActionUpdate }
  /** Nothing asked for differs from the action as it stands: nothing was written. */
  | { outcome: 'unchanged'; action: Action }
  /**
   * The action changed after the person's card was sent. Their note is kept in the audit trail,
   * but a status or date change is not applied over someone else's: `changed` says what changed.
   */
  | { outcome: 'stale'; action: Action; update: ActionUpdate | null; changed: string };

// Enough for dozens of people saving the same action in the same second.
const MAX_ATTEMPTS = 80;

function describeChange(action: Action): string {
  const who = action.lastUpdateBy ?? 'Someone';
  return `${who} updated this action since your card was sent: it is now ${statusLabel(action.status)}.`;
}

/**
 * The answer to a request recorded before: what it wrote, and the action as it is now (`current`
 * when just read; otherwise read again).
 */
async function recordedBefore(
  deps: { actions: ActionsRepository; updates: UpdatesRepository },
  input: RecordUpdateInput,
  id: string,
  current?: Action,
): Promise<RecordUpdateResult | null> {
  const [update, action] = await Promise.all([
    deps.updates.get(input.planId, input.ref, id),
    current ?? deps.actions.get(input.planId, input.ref),
  ]);
  return update && action ? { outcome: 'saved', action, update } : null;
}

/**
 * The reason, review date and sign-off that go with the status an update leaves: a reason and
 * review date belong to the status they were given with, and a new completion needs a new
 * sign-off.
 */
function statusDetails(
  current: Action,
  update: Pick<ActionUpdate, 'statusTo' | 'reason' | 'reviewDate'>,
): Pick<Action, 'statusReason' | 'reviewDate' | 'signedOffAt' | 'signedOffBy'> {
  const changed = update.statusTo !== current.status;
  const withReason = STATUSES_WITH_REASON.includes(update.statusTo);
  return {
    statusReason: withReason
      ? (update.reason ?? current.statusReason ?? null)
      : changed
        ? null
        : (current.statusReason ?? null),
    reviewDate:
      update.statusTo === 'paused'
        ? (update.reviewDate ?? (changed ? null : (current.reviewDate ?? null)))
        : null,
    signedOffAt: changed ? null : (current.signedOffAt ?? null),
    signedOffBy: changed ? null : (current.signedOffBy ?? null),
  };
}

/**
 * Records progress on an action: checks who may, then writes the audit row and the action (with
 * its version) in one transaction, so history never shows a change that was not applied.
 * Concurrent notes are retried until they land; a status change made on a stale card is refused
 * with what changed; a request recorded before (same `requestId`) is answered, not repeated.
 */
export async function recordUpdate(
  deps: { actions: ActionsRepository; updates: UpdatesRepository },
  input: RecordUpdateInput,
): Promise<RecordUpdateResult> {
  const checked = checkUpdate(input.request, localDate(input.now, input.timezone));
  if (!checked.ok) throw new ValidationError(checked.problems.join(' '), checked.fields);
  const change = checked.value;
  const id = input.requestId ?? randomUUID();
  const at = input.now.toISOString();

  // The action the card showed, as this instance last read or wrote it: a write built on it is
  // guarded by its version, so the common press costs one round trip (the write). Anything that
  // is answered without writing is decided on a fresh read instead.
  let recent =
    input.seenVersion === undefined
      ? undefined
      : deps.actions.recentAt(input.planId, input.ref, input.seenVersion);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const cached = recent;
    recent = undefined;
    const current = cached ?? (await deps.actions.get(input.planId, input.ref));
    if (!current) throw refusals.noSuchAction(input.planId, input.ref);
    // A request that names itself may have been recorded already (Teams redelivers a slow
    // invoke). Where this pass writes, a recorded one makes the write fail as a duplicate and is
    // answered then; only a pass that would write nothing looks for it first, so a first
    // delivery (nearly every turn) pays no extra read.
    const recorded = async (): Promise<RecordUpdateResult | null> =>
      input.requestId ? recordedBefore(deps, input, id, current) : null;
    if (!canUpdate(input.author, current)) {
      if (cached) continue;
      const before = await recorded();
      if (before) return before;
      throw refusals.notOwner(current, 'update it');
    }
    const wantsEdit =
      (change.status !== null && change.status !== current.status) ||
      change.revisedDue !== null ||
      change.reviewDate !== null;
    if (wantsEdit && current.signedOffAt) {
      if (cached) continue;
      const before = await recorded();
      if (before) return before;
      throw refusals.signedOff(current);
    }
    const stale = input.seenVersion !== undefined && input.seenVersion !== current.version;
    const applyEdit = wantsEdit && !stale;
    const base = {
      id,
      planId: current.planId,
      ref: current.ref,
      at,
      by: input.author.email,
      byName: input.author.name,
      statusFrom: current.status,
      note: change.note,
      source: input.source,
    };
    const update: ActionUpdate = applyEdit
      ? {
          ...base,
          statusTo: change.status ?? current.status,
          dueFrom: change.revisedDue ? effectiveDue(current) : null,
          dueTo: change.revisedDue,
          reason: change.reason,
          reviewDate: change.reviewDate,
        }
      : { ...base, statusTo: current.status, dueFrom: null, dueTo: null, reason: null };

    if (!wantsEdit && change.note === null) {
      if (cached) continue;
      // Update pressed with the status as shown and nothing typed: say so, whatever the version.
      return (await recorded()) ?? { outcome: 'unchanged', action: current };
    }
    if (!applyEdit && change.note === null) {
      if (cached) continue;
      return (
        (await recorded()) ?? {
          outcome: 'stale',
          action: current,
          update: null,
          changed: describeChange(current),
        }
      );
    }
    const next: Action = {
      ...current,
      ...statusDetails(current, update),
      status: update.statusTo,
      revisedDue: update.dueTo ?? current.revisedDue,
      revisedReason: update.dueTo ? update.reason : current.revisedReason,
      lastUpdateAt: at,
      lastUpdateBy: input.author.name,
      lastNote: change.note ?? current.lastNote,
    };
    try {
      const written = await deps.actions.saveWithUpdate(next, update);
      if (wantsEdit && stale) {
        return {
          outcome: 'stale',
          action: written,
          update,
          changed: describeChange(current),
        };
      }
      return { outcome: 'saved', action: written, update };
    } catch (error) {
      if (error instanceof AlreadyRecordedError) {
        const before = await recordedBefore(deps, input, id);
        if (before) return before;
        throw error;
      }
      if (!(error instanceof ConflictError)) throw error;
      // What this instance held had been changed elsewhere: read afresh at once.
      if (cached) continue;
      // Someone else wrote between our read and write; nothing of ours was written. The next
      // pass re-reads: a note is retried until it lands; a status change is then judged against
      // the fresh action.
      // Backing off (with jitter, growing to half a second) keeps a crowd of simultaneous
      // savers from all coming back at once.
      const ceiling = Math.min(500, 10 * 2 ** Math.min(attempt, 6));
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * ceiling));
    }
  }
  throw new ConflictError(`Action ${input.ref}`);
}
