/**
 * A plan's committee meetings, as calendar dates (`YYYY-MM-DD`). Pure: "today" is passed in as
 * a local date in the plan's time zone.
 */

/** The dates sorted, each once. */
export function tidyMeetings(dates: readonly string[]): string[] {
  return [...new Set(dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))].sort();
}

/** The latest meeting before `today` (a meeting today has not happened yet), or null. */
export function lastMeetingBefore(meetings: readonly string[], today: string): string | null {
  const past = tidyMeetings(meetings).filter((d) => d < today);
  return past.length > 0 ? past[past.length - 1] : null;
}

/** The first meeting on or after `today`, or null when none is set. */
export function nextMeetingFrom(meetings: readonly string[], today: string): string | null {
  return tidyMeetings(meetings).find((d) => d >= today) ?? null;
}
