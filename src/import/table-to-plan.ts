import path from 'node:path';
import { findHeading } from './heading-rows';
import { EXPECTED_HEADINGS, type ColumnMap, type HeaderSearch } from './headings';
import { importLimits } from './limits';
import { isPlanId, MAX_PLAN_ID_LENGTH, readPreamble, slugify } from './preamble';
import { readAction, type ReadRow } from './read-action';
import type { RawGrid, RawRow } from './readers/raw-grid';
import { leadingRef } from './refs';
import { collapse } from './text';
import { ImportError, type ImportedPlan, type ImportOptions, type ImportWarning } from './types';
import { rebuildWordRows } from './word-paste';
import { joinWrappedRows } from './wrapped-rows';

const isEmpty = (row: RawRow): boolean => row.cells.every((c) => collapse(c) === '');

// Cells after the last non-empty one do not count: editors and exporters pad rows with them.
const usedWidth = (cells: string[]): number => {
  let width = cells.length;
  while (width > 0 && collapse(cells[width - 1]) === '') width--;
  return width;
};

const lineText = (row: RawRow, separator = ' | '): string =>
  row.cells
    .map(collapse)
    .filter((c) => c)
    .join(separator);

function headerError(grid: RawGrid, file: string, search: HeaderSearch): never {
  const lines = [...grid.preamble.map(collapse), ...grid.rows.map((row) => lineText(row))]
    .filter((l) => l !== '')
    .slice(0, 5)
    .map((l) => `"${l.length > 80 ? `${l.slice(0, 77)}...` : l}"`);
  if (lines.length === 0)
    throw new ImportError(file, null, `the document is empty; expected ${EXPECTED_HEADINGS}`);
  const closest = !search.found && search.closest;
  const problem = closest
    ? `the headings on ${grid.rows[closest.index].location} have no ${closest.missing.join(' and no ')} column`
    : "could not find the plan table's heading row";
  throw new ImportError(
    file,
    null,
    `${problem}; expected ${EXPECTED_HEADINGS}. The first lines were: ${lines.join('; ')}`,
  );
}

function planId(file: string, title: string, options: ImportOptions): string {
  if (options.planId === undefined) return slugify(title) || 'plan';
  if (!isPlanId(options.planId)) {
    throw new ImportError(
      file,
      null,
      `plan id "${options.planId}" cannot be used; expected lower-case letters, digits and hyphens, at most ${MAX_PLAN_ID_LENGTH} characters`,
    );
  }
  return options.planId;
}

/** What reading a table found besides the plan, for the plausibility checks. */
export interface TableReading {
  plan: ImportedPlan;
  rows: ReadRow[];
  columns: ColumnMap;
  /** The heading row's cells, as read. */
  headings: string[];
}

// Rows that share one recommendation merged down the table (one recommendation, several
// actions) share its ref: they become 1a, 1b … in the order the document gives them.
function letterSharedRefs(rows: ReadRow[], body: RawRow[], refColumn: number | undefined): void {
  let i = 0;
  while (i < rows.length) {
    let j = i + 1;
    while (
      j < rows.length &&
      rows[j].action.ref === rows[i].action.ref &&
      refColumn !== undefined &&
      (body[j].repeated ?? []).includes(refColumn)
    )
      j++;
    if (j - i > 1) {
      for (let k = i; k < j; k++)
        rows[k].action.ref = `${rows[k].action.ref}${String.fromCharCode(97 + ((k - i) % 26))}`;
    }
    i = j;
  }
}

function checkUniqueRefs(rows: ReadRow[], file: string): void {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const earlier = seen.get(row.action.ref);
    if (earlier !== undefined) {
      throw new ImportError(
        file,
        row.location,
        `ref "${row.action.ref}" is used twice (also on ${earlier}); expected each row to have its own ref`,
      );
    }
    seen.set(row.action.ref, row.location);
  }
}

const REF_ONLY = /^\(?(?:[a-z]|[ivx]{1,4}|R?\s?\d{1,4}(?:\.\d{1,3})*)[.):]?$/i;

/**
 * A heading cell spanning two columns, the first of which holds only refs ("ACTION" over "1." and
 * the recommendation): the refs become the ref column and the heading names the second. In pasted
 * text the span shows as rows one cell wider than the heading row.
 */
function splitSpanningHeading(heading: { row: RawRow; columns: ColumnMap }, body: RawRow[]): void {
  const { columns } = heading;
  if (columns.ref !== undefined) return;
  const width = usedWidth(heading.row.cells);
  const wider = body.filter((r) => usedWidth(r.cells) === width + 1);
  const refOnly = (column: number): boolean =>
    body.every(
      (r) => (r.cells[column] ?? '').trim() === '' || REF_ONLY.test(r.cells[column].trim()),
    ) && body.some((r) => REF_ONLY.test((r.cells[column] ?? '').trim()));
  if (wider.length * 2 >= body.length && body.every((r) => usedWidth(r.cells) <= width + 1)) {
    if (!refOnly(0)) return;
    heading.row = {
      ...heading.row,
      cells: [heading.row.cells[0], '', ...heading.row.cells.slice(1)],
    };
    for (const role of Object.keys(columns) as (keyof ColumnMap)[]) {
      const at = columns[role] as number;
      if (at >= 1) columns[role] = at + 1;
    }
  }
  for (const role of Object.keys(columns) as (keyof ColumnMap)[]) {
    const at = columns[role] as number;
    if (role === 'ref' || (heading.row.cells[at + 1] ?? '').trim() !== '') continue;
    if (Object.values(columns).includes(at + 1) || !refOnly(at)) continue;
    columns.ref = at;
    columns[role] = at + 1;
    return;
  }
}

/**
 * Lines under a table in a workbook or pasted text (a key, footnotes, a signature) are rows of one
 * cell outside the text columns, or text in the first column without the ref every row above has.
 */
function dropTextBelowTable(body: RawRow[], columns: ColumnMap): RawRow[] {
  const textColumns = [columns.recommendation, columns.proposedAction].filter(
    (c) => c !== undefined,
  );
  const filled = (row: RawRow): number[] =>
    row.cells.flatMap((c, i) => (collapse(c) === '' ? [] : [i]));
  const numbered = body.filter((r) => {
    const at = filled(r)[0];
    return at !== undefined && leadingRef(collapse(r.cells[at])) !== null;
  }).length;
  let end = body.length;
  while (end > 1) {
    const cells = filled(body[end - 1]);
    if (cells.length !== 1) break;
    const [only] = cells;
    const text = collapse(body[end - 1].cells[only]);
    const outside = !textColumns.includes(only) && only !== columns.owner;
    const unnumbered = numbered >= end - 1 && leadingRef(text) === null;
    if (!outside && !unnumbered) break;
    end--;
  }
  return body.slice(0, end);
}

function bodyRows(
  grid: RawGrid,
  file: string,
  heading: { index: number; row: RawRow; lines: number; columns: ColumnMap },
): RawRow[] {
  const width = usedWidth(heading.row.cells);
  const headerText = lineText(heading.row);
  const firstLine = lineText(grid.rows[heading.index]);
  let body = grid.rows
    .slice(heading.index + heading.lines)
    // Some documents repeat the heading row, e.g. at the top of every printed page.
    .filter((row) => !isEmpty(row) && !row.section)
    .filter((row) => lineText(row) !== headerText && lineText(row) !== firstLine);
  const { columns } = heading;
  let key = columns.ref ?? columns.recommendation ?? columns.proposedAction ?? 0;
  let refColumn = columns.ref !== undefined;
  if (grid.mayWrap) {
    const startsRow = (row: RawRow): boolean => {
      const cell = (row.cells[key] ?? '').trim();
      return refColumn ? cell !== '' : leadingRef(cell) !== null;
    };
    body = rebuildWordRows(body, heading.row.cells.length, startsRow);
  }
  splitSpanningHeading(heading, body);
  key = columns.ref ?? columns.recommendation ?? columns.proposedAction ?? 0;
  refColumn = columns.ref !== undefined;
  const headingWidth = usedWidth(heading.row.cells);
  for (const row of body) {
    const found = usedWidth(row.cells);
    if (found > Math.max(width, headingWidth)) {
      throw new ImportError(
        file,
        row.location,
        `expected at most ${Math.max(width, headingWidth)} columns, as in the heading row (${heading.row.location}), but found ${found}`,
      );
    }
  }
  if (grid.mayWrap) body = joinWrappedRows(body, key, refColumn);
  return dropTextBelowTable(body, columns);
}

/**
 * Reads a document's raw table: finds the heading row, reads the title and date above it,
 * rebuilds rows wrapped over several lines and reads each action, keeping what the plausibility
 * checks need. Throws {@link ImportError} rather than return part of a plan.
 */
export function readTable(grid: RawGrid, file: string, options: ImportOptions = {}): TableReading {
  const limits = importLimits(options.limits);
  const search = findHeading(grid.rows);
  if (!('row' in search)) headerError(grid, file, search);
  const heading = search;
  const { columns } = heading;
  // Counted before any row is read, so a huge table costs little.
  const candidates = grid.rows.length - heading.index - heading.lines;
  if (candidates > limits.maxRows * (grid.mayWrap ? 4 : 1)) {
    const nonEmpty = grid.rows.slice(heading.index + heading.lines).filter((r) => !isEmpty(r));
    if (nonEmpty.length > limits.maxRows * (grid.mayWrap ? 4 : 1)) {
      throw new ImportError(
        file,
        nonEmpty[limits.maxRows * (grid.mayWrap ? 4 : 1)].location,
        `the table goes on past ${limits.maxRows.toLocaleString('en-GB')} rows; expected one plan of at most ${limits.maxRows.toLocaleString('en-GB')} actions`,
      );
    }
  }
  const body = bodyRows(grid, file, heading);
  if (body.length === 0) {
    throw new ImportError(
      file,
      null,
      `found the heading row (${heading.row.location}) but no actions below it; expected one row for each recommendation`,
    );
  }
  if (body.length > limits.maxRows) {
    throw new ImportError(
      file,
      body[limits.maxRows].location,
      `the table goes on past ${limits.maxRows.toLocaleString('en-GB')} rows; expected one plan of at most ${limits.maxRows.toLocaleString('en-GB')} actions`,
    );
  }
  const preamble = [
    ...grid.preamble,
    ...grid.rows.slice(0, heading.index).map((row) => lineText(row, ' ')),
  ];
  const { title: readTitle, date } = readPreamble(preamble);
  const title = readTitle ?? path.basename(file, path.extname(file));
  if (title.length > limits.maxCellChars) {
    throw new ImportError(
      file,
      null,
      `the title is longer than ${limits.maxCellChars} characters; expected a short title above the table`,
    );
  }
  const context = { file, columns, planDate: date, options, maxCellChars: limits.maxCellChars };
  const rows = body.map((row, i) => readAction(row, i + 1, context));
  letterSharedRefs(rows, body, columns.ref ?? columns.recommendation);
  checkUniqueRefs(rows, file);
  const warnings: ImportWarning[] = (grid.notes ?? []).map((message) => ({ ref: null, message }));
  const unnumbered = rows.filter((r) => r.numbered);
  if (unnumbered.length === rows.length) {
    warnings.push({
      ref: null,
      message: `no row has a ref, so the actions were numbered 1 to ${rows.length} in the order of the table`,
    });
  }
  for (const row of rows) {
    if (row.numbered && unnumbered.length < rows.length) {
      warnings.push({
        ref: row.action.ref,
        message: `${row.location}: this row has no ref, so it was numbered ${row.action.ref} by its place in the table`,
      });
    }
    for (const message of row.warnings)
      warnings.push({ ref: row.action.ref, message: `${row.location}: ${message}` });
  }
  const plan: ImportedPlan = {
    plan: { id: planId(file, title, options), title, date },
    actions: rows.map((r) => r.action),
    warnings,
  };
  return { plan, rows, columns, headings: heading.row.cells };
}

/**
 * Turns a document's raw table into a plan: finds the heading row, reads the title and date above
 * it, joins wrapped rows and reads each action. Throws {@link ImportError} rather than return part
 * of a plan.
 */
export function tableToPlan(
  grid: RawGrid,
  file: string,
  options: ImportOptions = {},
): ImportedPlan {
  return readTable(grid, file, options).plan;
}
