import { DateTime } from 'luxon';
import { effectiveDue, type Action, type ActionUpdate, type Plan } from './action';
import type { ChannelSubscription } from './channel-subscription';
import { lastMeetingBefore, nextMeetingFrom } from './meetings';
import { daysLateOn, localDate } from './overdue';
import { countByStatus, type Status } from './status';
import { addDays, isWorkingDay } from './working-days';

/** When channel summaries go: the hour, and how many days before a meeting. */
export interface BriefingTimes {
  hour: number;
  daysBefore: number;
  timezone: string;
}

const WEEKDAY = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5 } as const;

/**
 * Which posting of a subscription is due at `at`, as a key that names it once ("2026-W48",
 * "meeting-2027-01-12"), or null when none is. A weekly summary goes on its day, or the next
 * working day of the week when that day is a bank holiday; a "before each meeting" summary goes
 * on the first working day from `daysBefore` days ahead of the meeting. Runs before the hour
 * post nothing; runs later the same day post what is still due (the ledger keeps it to once).
 */
export function dueBriefing(
  sub: Pick<ChannelSubscription, 'schedule'>,
  plan: Pick<Plan, 'meetings'>,
  at: Date,
  times: BriefingTimes,
): string | null {
  const local = DateTime.fromJSDate(at, { zone: times.timezone });
  const today = local.toISODate() ?? '';
  if (local.hour < times.hour || !isWorkingDay(today)) return null;
  if (sub.schedule.kind === 'weekly') {
    if (local.weekday < WEEKDAY[sub.schedule.day]) return null;
    // The first working day on or after the chosen day, within the same week.
    const monday = local.startOf('week');
    for (let d = WEEKDAY[sub.schedule.day]; d <= 5; d += 1) {
      const day = monday.plus({ days: d - 1 }).toISODate() ?? '';
      if (isWorkingDay(day)) return day === today ? local.toFormat("kkkk-'W'WW") : null;
    }
    return null;
  }
  const meeting = nextMeetingFrom(plan.meetings ?? [], addDays(today, 1));
  if (!meeting) return null;
  // The first working day of the window before the meeting: one day, so it posts once.
  let day = addDays(meeting, -times.daysBefore);
  while (day < meeting && !isWorkingDay(day)) day = addDays(day, 1);
  return day === today ? `meeting-${meeting}` : null;
}

/** A plan's summary for a team channel: no names or notes, owners only by post title. */
export interface Briefing {
  planTitle: string;
  /** "Week to 25 November 2026" or "Before the meeting on 12 January 2027". */
  periodLabel: string;
  counts: Record<Status, number>;
  moved: { ref: string; owners: string[]; statusFrom: Status | null; statusTo: Status }[];
  overdue: { ref: string; owners: string[]; daysLate: number }[];
  /** Open actions due before the next meeting (or in the next four weeks without one). */
  dueSoon: { ref: string; owners: string[]; due: string }[];
  /** "the meeting on 12 January 2027" or "28 December 2026". */
  dueBy: string;
}

const byRef = (a: { ref: string }, b: { ref: string }): number =>
  a.ref.localeCompare(b.ref, 'en', { numeric: true });

/**
 * What a channel is told about a plan at `now`: what moved since the last meeting (or in the
 * last week), what is overdue, and what is due before the next meeting.
 */
export function buildBriefing(
  plan: Plan,
  actions: Action[],
  updates: ActionUpdate[],
  now: Date,
): Briefing {
  const today = localDate(now, plan.timezone);
  const last = lastMeetingBefore(plan.meetings ?? [], today);
  const next = nextMeetingFrom(plan.meetings ?? [], addDays(today, 1));
  const since = last ?? addDays(today, -7);
  const until = next ?? addDays(today, 28);
  const counts = countByStatus(actions);
  const owners = new Map(actions.map((a) => [a.ref, a.owners]));
  // The first status of the period and the last: one line per action that moved.
  const changes = new Map<string, { from: Status | null; to: Status }>();
  for (const u of [...updates].sort((a, b) => a.at.localeCompare(b.at))) {
    if (u.source === 'import' || localDate(new Date(u.at), plan.timezone) < since) continue;
    const before = changes.get(u.ref);
    changes.set(u.ref, { from: before ? before.from : u.statusFrom, to: u.statusTo });
  }
  const format = (iso: string): string => DateTime.fromISO(iso).toFormat('d LLLL yyyy');
  return {
    planTitle: plan.title,
    periodLabel: next ? `Before the meeting on ${format(next)}` : `Week to ${format(today)}`,
    counts,
    moved: [...changes.entries()]
      .map(([ref, c]) => ({
        ref,
        owners: owners.get(ref) ?? [],
        statusFrom: c.from,
        statusTo: c.to,
      }))
      .sort(byRef),
    overdue: actions
      .map((a) => ({ ref: a.ref, owners: a.owners, daysLate: daysLateOn(a, today) }))
      .filter((a) => a.daysLate > 0)
      .sort((a, b) => b.daysLate - a.daysLate || byRef(a, b)),
    dueSoon: actions
      .filter((a) => a.status !== 'complete')
      .map((a) => ({ ref: a.ref, owners: a.owners, due: effectiveDue(a) ?? '' }))
      .filter((a) => a.due !== '' && a.due >= today && a.due <= until)
      .sort((a, b) => a.due.localeCompare(b.due) || byRef(a, b)),
    dueBy: next ? `the meeting on ${format(next)}` : format(until),
  };
}
