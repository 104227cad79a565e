const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthNumber(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(n) || (n === 'sept' && m === 'september'));
  return i < 0 ? null : i + 1;
}

function isoDate(year: number, month: number | null, day: number): string | null {
  if (month === null || month < 1 || month > 12) return null;
  const y = year < 100 ? 2000 + year : year;
  const d = new Date(Date.UTC(y, month - 1, day));
  if (d.getUTCFullYear() !== y || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null;
  }
  return d.toISOString().slice(0, 10);
}

const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const WEEKDAY = String.raw`(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?`;
const LABEL = /^(?:(?:meeting\s+)?date(?:d)?|agreed|published|updated)\s*[:-]?\s*/i;

/**
 * Reads a line that is only a date, as found above a plan table: "7 SEPTEMBER 2021",
 * "07/09/2021" (UK order), "Date: 7 September 2021", "Tuesday 7th September 2021", "2021-09-07".
 * Returns `YYYY-MM-DD`, or null when the line is anything else.
 */
export function readPlanDate(line: string): string | null {
  const text = line.trim().replace(LABEL, '').replace(/\s+/g, ' ').replace(/\.$/, '');
  let m = new RegExp(String.raw`^${WEEKDAY}${DAY}\s+([a-z]+\.?),?\s+(\d{4})$`, 'i').exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = new RegExp(String.raw`^${WEEKDAY}([a-z]+\.?)\s+${DAY},?\s+(\d{4})$`, 'i').exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

// Lines above a table that are never its title: agenda numbering, page numbers, appendix labels.
const NOT_A_TITLE =
  /^(?:(?:agenda\s+)?item(?:\s+no\.?)?\s*\d+[a-z]?|page\s+\d+(?:\s+of\s+\d+)?|(?:appendix|annex|annexe)\s+[a-z0-9]{1,3}|\d{1,4})\.?$/i;

const PLAN_WORDS = /\b(?:plan|tracker|review|scheme|recommendations?|scraip)\b/i;

/** Title and date of a plan, from the lines above its table. */
export function readPreamble(lines: string[]): { title: string | null; date: string | null } {
  let title: string | null = null;
  let date: string | null = null;
  // A council's name often heads the page; the line naming the plan is the better title.
  const named = lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find((l) => PLAN_WORDS.test(l) && readPlanDate(l) === null && !NOT_A_TITLE.test(l));
  if (named) title = named;
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const asDate = readPlanDate(line);
    if (asDate !== null) date ??= asDate;
    else if (!NOT_A_TITLE.test(line)) title ??= line;
  }
  return { title, date };
}

/** Longest plan id a slug may be. */
export const MAX_PLAN_ID_LENGTH = 60;

/**
 * Makes a plan id from a title: lower case, a–z, 0–9 and hyphens, at most 60 characters, cut at a
 * word boundary. "MEMBERS' COMMUNICATIONS - ACTION PLAN" → "members-communications-action-plan".
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_PLAN_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_PLAN_ID_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_PLAN_ID_LENGTH)).replace(
    /-+$/,
    '',
  );
}

/** True when a plan id is a slug as {@link slugify} makes them. */
export function isPlanId(id: string): boolean {
  return new RegExp(`^[a-z0-9](?:[a-z0-9-]{0,${MAX_PLAN_ID_LENGTH - 2}}[a-z0-9])?$`).test(id);
}
