import type { ActionUpdate } from '../domain/action';
import { formatDate } from '../domain/overdue';
import { statusLabel } from '../domain/status';
import { clip, formatInstant, LINE_TEXT_MAX, noteText } from './format';

/** One entry of an action's history, as a card shows it. */
export interface HistoryEntryData {
  when: string;
  who: string;
  change: string;
  hasNote: boolean;
  note: string;
  hasDate: boolean;
  date: string;
}

const SOURCE_WORDS: Record<ActionUpdate['source'], string> = {
  card: '',
  reply: ' (by reply)',
  cli: ' (by an admin)',
  import: ' (from the plan)',
  command: ' (by message)',
};

/** "On track → At risk", or the status alone when it did not change. */
export function statusChange(
  from: ActionUpdate['statusFrom'],
  to: ActionUpdate['statusTo'],
): string {
  if (from === null || from === to) return `${statusLabel(to)} (no change)`;
  return `${statusLabel(from)} → ${statusLabel(to)}`;
}

/** An update in the words a card shows. */
export function historyEntry(update: ActionUpdate, timezone: string): HistoryEntryData {
  const note = update.note?.trim() ?? '';
  const date = update.dueTo
    ? `New due date ${formatDate(update.dueTo)}` +
      (update.reason ? `. Reason: ${update.reason.trim()}` : '')
    : '';
  return {
    when: formatInstant(update.at, timezone),
    who: clip(update.byName || update.by, LINE_TEXT_MAX),
    change: statusChange(update.statusFrom, update.statusTo) + SOURCE_WORDS[update.source],
    hasNote: note !== '',
    note: note === '' ? '' : noteText(note),
    hasDate: date !== '',
    date: clip(date, 1100),
  };
}
