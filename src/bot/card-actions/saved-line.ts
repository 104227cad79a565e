import { statusBadge } from '../../cards/format';
import type { Action, ActionUpdate } from '../../domain/action';
import { formatDate } from '../../domain/overdue';

/** Longest part of a note quoted back in a "Saved" line. */
const QUOTE_MAX = 60;

/**
 * The one line that confirms a saved update where it was made: "Saved: ▲ At risk — ‘The
 * February meeting was…’", with a new due date when one was given.
 */
export function savedLine(
  action: Pick<Action, 'status'>,
  update: Pick<ActionUpdate, 'note' | 'dueTo'>,
): string {
  const parts = [`Saved: ${statusBadge(action.status)}`];
  const note = update.note?.trim().replace(/\s+/g, ' ') ?? '';
  if (note) {
    const chars = Array.from(note);
    parts.push(
      `‘${chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join('')}…` : note}’`,
    );
  }
  if (update.dueTo) parts.push(`new due date ${formatDate(update.dueTo)}`);
  return `${parts.join(' — ')}.`;
}
