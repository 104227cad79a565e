import { DateTime } from 'luxon';
import { readDateExpression, type DateReading } from './timescale-dates';

/** The result of reading a timescale cell. */
export interface TimescaleReading {
  /** The original text, always kept. */
  text: string;
  /** Last day of the period, `YYYY-MM-DD`, or null when the text gives no date. */
  due: string | null;
  /** True when the text says the work is already done ("Complete", "Completed"). */
  complete: boolean;
  /** True for open-ended work ("Ongoing", "March 2025 and ongoing"). */
  ongoing: boolean;
  /** Set when the text could not be understood; due is then null (never a guess). */
  warning: string | null;
}

const NOT_APPLICABLE = /^(?:n\/?a|not applicable|none|nil|-+)$/;
const NO_DATE_YET =
  /^(?:tbc|tba|tbd|to be (?:confirmed|agreed|arranged|decided|determined|advised))$/;
const IMMEDIATE = /^(?:immediate|immediately|with immediate effect|now)$/;
// Past-tense words say the work is done whatever follows; bare "complete" may be an instruction
// ("Complete by March 2024"), so it only counts alone or followed by a date.
const DONE = /^(?:completed|done|achieved|now complete|fully complete)\b(.*)$/;
const COMPLETE = /^complete(?:\s*(?:-|:|\(|in\b|on\b)\s*(.*))?$/;
const ONGOING_WORD = /\b(?:ongoing|on-going|onwards|thereafter|annually|continuous|continuing)\b/;
const ONGOING_PHRASE =
  /(?:\b(?:and|then|but)\s+|&\s*)?\b(?:ongoing|on-going|onwards|thereafter|annually|continuous|continuing)\b(?:\s+(?:until|till|to|through|from)\b)?/g;
// A relative timescale ("within 3 months of 1 April") names a start, not a deadline.
const RELATIVE =
  /\b(?:within|after|following|post|(?:\d+|a|one|two|three|four|six|nine|twelve|few|several)\s+(?:days?|weeks?|months?|years?))\b/;
const RANGE_SEPARATOR = /\s+(?:-|to|until|till|and|&|\/)\s+|(?<=[a-z0-9])\s*[-/]\s*(?=[a-z])/g;
const LEADING_SEPARATORS = /^[-:;,\s]+/;
const TRAILING_NOISE =
  /\s*(?:-\s*)?(?:at the latest|at latest|latest|approx|approximately|provisional|estimated|target|tbc|financial year)$/;
// A number after one of these words names a part of the work, not a day ("Phase 2 March 2024").
const NUMBERING = /^(?:phase|stage|step|part|item|no|number|option|priority|tranche|wave|year)$/;

// Work done again and again has no single due date: "Quarterly", "Annually each August".
const RECURRING =
  /^(?:(?:bi-?|semi-?)?(?:annually|annual|yearly|quarterly|monthly|weekly|fortnightly|termly)|every\s+(?:year|quarter|month|week|\d+|two|three|four|six|twelve)\b|each\s+(?:year|quarter|month|week|term)|twice\s+(?:a|each|per)\s+year|(?:annual|quarterly|monthly)\s+(?:review|report|update))\b/;
// The same words anywhere in a cell that names no year ("31 August (annually)", "By end of March
// annually", "Every August"): the work repeats.
const RECURRING_WORD =
  /\b(?:annually|yearly|quarterly|monthly|weekly|every\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|year|quarter|month|week))\b/;
// A date after one of these words is when the work starts, not when it is due.
const START =
  /^(?:commencing|commences|commence|starting|starts|start|beginning|begins|begin|from)\s+/;
const WITHIN =
  /^within\s+(\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen)\s+(week|month|year)s?(?:\s+of\s+(?:the\s+|this\s+)?(?:plan|action plan|report|review|agreement|approval|decision|meeting))?$/;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  nine: 9,
  twelve: 12,
  eighteen: 18,
};

/** Lower-cases and tidies a cell so the patterns can stay simple. */
function tidy(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019']/g, '')
    .replace(/([a-z])\.(?=\s|$)/g, '$1')
    .replace(/\b(early|mid|late|end)-/g, '$1 ')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s.]+$/, '')
    .trim();
}

/** Reads `a - b` ranges ("May/June 2025", "April 2024 - March 2025") as the later end. */
function readRange(text: string): DateReading | null {
  for (const separator of text.matchAll(RANGE_SEPARATOR)) {
    const at = separator.index ?? 0;
    const left = text.slice(0, at).trim();
    const right = readDateExpression(text.slice(at + separator[0].length).trim());
    if (right?.kind !== 'date') continue;
    const start = readDateExpression(left);
    if (start?.kind === 'date') return start.due > right.due ? start : right;
    // The start may leave out what the end gives: "May/June 2025", "1-31 March 2024", "Q3-Q4 …".
    if (start?.kind === 'no-year' || /^\d{1,2}(?:st|nd|rd|th)?$/.test(left)) return right;
  }
  return null;
}

/**
 * Finds the date expression that ends the text, after any leading words ("By", "End of",
 * "Meeting held by", "Cabinet -"). The longest readable ending wins, and a date that is not
 * real stops the search rather than let a shorter ending ("February 2023") stand in for it.
 */
function readDate(text: string): DateReading | null {
  const words = text.replace(TRAILING_NOISE, '').split(' ');
  for (let i = 0; i < words.length; i++) {
    const candidate = words.slice(i).join(' ').replace(LEADING_SEPARATORS, '');
    if (candidate === '') continue;
    if (i > 0 && RELATIVE.test(words.slice(0, i).join(' '))) return null;
    if (i > 0 && NUMBERING.test(words[i - 1])) continue;
    const reading = readDateExpression(candidate) ?? readRange(candidate);
    if (reading) return reading;
  }
  return null;
}

function validPlanDate(planDate: string | null | undefined): string | null {
  if (!planDate || !/^\d{4}-\d{2}-\d{2}$/.test(planDate)) return null;
  return DateTime.fromISO(planDate, { zone: 'utc' }).isValid ? planDate : null;
}

function warningFor(text: string, reading: DateReading | null): string {
  if (reading?.kind === 'invalid')
    return `Timescale "${text}" is not a real date; no due date was set.`;
  if (reading?.kind === 'no-year') return `Timescale "${text}" gives no year; no due date was set.`;
  if (reading?.kind === 'no-financial-year') {
    return `Timescale "${text}" does not say which financial year the quarter is in (for example "Q3 2022/23"); no due date was set.`;
  }
  return `Timescale "${text}" was not understood; no due date was set.`;
}

/**
 * Reads a plan's timescale cell as a due date: the last day of the period it names, as a calendar
 * date (time zones are applied later, when deciding what is overdue). Text it cannot read gives a
 * warning and no date, never a guess. `planDate` is the date "Immediate" means.
 */
export function readTimescale(
  text: string,
  context: { planDate?: string | null } = {},
): TimescaleReading {
  const original = text.trim();
  const result = (due: string | null, extra: Partial<TimescaleReading> = {}): TimescaleReading => ({
    text: original,
    due,
    complete: false,
    ongoing: false,
    warning: null,
    ...extra,
  });
  const tidied = tidy(original);
  if (tidied === '' || NOT_APPLICABLE.test(tidied)) return result(null);
  if (NO_DATE_YET.test(tidied)) {
    return result(null, {
      warning: `Timescale "${original}" gives no date yet; no due date was set.`,
    });
  }

  const done = tidied.match(DONE) ?? tidied.match(COMPLETE);
  if (done) {
    // A date after "Completed" records when; its absence is no problem.
    const when = done[1] ? readDate(done[1].replace(/[()]/g, ' ').trim()) : null;
    return result(when?.kind === 'date' ? when.due : null, { complete: true });
  }

  if (
    RECURRING.test(tidied) ||
    (RECURRING_WORD.test(tidied) && !/\b\d{4}\b|\b\d{2}\/\d{2}\b/.test(tidied))
  ) {
    return result(null, {
      ongoing: true,
      warning: `Timescale "${original}" repeats, so it has no single due date; it was kept as written and no due date was set.`,
    });
  }

  const ongoing = ONGOING_WORD.test(tidied);
  const rest = ongoing ? tidied.replace(ONGOING_PHRASE, ' ').replace(/\s+/g, ' ').trim() : tidied;
  const bare = rest.replace(LEADING_SEPARATORS, '').replace(/[-:;,&\s]+$/, '');
  if (bare === '') return result(null, { ongoing });
  if (IMMEDIATE.test(bare)) return result(validPlanDate(context.planDate), { ongoing });

  const start = START.exec(bare);
  if (start) {
    const rest = bare.slice(start[0].length);
    if (readDateExpression(rest)?.kind === 'date' || readDate(rest)?.kind === 'date') {
      if (readRange(rest) === null || readDateExpression(rest)?.kind === 'date') {
        return result(null, {
          ongoing,
          warning: `Timescale "${original}" gives when the work starts, not when it is due; no due date was set.`,
        });
      }
    }
  }
  const within = WITHIN.exec(bare);
  if (within) {
    const planDate = validPlanDate(context.planDate);
    if (planDate === null) {
      return result(null, {
        ongoing,
        warning: `Timescale "${original}" counts from the plan's date, which the document does not give; no due date was set.`,
      });
    }
    const amount = NUMBER_WORDS[within[1]] ?? Number(within[1]);
    const due = DateTime.fromISO(planDate, { zone: 'utc' })
      .plus({ [`${within[2]}s`]: amount })
      .toISODate();
    return result(due, { ongoing });
  }

  const reading = readDate(bare);
  if (reading?.kind === 'date') return result(reading.due, { ongoing });
  // Open-ended work needs no date, so only an unreadable date is worth a warning.
  if (ongoing && reading === null) return result(null, { ongoing });
  const several = severalDates(original);
  if (several) {
    return result(several.latest, {
      ongoing,
      warning: `Timescale "${original}" names several dates (${several.texts.join(', ')}); the latest, ${several.latest}, was taken as the due date.`,
    });
  }
  return result(null, { ongoing, warning: warningFor(original, reading) });
}

/** The dates a cell names in separate parts ("June 2023 (interim); December 2023 (final)"). */
function severalDates(original: string): { latest: string; texts: string[] } | null {
  const found: { due: string; text: string }[] = [];
  for (const part of original.split(/[;,\n()]|\band\b|\bthen\b/i)) {
    const reading = readDate(tidy(part));
    if (reading?.kind === 'date') found.push({ due: reading.due, text: part.trim() });
  }
  if (found.length < 2) return null;
  const latest = found.reduce((a, b) => (b.due > a.due ? b : a)).due;
  return { latest, texts: found.map((f) => f.text) };
}

/**
 * Reads a timescale cell written over several lines, one a line per action ("Complete", "July
 * 2023", "September 2023"): two or more dated lines give the latest date, with a warning naming
 * them; otherwise the cell is read as one text, and failing that by its one dated line.
 */
export function readTimescaleLines(
  lines: string[],
  context: { planDate?: string | null } = {},
): TimescaleReading {
  const text = lines.join(' ');
  if (lines.length < 2) return readTimescale(text, context);
  const readings = lines.map((line) => readTimescale(line, context));
  const dated = readings.filter((r) => r.due !== null);
  const whole = readTimescale(text, context);
  if (dated.length >= 2) {
    const latest = dated.reduce((a, b) => ((b.due as string) > (a.due as string) ? b : a));
    return {
      text,
      due: latest.due,
      complete: readings.every((r) => r.complete),
      ongoing: readings.some((r) => r.ongoing),
      warning: `Timescale "${text}" names several dates (${dated.map((r) => r.text).join(', ')}); the latest, ${latest.due}, was taken as the due date.`,
    };
  }
  if (whole.warning === null || dated.length === 0) return whole;
  return {
    ...dated[0],
    text,
    ongoing: readings.some((r) => r.ongoing),
    complete: readings.every((r) => r.complete),
  };
}
