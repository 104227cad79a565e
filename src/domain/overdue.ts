import { DateTime } from 'luxon';
import { effectiveDue, type Action } from './action';
import { isActive, statusLabel } from './status';

/** Default time zone of plans (UK councils). */
export const DEFAULT_TIMEZONE = 'Europe/London';

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(now: Date, timezone: string = DEFAULT_TIMEZONE): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate() ?? '';
}

// Calendar dates as whole days since 1970: plain arithmetic, because this runs for every action
// of a plan on every summary.
function dayNumber(isoDate: string): number {
  return (
    Date.UTC(
      Number(isoDate.slice(0, 4)),
      Number(isoDate.slice(5, 7)) - 1,
      Number(isoDate.slice(8, 10)),
    ) / 86_400_000
  );
}

/** Whole days from one calendar date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Days an open action is past its (revised) due date on a local calendar date (`YYYY-MM-DD`).
 * Complete, paused, not agreed and superseded actions are never late.
 */
export function daysLateOn(
  action: Pick<Action, 'due' | 'revisedDue' | 'status'>,
  today: string,
): number {
  const due = effectiveDue(action);
  if (!due || !isActive(action.status)) return 0;
  return Math.max(0, daysBetween(due, today));
}

/**
 * Days an open action is past its (revised) due date at `now`, in the plan's time zone;
 * 0 when it is not late, complete, or has no date. An action is late from the day after it is due.
 */
export function daysLate(
  action: Pick<Action, 'due' | 'revisedDue' | 'status'>,
  now: Date,
  timezone: string = DEFAULT_TIMEZONE,
): number {
  return daysLateOn(action, localDate(now, timezone));
}

/** True when an open action is past its due date. */
export function isOverdue(
  action: Pick<Action, 'due' | 'revisedDue' | 'status'>,
  now: Date,
  timezone: string = DEFAULT_TIMEZONE,
): boolean {
  return daysLate(action, now, timezone) > 0;
}

/**
 * Where an action's date stands: not being worked on (complete, paused, not agreed, superseded:
 * never late), undated, late, due today, or still to come.
 */
export type LatenessState = 'inactive' | 'no-date' | 'overdue' | 'due-today' | 'upcoming';

/** How an action stands against its (revised) due date on a given day. */
export interface Lateness {
  state: LatenessState;
  /** Days past the due date; 0 unless overdue. */
  daysLate: number;
  /** "3 days late", "due today", "due in 5 days", "no due date", or the status ("paused"). */
  words: string;
  /** The local date (`YYYY-MM-DD`) it stands on: the earliest a revised date may be. */
  asOf: string;
}

/** How an action stands on a local calendar date (`YYYY-MM-DD`). */
export function latenessOn(
  action: Pick<Action, 'due' | 'revisedDue' | 'status'>,
  today: string,
): Lateness {
  const due = effectiveDue(action);
  if (!isActive(action.status)) {
    return {
      state: 'inactive',
      daysLate: 0,
      words: statusLabel(action.status).toLowerCase(),
      asOf: today,
    };
  }
  if (!due) return { state: 'no-date', daysLate: 0, words: 'no due date', asOf: today };
  const days = daysBetween(today, due);
  if (days === 0) return { state: 'due-today', daysLate: 0, words: 'due today', asOf: today };
  if (days > 0) {
    return {
      state: 'upcoming',
      daysLate: 0,
      words: days === 1 ? 'due tomorrow' : `due in ${days} days`,
      asOf: today,
    };
  }
  return { state: 'overdue', daysLate: -days, words: lateInWords(-days), asOf: today };
}

/** How an action stands at `now`, in the plan's time zone. */
export function latenessOf(
  action: Pick<Action, 'due' | 'revisedDue' | 'status'>,
  now: Date,
  timezone: string = DEFAULT_TIMEZONE,
): Lateness {
  return latenessOn(action, localDate(now, timezone));
}

/** "3 days late", "1 day late", "due today", "due in 5 days": how a date stands, in words. */
export function describeLateness(
  action: Pick<Action, 'due' | 'revisedDue' | 'status'>,
  now: Date,
  timezone: string = DEFAULT_TIMEZONE,
): string {
  return latenessOf(action, now, timezone).words;
}

/** How late, in words that stay readable however long: "3 days", "5 weeks", "4 months", "over 2 years". */
export function lateInWords(late: number): string {
  if (late >= 730) return `over ${Math.floor(late / 365)} years late`;
  if (late >= 365) return 'over a year late';
  if (late >= 60) return `${Math.round(late / 30.4)} months late`;
  if (late >= 14) return `${Math.floor(late / 7)} weeks late`;
  return late === 1 ? '1 day late' : `${late} days late`;
}

/** A date as UK readers write it: "31 January 2022". */
export function formatDate(isoDate: string | null): string {
  if (!isoDate) return 'No date';
  return DateTime.fromISO(isoDate, { zone: 'utc' }).toFormat('d LLLL yyyy');
}

/** A time of day in GOV.UK style: "1:54pm", "9am", "12pm" (midday), "12am" (midnight). */
export function formatTime(at: DateTime): string {
  const hour = at.hour % 12 === 0 ? 12 : at.hour % 12;
  const minutes = at.minute === 0 ? '' : `:${String(at.minute).padStart(2, '0')}`;
  return `${hour}${minutes}${at.hour < 12 ? 'am' : 'pm'}`;
}

/** An instant as GOV.UK writes it, in a time zone: "3 March 2024 at 2:05pm". */
export function formatInstant(iso: string, timezone: string = DEFAULT_TIMEZONE): string {
  const at = DateTime.fromISO(iso, { zone: timezone });
  return at.isValid ? `${at.toFormat('d LLLL yyyy')} at ${formatTime(at)}` : iso;
}
