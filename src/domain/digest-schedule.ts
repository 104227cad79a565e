import { DateTime } from 'luxon';
import { isWorkingDay } from './working-days';

/** Working days a digest may be scheduled on (the DIGEST_DAY setting). */
export type DigestDay = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday';

const WEEKDAY: Record<DigestDay, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
};

/**
 * True at the digest hour on the digest day, in the time zone. When that day is a bank holiday
 * the digest goes on the next working day of the same week instead (the ledger's run key is the
 * ISO week, so it is still sent once).
 */
export function isDigestTime(
  now: Date,
  schedule: { day: DigestDay; hour: number; timezone: string },
): boolean {
  const local = DateTime.fromJSDate(now, { zone: schedule.timezone });
  if (!local.isValid || local.hour !== schedule.hour) return false;
  const monday = local.startOf('week');
  for (let weekday = WEEKDAY[schedule.day]; weekday <= 5; weekday += 1) {
    const date = monday.plus({ days: weekday - 1 }).toISODate() ?? '';
    if (isWorkingDay(date)) return date === local.toISODate();
  }
  return false;
}

/** The run key of a digest run: the ISO week in the time zone, e.g. `2026-W48`. */
export function digestRunKey(now: Date, timezone: string): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toFormat("kkkk-'W'WW");
}
