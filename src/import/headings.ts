import type { RawRow } from './readers/raw-grid';

/** What a column of a plan table holds. */
export type ColumnRole =
  | 'ref'
  | 'recommendation'
  | 'proposedAction'
  | 'owner'
  | 'timescale'
  | 'budget'
  | 'status'
  | 'decision';

/** Column index of each role found in a heading row. */
export type ColumnMap = Partial<Record<ColumnRole, number>>;

/** The headings councils use for each column, in plain words. */
export const HEADING_SYNONYMS: Record<ColumnRole, string[]> = {
  ref: [
    'ref',
    'reference',
    'no',
    'number',
    'item',
    'item no',
    'id',
    'rec no',
    'recommendation no',
    'recommendation number',
    'recommendation ref',
    'ref no',
    'action no',
    'action ref',
    'reference no',
  ],
  recommendation: [
    'recommendation',
    'scrutiny recommendation',
    'panel recommendation',
    'proposal',
    'finding',
    'issue',
    'area for improvement',
    'area of focus',
    'objective',
    'key finding',
    'peer challenge recommendation',
    'review recommendation',
  ],
  proposedAction: [
    'proposed action',
    'action',
    'response',
    'management response',
    'executive response',
    'action taken',
    'agreed action',
    'planned action',
    'key action',
    'action required',
    'action to be taken',
    'actions to be taken',
    'measure',
    'what we will do',
    'cabinet response',
    'council response',
    'officer response',
    'task',
  ],
  owner: [
    'post title',
    'lead officer',
    'who',
    'accountability',
    'responsible officer',
    'responsibility',
    'officer',
    'owner',
    'action owner',
    'made to',
    'lead',
    'by whom',
    'lead member',
    'cabinet member',
    'portfolio holder',
    'lead officer initial',
    'responsible person',
    'responsible lead',
    'directorate',
    'service area',
    'accountable officer',
    'officer responsible',
    'lead service',
  ],
  timescale: [
    'timescale',
    'timetable',
    'when',
    'target date',
    'end date',
    'due date',
    'deadline',
    'date',
    'completion date',
    'target completion date',
    'by when',
    'timeframe',
    'time frame',
    'timeline',
    'target',
    'target timescale',
    'completion',
    'implementation date',
    'delivery date',
    'milestone',
  ],
  budget: [
    'budget cost',
    'budget',
    'resources',
    'resource implications',
    'cost',
    'financial implications',
  ],
  status: [
    'status',
    'progress',
    'rag',
    'rag status',
    'outcome',
    'current status',
    'comment',
    'update',
    'progress to date',
    'progress update',
    'position',
    'current position',
  ],
  // Whether the executive agreed the recommendation: "No" closes it as not agreed.
  decision: [
    'agreed',
    'accepted',
    'agreed y n',
    'agreed yes no',
    'accepted y n',
    'accepted yes no',
    'accepted rejected',
    'agreed not agreed',
    'decision',
    'cabinet decision',
    'executive decision',
  ],
};

/** Roles a heading row must have; a recommendation may stand in for a proposed action and back. */
// A plan with no owner column still imports: every action is flagged as having no owner yet.
const REQUIRED: ColumnRole[][] = [['recommendation', 'proposedAction'], ['timescale']];

/** Plain-English description of the headings expected, for error messages. */
export const EXPECTED_HEADINGS =
  'a heading row naming at least the recommendation or proposed action ("Recommendation", ' +
  '"Scrutiny recommendation", "Proposed action", "Response", "Key action") and the timescale ' +
  '("Timescale", "Target date", "Timeframe", "Deadline"); "Post title" or "Lead officer", ' +
  '"Budget cost", "Status" and "Ref" columns are optional';

const ROLE_NAMES: Record<ColumnRole, string> = {
  ref: 'ref',
  recommendation: 'recommendation',
  proposedAction: 'proposed action',
  owner: 'owner (post title)',
  timescale: 'timescale',
  budget: 'budget',
  status: 'status',
  decision: 'decision (agreed or not)',
};

// Words that make a heading something else: "Expected outcome" is a goal, not a status; "Date of
// committee" is when a meeting was, not when the work is due; "Key" under a table is a legend.
const NOT_FOR: Partial<Record<ColumnRole, RegExp>> = {
  status: /\b(?:expected|intended|desired|anticipated|target|measure|success)\b/,
  timescale:
    /\b(?:meeting|committee|cabinet|exec|executive|council|agreed|raised|report|start|started|added|received)\b/,
  proposedAction: /\b(?:no|ref|number|owner|date)\b/,
};

const OWNER_FALLBACKS = new Set([
  'lead member',
  'cabinet member',
  'portfolio holder',
  'directorate',
  'service area',
  'lead service',
]);

/** Scores at or below this mean the column was taken for want of a better one. */
export const FALLBACK_SCORE = 3;

// Longer cells are data, not headings; this keeps wordy recommendations from looking like one.
const MAX_HEADING_WORDS = 8;

// Plural and singular headings match alike ("Actions", "Resources"); applied to both sides.
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Reduces a heading to lower-case stemmed words: "Responsible Officer(s)" → ["responsible", "officer"]. */
export function headingWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/#/g, ' no ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map(stem);
}

const PHRASES = Object.fromEntries(
  Object.entries(HEADING_SYNONYMS).map(([role, list]) => [role, list.map(headingWords)]),
) as Record<ColumnRole, string[][]>;

function indexOfWords(words: string[], phrase: string[]): number {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, j) => words[i + j] === w)) return i;
  }
  return -1;
}

// Exact headings beat a heading that starts with a synonym, which beats one that merely contains
// it; among equals the longer synonym is the more specific.
function score(words: string[], role: ColumnRole): number {
  let best = 0;
  const exclude = NOT_FOR[role];
  // An excluded word still counts when the heading is otherwise exactly a synonym.
  const excluded = exclude !== undefined && exclude.test(words.join(' '));
  for (const phrase of PHRASES[role]) {
    const at = indexOfWords(words, phrase);
    if (at < 0) continue;
    const length = phrase.join(' ').length;
    let s = length;
    if (excluded) {
      // A meeting's date is only a fallback timescale; an expected outcome is never a status.
      if (role !== 'timescale') continue;
      s = 1;
    } else if (role === 'timescale' && words.length === 1 && words[0] === 'date') {
      // A bare "Date" may be a deadline or the date of the meeting: used, but doubted.
      s = 2;
    } else if (role === 'owner' && at === 0 && OWNER_FALLBACKS.has(phrase.join(' '))) {
      // Members and directorates own an action only when no officer is named.
      s = 3;
    } else if (phrase.length === words.length) s += 1000;
    else if (at === 0) s += 500;
    else if (role === 'ref') continue; // "no" inside a long heading is not a ref column
    best = Math.max(best, s);
  }
  return best;
}

/** How well a heading names a role; at or below {@link FALLBACK_SCORE} it was a last resort. */
export function roleScore(cell: string, role: ColumnRole): number {
  return score(headingWords(cell), role);
}

/** Maps a row's cells to column roles, each role and each cell used once, best matches first. */
export function matchHeadings(cells: string[]): ColumnMap {
  const candidates: { column: number; role: ColumnRole; score: number }[] = [];
  cells.forEach((cell, column) => {
    const words = headingWords(cell);
    if (words.length === 0 || words.length > MAX_HEADING_WORDS) return;
    for (const role of Object.keys(PHRASES) as ColumnRole[]) {
      const s = score(words, role);
      if (s > 0) candidates.push({ column, role, score: s });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const map: ColumnMap = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (map[c.role] !== undefined || used.has(c.column)) continue;
    map[c.role] = c.column;
    used.add(c.column);
  }
  return map;
}

/** The required roles a column map lacks, in plain words (empty when the row is a heading row). */
export function missingRoles(map: ColumnMap): string[] {
  return REQUIRED.filter((roles) => roles.every((r) => map[r] === undefined)).map((roles) =>
    roles.map((r) => ROLE_NAMES[r]).join(' or '),
  );
}

/** Where the heading row is and what its columns hold, or the closest miss when there is none. */
export type HeaderSearch =
  | { found: true; index: number; columns: ColumnMap }
  | { found: false; closest: { index: number; missing: string[] } | null };

/** Finds the first row whose cells name the required columns. */
export function findHeaderRow(rows: RawRow[]): HeaderSearch {
  let closest: { index: number; missing: string[]; matched: number } | null = null;
  for (let index = 0; index < rows.length; index++) {
    const columns = matchHeadings(rows[index].cells);
    const missing = missingRoles(columns);
    if (missing.length === 0) return { found: true, index, columns };
    const matched = Object.keys(columns).length;
    if (matched >= 2 && (!closest || matched > closest.matched))
      closest = { index, missing, matched };
  }
  return { found: false, closest: closest && { index: closest.index, missing: closest.missing } };
}
