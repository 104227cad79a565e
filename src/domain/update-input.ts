import { DateTime } from 'luxon';
import { isStatus, statusLabel, STATUSES_WITH_REASON, type Status } from './status';

/** The longest note accepted; longer text is refused with a message, never cut short. */
export const MAX_NOTE_LENGTH = 4000;
/** The longest reason for a revised date. */
export const MAX_REASON_LENGTH = 1000;

/** What an officer asked to change, as received from a card, a reply or the CLI. */
export interface UpdateRequest {
  status?: unknown;
  note?: unknown;
  revisedDue?: unknown;
  reason?: unknown;
}

/** The inputs an update request's problems can be about. */
export type UpdateField = 'status' | 'note' | 'revisedDue' | 'reason';

/** A checked update request. */
export interface CheckedUpdate {
  status: Status | null;
  note: string | null;
  revisedDue: string | null;
  reason: string | null;
  /** A paused action's review date: the date given with `paused` is read as this. */
  reviewDate: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * Checks an update request. Returns the cleaned request, or a list of problems each written for
 * the person who made it. `today` is the local date, so revised dates in the past are refused.
 */
export function checkUpdate(
  request: UpdateRequest,
  today: string,
):
  | { ok: true; value: CheckedUpdate }
  | { ok: false; problems: string[]; fields: Partial<Record<UpdateField, string>> } {
  const problems: string[] = [];
  const fields: Partial<Record<UpdateField, string>> = {};
  // Each problem is also kept against its input, so a card can show it beside the field.
  const problem = (field: UpdateField, message: string): void => {
    problems.push(message);
    fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
  };
  const rawStatus = text(request.status);
  let status: Status | null = null;
  if (rawStatus !== null) {
    if (isStatus(rawStatus)) status = rawStatus;
    else
      problem('status', `"${rawStatus.slice(0, 40)}" is not a status. Choose one from the list.`);
  }
  const note = text(request.note);
  if (note !== null && note.length > MAX_NOTE_LENGTH) {
    problem(
      'note',
      `Notes can be up to ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters; this one has ` +
        `${note.length.toLocaleString('en-GB')}. Please shorten it.`,
    );
  }
  const rawDue = text(request.revisedDue);
  let revisedDue: string | null = null;
  if (rawDue !== null) {
    const date = DateTime.fromISO(rawDue, { zone: 'utc' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rawDue) || !date.isValid) {
      problem(
        'revisedDue',
        `"${rawDue.slice(0, 40)}" is not a date. Use the date picker (YYYY-MM-DD).`,
      );
    } else if (rawDue < today) {
      problem('revisedDue', 'A revised date must be today or later.');
    } else if (date.year > DateTime.fromISO(today).year + 20) {
      problem('revisedDue', 'A revised date must be within the next 20 years.');
    } else {
      revisedDue = rawDue;
    }
  }
  const reason = text(request.reason);
  if (reason !== null && reason.length > MAX_REASON_LENGTH) {
    problem(
      'reason',
      `The reason can be up to ${MAX_REASON_LENGTH.toLocaleString('en-GB')} characters.`,
    );
  }
  const needsReason = status !== null && STATUSES_WITH_REASON.includes(status);
  if (needsReason && status !== null && reason === null) {
    problem(
      'reason',
      `Please give a reason why the action is ${statusLabel(status).toLowerCase()}.`,
    );
  } else if (rawDue !== null && reason === null) {
    problem('reason', 'Please give a reason for the revised date.');
  }
  if (problems.length === 0 && status === null && note === null && revisedDue === null) {
    problem('note', 'Nothing to save: choose a status, add a note or give a revised date.');
  }
  if (problems.length > 0) return { ok: false, problems, fields };
  // With "paused" the date is when to look at it again, not a new due date.
  const paused = status === 'paused';
  return {
    ok: true,
    value: {
      status,
      note,
      revisedDue: paused ? null : revisedDue,
      reason: revisedDue || needsReason ? reason : null,
      reviewDate: paused ? revisedDue : null,
    },
  };
}
