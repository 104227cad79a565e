import { DateTime } from 'luxon';

/**
 * What one date expression in a timescale cell says: a due date, or why none could be taken.
 * `invalid` is a date that does not exist (31/02/2023), `no-year` a month or day without a year,
 * `no-financial-year` a quarter without the financial year it belongs to.
 */
export type DateReading =
  | { kind: 'date'; due: string }
  | { kind: 'invalid' }
  | { kind: 'no-year' }
  | { kind: 'no-financial-year' };

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  febuary: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4}|\d{2})`;
const QUARTER = String.raw`(?:q|qtr|quarter)\s*([1-4])`;
const ORDINAL_QUARTER = String.raw`(1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter`;
const FINANCIAL_YEAR = String.raw`(?:of\s+)?(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})`;
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
// Last month of each season; winter runs December to February, so it ends in the next year.
const SEASON_END: Record<string, number> = {
  spring: 5,
  summer: 8,
  autumn: 11,
  fall: 11,
  winter: 2,
};

const re = (source: string): RegExp => new RegExp(`^(?:${source})$`);
const ISO_DATE = re(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`);
const NUMERIC_DATE = re(String.raw`(\d{1,2})[/.-](\d{1,2})[/.-]${YEAR}`);
const NUMERIC_MONTH = re(String.raw`(\d{1,2})[/.-](\d{4})`);
const YEARS = re(String.raw`(fy\s*|financial year\s+)?(\d{4})\s*([/-])\s*(\d{4}|\d{2})`);
const BARE_YEAR = re(String.raw`(\d{4})`);
const DAY_MONTH_YEAR = re(String.raw`${DAY}(?:\s+of)?[\s-]*${MONTH}[\s-]+${YEAR}`);
const MONTH_DAY_YEAR = re(String.raw`${MONTH}\s+${DAY}\s+(\d{4})`);
const MONTH_YEAR = re(String.raw`${MONTH}[\s-]*${YEAR}`);
const SEASON = re(String.raw`(spring|summer|autumn|fall|winter)\s+${YEAR}(?:\s*[/-]\s*${YEAR})?`);
const QUARTER_FY = re(String.raw`${QUARTER}(?:\s+|\s*-\s*)${FINANCIAL_YEAR}`);
const ORDINAL_QUARTER_FY = re(String.raw`${ORDINAL_QUARTER}\s+${FINANCIAL_YEAR}`);
const QUARTER_ONLY_YEAR = re(String.raw`(?:${QUARTER}|${ORDINAL_QUARTER})(?:\s+of)?\s+(\d{4})`);
const NO_YEAR = re(
  String.raw`(?:${DAY}(?:\s+of)?\s+)?${MONTH}|${MONTH}\s+${DAY}|spring|summer|autumn|fall|winter|${QUARTER}`,
);

/** Two-digit years mean 20YY; four-digit years outside 1900–2199 are not believed. */
function toYear(text: string): number | null {
  const n = Number(text);
  if (text.length === 2) return 2000 + n;
  return n >= 1900 && n <= 2199 ? n : null;
}

function dayOf(year: number | null, month: number, day: number): DateReading {
  if (year === null) return { kind: 'invalid' };
  const date = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return date.isValid ? { kind: 'date', due: date.toISODate() as string } : { kind: 'invalid' };
}

function endOfMonth(year: number | null, month: number): DateReading {
  if (year === null) return { kind: 'invalid' };
  const date = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' });
  if (!date.isValid) return { kind: 'invalid' };
  return { kind: 'date', due: date.endOf('month').toISODate() as string };
}

/** The year a financial year such as `2022/23` starts in, or null when the years don't follow on. */
function financialYearStart(first: string, second: string): number | null {
  const start = toYear(first);
  const end = toYear(second);
  return start !== null && end === start + 1 ? start : null;
}

/** UK financial quarters: Q1 is April to June, so Q4 ends in March of the following year. */
function quarterEnd(quarter: number, startYear: number | null): DateReading | null {
  if (startYear === null) return null;
  return quarter === 4 ? endOfMonth(startYear + 1, 3) : endOfMonth(startYear, 3 + quarter * 3);
}

/**
 * Reads a pair of years by one rule: a financial year when written with a slash or a two-digit
 * second year ("2023/24", "2023/2024", "2023-24") or called one ("FY 2023-2024"); otherwise a span
 * of calendar years ("2023-2027", "2023-2024"), ending on 31 December of the last.
 */
function readYears(
  first: string,
  second: string,
  separator: string,
  named: boolean,
): DateReading | null {
  const financial = named || separator === '/' || second.length === 2;
  const start = financial ? financialYearStart(first, second) : null;
  if (start !== null) return endOfMonth(start + 1, 3);
  // Years that don't follow on ("2021-2024") are a span of calendar years.
  const from = toYear(first);
  const to =
    second.length === 2 && from !== null
      ? Math.floor(from / 100) * 100 + Number(second)
      : toYear(second);
  if (from === null || to === null || to <= from) return null;
  return endOfMonth(to, 12);
}

function readSeason(season: string, first: string, second: string | undefined): DateReading | null {
  const year = toYear(first);
  if (year === null) return { kind: 'invalid' };
  if (season !== 'winter')
    return second === undefined ? endOfMonth(year, SEASON_END[season]) : null;
  if (second !== undefined && toYear(second) !== year + 1) return null;
  return endOfMonth(year + 1, SEASON_END.winter);
}

/**
 * Reads one date expression that fills the whole of `text` (already lower-cased and tidied),
 * giving the last day of the period it names. Null when the text is not a date expression.
 */
export function readDateExpression(text: string): DateReading | null {
  let m: RegExpMatchArray | null;
  if ((m = text.match(ISO_DATE))) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = text.match(NUMERIC_DATE))) return dayOf(toYear(m[3]), Number(m[2]), Number(m[1]));
  if ((m = text.match(NUMERIC_MONTH))) return endOfMonth(toYear(m[2]), Number(m[1]));
  if ((m = text.match(YEARS))) return readYears(m[2], m[4], m[3], m[1] !== undefined);
  if ((m = text.match(BARE_YEAR))) return endOfMonth(toYear(m[1]), 12);
  if ((m = text.match(DAY_MONTH_YEAR))) return dayOf(toYear(m[3]), MONTHS[m[2]], Number(m[1]));
  if ((m = text.match(MONTH_DAY_YEAR))) return dayOf(toYear(m[3]), MONTHS[m[1]], Number(m[2]));
  if ((m = text.match(MONTH_YEAR))) return endOfMonth(toYear(m[2]), MONTHS[m[1]]);
  if ((m = text.match(SEASON))) return readSeason(m[1], m[2], m[3]);
  if ((m = text.match(QUARTER_FY))) return quarterEnd(Number(m[1]), financialYearStart(m[2], m[3]));
  if ((m = text.match(ORDINAL_QUARTER_FY))) {
    const quarter = ORDINALS[m[1]] ?? Number(m[1][0]);
    return quarterEnd(quarter, financialYearStart(m[2], m[3]));
  }
  // "Q3 2023" could be a calendar quarter or a financial one: asking beats guessing.
  if (QUARTER_ONLY_YEAR.test(text)) return { kind: 'no-financial-year' };
  if (NO_YEAR.test(text)) return { kind: 'no-year' };
  return null;
}
