import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Found } from './slot-patterns';

/**
 * A period a question is about: from and/or to a calendar date (`YYYY-MM-DD`, both inclusive),
 * or relative to the plan's meetings, which only the answer can look up.
 */
export interface DateRange {
  since?: string;
  until?: string;
  sinceLastMeeting?: boolean;
  untilNextMeeting?: boolean;
}

const LAST_MEETING =
  /\b(?:since|from|after) (?:the |our |we |its )?(?:last|previous|most recent) (?:committee |panel |board )?(?:meeting|committee|panel|met)\b|\bsince (?:we|the committee|the panel) (?:last )?met\b|\bsince (?:the )?last time we met\b/;
const NEXT_MEETING =
  /\b(?:before|by|ahead of|in time for|prior to) (?:the |our )?(?:next |coming |upcoming )?(?:committee |panel )?meeting\b/;

type Period = (today: DateTime, match: RegExpExecArray) => { since: DateTime; until?: DateTime };

const startOfFinancialYear = (d: DateTime): DateTime =>
  DateTime.fromObject(
    { year: d.month >= 4 ? d.year : d.year - 1, month: 4, day: 1 },
    {
      zone: d.zone,
    },
  );

// Periods chrono reads as a single day; a question about them means the whole period.
const PERIODS: [RegExp, Period][] = [
  [
    /\b(?:this|the current) financial year\b|\bthis fy\b|\byear to date\b|\bytd\b/,
    (d) => ({
      since: startOfFinancialYear(d),
      until: startOfFinancialYear(d).plus({ years: 1 }).minus({ days: 1 }),
    }),
  ],
  [
    /\blast financial year\b/,
    (d) => ({
      since: startOfFinancialYear(d).minus({ years: 1 }),
      until: startOfFinancialYear(d).minus({ days: 1 }),
    }),
  ],
  [
    /\b(?:this|the current) (?:calendar )?year\b|\bso far this year\b/,
    (d) => ({
      since: d.startOf('year'),
      until: d.endOf('year'),
    }),
  ],
  [
    /\blast year\b/,
    (d) => ({
      since: d.minus({ years: 1 }).startOf('year'),
      until: d.minus({ years: 1 }).endOf('year'),
    }),
  ],
  [
    /\b(?:since |from )?(?:the )?(?:beginning|start) of (?:the|this) month\b/,
    (d) => ({
      since: d.startOf('month'),
    }),
  ],
  [
    /\b(?:since |from )?(?:the )?(?:beginning|start) of (?:the|this) year\b/,
    (d) => ({
      since: d.startOf('year'),
    }),
  ],
  [
    /\bnext week\b/,
    (d) => ({
      since: d.plus({ weeks: 1 }).startOf('week'),
      until: d.plus({ weeks: 1 }).endOf('week'),
    }),
  ],
  [
    /\bnext month\b/,
    (d) => ({
      since: d.plus({ months: 1 }).startOf('month'),
      until: d.plus({ months: 1 }).endOf('month'),
    }),
  ],
  [
    /\bthis month\b|\bso far this month\b/,
    (d) => ({
      since: d.startOf('month'),
      until: d.endOf('month'),
    }),
  ],
  [
    /\blast month\b/,
    (d) => ({
      since: d.minus({ months: 1 }).startOf('month'),
      until: d.minus({ months: 1 }).endOf('month'),
    }),
  ],
  [/\bthis week\b/, (d) => ({ since: d.startOf('week'), until: d.endOf('week') })],
  [/\b(?:since|from) last week\b/, (d) => ({ since: d.minus({ weeks: 1 }).startOf('week') })],
  [
    /\blast week\b/,
    (d) => ({
      since: d.minus({ weeks: 1 }).startOf('week'),
      until: d.minus({ weeks: 1 }).endOf('week'),
    }),
  ],
  [
    /\b(?:the )?(?:last|past) (?:fortnight|two weeks|2 weeks)\b/,
    (d) => ({
      since: d.minus({ weeks: 2 }),
    }),
  ],
  [
    /\b(?:the )?(?:last|past) (?:few days|couple of days)\b/,
    (d) => ({ since: d.minus({ days: 3 }) }),
  ],
  [
    /\b(?:the )?(?:last|past) (\d+) days\b/,
    (d, m) => ({
      since: d.minus({ days: Number(m[1]) }),
    }),
  ],
];

const EXPLICIT = /\b(?:since|from|after|by|before|until|till|in|on|during|over|of)\s+(?:the\s+)?$/;

const iso = (d: DateTime): string => d.toISODate() ?? '';

/**
 * Date phrases: "since the last meeting", "before the next meeting", "this month", "last week",
 * "this financial year" (April to March), and any date chrono reads in UK order ("since 1
 * October", "since 3/10", "since Monday"). A date without a year that would be in the future is
 * taken as last year's when the question looks back ("since 1 December" in November).
 */
export function findDateRange(text: string, now: Date, timezone: string): Found<DateRange> | null {
  const last = LAST_MEETING.exec(text);
  if (last) return { value: { sinceLastMeeting: true }, text: last[0] };
  const next = NEXT_MEETING.exec(text);
  if (next) return { value: { untilNextMeeting: true }, text: next[0] };
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  for (const [pattern, period] of PERIODS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const range = period(today, m);
    return {
      value: { since: iso(range.since), ...(range.until ? { until: iso(range.until) } : {}) },
      text: m[0],
    };
  }
  const parsed = chrono.en.GB.parse(text, { instant: now, timezone }, { forwardDate: false });
  const hit = parsed.find(
    (r) =>
      // A date needs a word that ties it to the question: "briefing tomorrow", "are now past"
      // and "the next few weeks" are no period to filter by.
      (EXPLICIT.test(text.slice(0, r.index)) ||
        (r.start.isCertain('day') && r.start.isCertain('month'))) &&
      !/\b(?:few|coming)\b/.test(r.text) &&
      !(
        /\b(?:now|today|tonight|tomorrow)\b/.test(r.text) &&
        !/\bsince\s+$/.test(text.slice(0, r.index))
      ) &&
      (r.start.isCertain('day') || r.start.isCertain('month') || r.start.isCertain('weekday')) &&
      // "may I see…" is not the month of May.
      !(
        r.text === 'may' &&
        !/\b(?:since|in|from|by|before|until|end of)\s+$/.test(text.slice(0, r.index))
      ),
  );
  if (!hit) return null;
  const before = text.slice(0, hit.index);
  const weekdayOnly = !hit.start.isCertain('day') && !hit.start.isCertain('month');
  const looksForward =
    /\b(?:by|before|until|till|up to|due)\s+(?:the\s+)?$/.test(before) ||
    /\b(?:due|deadlines?|coming up|upcoming)\b/.test(text);
  let date = weekdayOnly
    ? DateTime.fromJSDate(hit.start.date(), { zone: timezone }).startOf('day')
    : DateTime.fromObject(
        {
          year: hit.start.get('year') ?? today.year,
          month: hit.start.get('month') ?? 1,
          day: hit.start.isCertain('day') ? (hit.start.get('day') ?? 1) : 1,
        },
        { zone: timezone },
      );
  if (!weekdayOnly && !looksForward && !hit.start.isCertain('year') && date > today) {
    date = date.minus({ years: 1 });
  }
  const span = `${before.match(/\b(?:since|from|after|by|before|until|till|in)\s+(?:the\s+)?$/)?.[0] ?? ''}${hit.text}`;
  // "in October": the whole month; "since 1 October": from then; "by 31 March": until then.
  const inMonth =
    /\b(?:in|during)\s+$/.test(before) && !hit.start.isCertain('day') ? date.endOf('month') : null;
  if (looksForward && !inMonth) return { value: { until: iso(date) }, text: span };
  return {
    value: { since: iso(date), ...(inMonth ? { until: iso(inMonth) } : {}) },
    text: span,
  };
}
