import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE } from './overdue';

/** How long a snooze may last, in weeks: the nudge card offers one or two. */
export const SNOOZE_WEEKS = [1, 2] as const;

/** One of {@link SNOOZE_WEEKS}. */
export type SnoozeWeeks = (typeof SNOOZE_WEEKS)[number];

/** The end of a snooze: the instant stored, and the local date prompts may start again. */
export interface SnoozeEnd {
  /** ISO instant (UTC) the snooze ends: local midnight at the start of `date`. */
  until: string;
  /** `YYYY-MM-DD` in the time zone: the first day the person may be prompted again. */
  date: string;
}

/** Reads the weeks a snooze button carries (a number, or its text from older clients). */
export function snoozeWeeksOf(value: unknown): SnoozeWeeks | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return SNOOZE_WEEKS.find((w) => w === n) ?? null;
}

/**
 * When a snooze of `weeks` taken at `now` ends. It runs to the start of the local day, so a
 * snooze taken after the morning prompts still lets the prompt run on that day go out, and
 * "until 2 December" means what it says whatever the hour it was taken.
 */
export function snoozeEnd(now: Date, weeks: SnoozeWeeks, timezone = DEFAULT_TIMEZONE): SnoozeEnd {
  const start = DateTime.fromJSDate(now, { zone: timezone })
    .startOf('day')
    .plus({ days: 7 * weeks });
  return { until: start.toUTC().toISO() ?? '', date: start.toISODate() ?? '' };
}

/**
 * A person's snoozes with one added (or replaced), dropping those already over so the list
 * does not grow for ever.
 */
export function withSnooze(
  snoozes: Record<string, string>,
  key: string,
  until: string,
  now: Date,
): Record<string, string> {
  const kept = Object.entries(snoozes).filter(([, end]) => Date.parse(end) > now.getTime());
  return { ...Object.fromEntries(kept), [key]: until };
}
