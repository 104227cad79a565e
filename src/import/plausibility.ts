import { readTimescale } from '../domain/timescale';
import { FALLBACK_SCORE, roleScore } from './headings';
import type { TableReading } from './table-to-plan';
import type { ImportWarning } from './types';

// Words that make an owner cell a sentence (text from another column) rather than a post title.
const SENTENCE_WORDS =
  /\b(?:will|would|should|shall|must|that|this|these|has|have|had|been|being|was|were|are|is|to be|we|our|which|ensure|agreed|recommend(?:s|ed)?)\b/i;
const MAX_POST_WORDS = 10;
// Text that starts in lower case, or with a joining word, continues a sentence from a line above.
const MID_SENTENCE = /^(?:[a-z]|and\b|or\b|of\b|the\b|to\b|in\b|for\b)/;

/** Why an owner reads like a sentence rather than a post, or null when it reads like a post. */
export function ownerDoubt(owner: string): string | null {
  const words = owner.split(/\s+/).filter((w) => w !== '');
  if (words.length > MAX_POST_WORDS) return `has ${words.length} words`;
  if (SENTENCE_WORDS.test(owner)) return 'reads like a sentence';
  if (/[.!?]$/.test(owner) && words.length > 3) return 'ends like a sentence';
  return null;
}

const share = (part: number, whole: number): string => `${part} of ${whole}`;

/**
 * Checks a whole plan for signs it was read wrongly, before anything is stored: owners that read
 * like sentences, a timescale column that is mostly not dates, many more rows than refs (a wrapped
 * row read as several actions), and cells that hold what belongs in another column. Each doubt is
 * a warning; any doubt stops the import unless the admin accepts them.
 */
export function checkPlausibility(reading: TableReading): ImportWarning[] {
  const { rows, columns } = reading;
  const problems: ImportWarning[] = [];
  for (const row of rows) {
    for (const owner of row.action.owners) {
      const doubt = ownerDoubt(owner);
      if (doubt) {
        problems.push({
          ref: row.action.ref,
          message: `${row.location}: the owner "${owner.length > 60 ? `${owner.slice(0, 57)}...` : owner}" ${doubt}, not like a post title, so the owner column may hold other text`,
        });
      }
    }
    const timescaleWords = row.action.timescale.split(/\s+/).length;
    if (timescaleWords > 20) {
      problems.push({
        ref: row.action.ref,
        message: `${row.location}: the timescale cell holds ${timescaleWords} words; expected a date or period, so text may be in the wrong column`,
      });
    }
    for (const owner of row.action.owners) {
      if (owner.split(/\s+/).length <= 4 && readTimescale(owner).due !== null) {
        problems.push({
          ref: row.action.ref,
          message: `${row.location}: the owner "${owner}" is a date; text may be in the wrong column`,
        });
      }
    }
  }
  const withTimescale = rows.filter((r) => r.action.timescale !== '');
  const unreadable = withTimescale.filter((r) => {
    const t = readTimescale(r.action.timescale);
    return t.due === null && !t.complete && !t.ongoing && t.warning !== null;
  });
  if (
    columns.timescale !== undefined &&
    withTimescale.length >= 2 &&
    unreadable.length * 2 > withTimescale.length
  ) {
    problems.push({
      ref: null,
      message: `${share(unreadable.length, withTimescale.length)} timescales are not dates, so the timescale column may hold other text`,
    });
  }
  const timescaleColumn = columns.timescale;
  if (timescaleColumn !== undefined) {
    const heading = reading.headings[timescaleColumn] ?? '';
    if (roleScore(heading, 'timescale') <= FALLBACK_SCORE) {
      problems.push({
        ref: null,
        message: `due dates were taken from the column "${heading.replace(/\s+/g, ' ').trim()}", which may hold the date of a meeting rather than a deadline`,
      });
    }
  }
  const numbered = rows.filter((r) => r.numbered).length;
  if (numbered > 0 && numbered < rows.length) {
    problems.push({
      ref: null,
      message: `${share(numbered, rows.length)} rows have no ref while the others have one; a row wrapped over several lines may have been read as several actions`,
    });
  }
  const midSentence = rows.filter((r) =>
    MID_SENTENCE.test(r.action.recommendation || r.action.proposedAction),
  );
  if (midSentence.length > 0 && midSentence.length * 5 >= rows.length) {
    problems.push({
      ref: null,
      message: `${share(midSentence.length, rows.length)} actions start mid-sentence (${midSentence
        .slice(0, 3)
        .map((r) => r.location)
        .join(', ')}); a row wrapped over several lines may have been read as several actions`,
    });
  }
  return problems;
}
