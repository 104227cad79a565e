import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/** Dates read from a list, and the parts that were not dates. */
export interface MeetingDates {
  dates: string[];
  unreadable: string[];
}

/**
 * Reads a list of meeting dates as people type them ("12 January 2027, 9/3/27 and 4 May"), in
 * UK day-month order. A date without a year is the next one to come: meetings are planned ahead.
 */
export function readMeetingDates(text: string, now: Date, timezone: string): MeetingDates {
  const dates: string[] = [];
  const unreadable: string[] = [];
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  for (const part of text.split(/\s*(?:,|;|\band\b|\n)\s*/i).map((p) => p.trim())) {
    if (part === '') continue;
    const hit = chrono.en.GB.parse(part, { instant: now, timezone }, { forwardDate: true })[0];
    if (!hit || !hit.start.isCertain('day') || !hit.start.isCertain('month')) {
      unreadable.push(part);
      continue;
    }
    let date = DateTime.fromObject(
      {
        year: hit.start.get('year') ?? today.year,
        month: hit.start.get('month') ?? 1,
        day: hit.start.get('day') ?? 1,
      },
      { zone: timezone },
    );
    if (!hit.start.isCertain('year') && date < today) date = date.plus({ years: 1 });
    dates.push(date.toISODate() ?? '');
  }
  return { dates: [...new Set(dates)].sort(), unreadable };
}
