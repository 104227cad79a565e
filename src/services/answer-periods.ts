import { lastMeetingBefore, nextMeetingFrom } from '../domain/meetings';
import type { AskWorld } from './ask-world';
import { dayInWords, type AnswerScope } from './answer-scope';
import type { AnswerInput } from './answer-types';

function meetingsOf(world: AskWorld, scope: AnswerScope): string[] | null {
  if (!scope.planId) return null;
  return world.plans.find((p) => p.id === scope.planId)?.meetings ?? [];
}

/** The date a "since the last meeting" or "before the next meeting" stands for, or a message. */
export function meetingDate(
  world: AskWorld,
  scope: AnswerScope,
  which: 'last' | 'next',
  today: string,
): { date: string } | { message: string } {
  const meetings = meetingsOf(world, scope);
  if (meetings === null) {
    return {
      message:
        'Meeting dates are kept for each plan. Please say which plan, e.g. "what has changed on the comms plan since the last meeting".',
    };
  }
  const date =
    which === 'last' ? lastMeetingBefore(meetings, today) : nextMeetingFrom(meetings, today);
  if (date) return { date };
  const plan = world.planName(scope.planId ?? '');
  return {
    message:
      meetings.length === 0
        ? `No meeting dates are set for ${plan}. A chair or admin can add them, e.g. "meetings ${scope.planId} 12 January 2027, 9 March 2027".`
        : `No ${which === 'last' ? 'earlier' : 'later'} meeting is set for ${plan}. A chair or admin can add dates with "meetings ${scope.planId} <dates>".`,
  };
}

/** The start of the period a question asks about (since a date or the last meeting). */
export function sinceOf(
  input: AnswerInput,
  scope: AnswerScope,
  today: string,
  fallback: string,
): { date: string; words: string } | { message: string } {
  const { slots } = input.reading;
  if (slots.sinceLastMeeting) {
    const m = meetingDate(input.world, scope, 'last', today);
    return 'message' in m
      ? m
      : { date: m.date, words: `since the meeting on ${dayInWords(m.date)}` };
  }
  const date = slots.since ?? fallback;
  return { date, words: `since ${dayInWords(date)}` };
}
