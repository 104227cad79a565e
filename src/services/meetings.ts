import { readMeetingDates } from '../ask/meeting-dates';
import { normaliseQuestion, wordsOf } from '../ask/text';
import { tidyMeetings } from '../domain/meetings';
import type { Plan } from '../domain/action';
import { canSignOff } from '../domain/permissions';
import type { Person } from '../domain/person';
import { loadAskWorld } from './ask-world';
import { ValidationError } from './errors';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

/**
 * Sets the dates of a plan's committee meetings (`YYYY-MM-DD`), replacing those set before.
 * Callable from anywhere that knows the dates (the `meetings` command, an import preview).
 */
export async function setMeetingDates(
  repos: Pick<Repositories, 'plans'>,
  planId: string,
  dates: string[],
): Promise<Plan> {
  const plan = await repos.plans.get(planId);
  if (!plan) throw refusals.noSuchPlan(planId);
  const meetings = tidyMeetings(dates);
  if (meetings.length !== dates.filter((d) => d.trim() !== '').length && meetings.length === 0) {
    throw new ValidationError('Meeting dates must be written as YYYY-MM-DD.');
  }
  const saved = { ...plan, meetings };
  await repos.plans.save(saved);
  return saved;
}

/** Only chairs and admins set meeting dates. */
export function assertMaySetMeetings(person: Pick<Person, 'roles'>): void {
  if (!canSignOff(person)) throw refusals.chairsOnly('set meeting dates');
}

/** How the `meetings` command is written, said with any problem reading it. */
export const MEETINGS_USAGE =
  'Please write it as: meetings <plan> <dates>, e.g. meetings comms 12 January 2027, 9 March 2027';

/** A plan's meeting dates as the `meetings` command answers with them. */
export interface MeetingDates {
  /** `listed` when only asked; `set` when the dates were replaced. */
  kind: 'listed' | 'set';
  planId: string;
  /** The plan as people say it ("the Members' Communications plan"). */
  planName: string;
  /** `YYYY-MM-DD`, earliest first. */
  meetings: string[];
}

/**
 * `meetings <plan> [dates]` in Teams: the plan named by its id or in words, and its meeting
 * dates, listed to anyone, or (chairs and admins) replaced by the dates typed, read as people
 * write them in the given time zone.
 */
export async function meetingDatesNamed(
  repos: Pick<Repositories, 'plans' | 'actions' | 'people'>,
  viewer: Pick<Person, 'roles'>,
  request: { query: string; datesText: string; now: Date; timezone: string },
): Promise<MeetingDates> {
  const { query, datesText } = request;
  const world = await loadAskWorld(repos, request.now, request.timezone);
  const exact = world.plans.find((p) => p.id.toLowerCase() === query.toLowerCase());
  const match = exact ? null : world.context.plans.match(wordsOf(normaliseQuestion(query)));
  const planId = exact?.id ?? (match?.kind === 'one' ? match.planId : null);
  if (!planId) {
    const names = world.plans.map((p) => p.id).join(', ');
    throw match?.kind === 'several'
      ? refusals.severalPlans(query, match.planIds.join(', '), "Please use the plan's id.")
      : refusals.noPlanCalled(query, names || 'none yet');
  }
  const planName = world.planName(planId);
  if (!datesText) {
    const plan = world.plans.find((p) => p.id === planId);
    return { kind: 'listed', planId, planName, meetings: plan?.meetings ?? [] };
  }
  assertMaySetMeetings(viewer);
  const { dates, unreadable } = readMeetingDates(datesText, request.now, request.timezone);
  if (unreadable.length > 0 || dates.length === 0) {
    throw new ValidationError(
      `I couldn't read ${unreadable.length > 0 ? unreadable.map((u) => `"${u}"`).join(', ') : 'any dates'} as a date, so nothing was changed. ${MEETINGS_USAGE}`,
    );
  }
  const saved = await setMeetingDates(repos, planId, dates);
  return { kind: 'set', planId, planName, meetings: saved.meetings ?? [] };
}
