import { DateTime } from 'luxon';

/**
 * Bank holidays in England and Wales, 2024–2028 (`YYYY-MM-DD`), including the substitute days
 * given when a holiday falls at a weekend. 2024–2026 are as published on GOV.UK; later years follow
 * the usual rules and should be checked when the government announces them (one-off holidays are
 * added by proclamation). Outside these years only weekends are skipped.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: ReadonlySet<string> = new Set([
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-06',
  '2024-05-27',
  '2024-08-26',
  '2024-12-25',
  '2024-12-26',
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
]);

/**
 * True for a Monday to Friday that is not a bank holiday. `localDate` is a calendar date
 * (`YYYY-MM-DD`) already in the council's time zone; an unreadable date is not a working day.
 */
export function isWorkingDay(
  localDate: string,
  holidays: ReadonlySet<string> = ENGLAND_AND_WALES_BANK_HOLIDAYS,
): boolean {
  const day = DateTime.fromISO(localDate, { zone: 'utc' });
  if (!day.isValid) return false;
  return day.weekday <= 5 && !holidays.has(localDate);
}

/** The calendar date `days` days after (or, when negative, before) `localDate`. */
export function addDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'utc' }).plus({ days }).toISODate() ?? localDate;
}
