import type { Schedule, Weekday } from '../domain/channel-subscription';
import type { Status } from '../domain/status';

/** A slot found in the text, with the span it used so plan matching skips those words. */
export interface Found<T> {
  value: T;
  text: string;
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
};
const REF_CUE =
  '(?:recommendations?|recomendations?|recommendation|reccomendation|recs?|reccs?|actions?|items?|number|no|#|point|ref|reference)';
const REF_VALUE = `(r?\\d+(?:\\.\\d+)*[a-z]?|${Object.keys(NUMBER_WORDS).join('|')})`;
const REF_AFTER_CUE = new RegExp(`(?:^| )${REF_CUE}\\s*#?\\s*${REF_VALUE}(?= |$)`);
const REF_ALONE = /(?:^| )(r\d+(?:\.\d+)+|r\d+)(?= |$)/;

/** "rec 4", "recommendation four", "action R1.2", "#3": the plan's reference, as written there. */
export function findRef(text: string): Found<string> | null {
  const m = REF_AFTER_CUE.exec(text) ?? REF_ALONE.exec(text);
  if (!m) return null;
  const raw = m[1];
  const value = (NUMBER_WORDS[raw] ?? raw).toUpperCase().replace(/\.$/, '');
  return { value, text: m[0].trim() };
}

const STATUS_PATTERNS: [Status, RegExp][] = [
  ['off-track', /\b(?:off ?track|of track|offtrack|red|rag red|badly behind|gone wrong)\b/],
  ['at-risk', /\b(?:at risk|atrisk|at ris|amber|risky|in danger|in jeopardy|wobbly|slipping)\b/],
  ['on-track', /\b(?:on track|ontrack|green)\b/],
  ['not-started', /\b(?:not (?:yet )?(?:been )?started|(?:has|have) not started|not begun)\b/],
];

/** "off track", "at risk", "red or amber": the statuses asked about, in the usual order. */
export function findStatuses(text: string): Found<Status[]> | null {
  const found = STATUS_PATTERNS.filter(([, re]) => re.test(text));
  if (found.length === 0) return null;
  const words = found.map(([, re]) => re.exec(text)?.[0] ?? '').join(' ');
  return { value: found.map(([s]) => s), text: words };
}

/** "every Monday", "weekly", "before each meeting": when a channel wants a plan posted. */
export function findSchedule(text: string): Found<Schedule> | null {
  // Only a request to post or stop posting has a schedule: "ahead of Thursday's panel" has none.
  if (
    !/\b(?:post|posts|posting|send|sending|share|put|publish|subscribe|every|each|weekly|stop|cancel)\b/.test(
      text,
    )
  ) {
    return null;
  }
  const meeting =
    /\b(?:before|ahead of|prior to|in advance of|in time for) (?:(?:each|every|all|all the|all our) (?:committee |panel )?meetings?|(?:the|our) (?:committee |panel )?meetings)\b|\bpre ?meetings?\b/.exec(
      text,
    );
  if (meeting) return { value: { kind: 'before-meeting' }, text: meeting[0] };
  const day =
    /\b(?:every|each|on|on a|on every) (monday|tuesday|wednesday|thursday|friday)s?\b|\b(monday|tuesday|wednesday|thursday|friday)s\b/.exec(
      text,
    );
  if (day) {
    return { value: { kind: 'weekly', day: (day[1] ?? day[2]) as Weekday }, text: day[0] };
  }
  const weekly = /\b(?:weekly|every week|each week|once a week)\b/.exec(text);
  if (weekly) return { value: { kind: 'weekly', day: 'monday' }, text: weekly[0] };
  return null;
}
