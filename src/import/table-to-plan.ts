import path from 'node:path';
import { splitOwners } from '../domain/owners';
import { statusFromText } from '../domain/status-text';
import { readTimescale } from '../domain/timescale';
import { EXPECTED_HEADINGS, findHeaderRow, type ColumnMap, type ColumnRole } from './headings';
import { isPlanId, MAX_PLAN_ID_LENGTH, readPreamble, slugify } from './preamble';
import type { RawGrid, RawRow } from './readers/raw-grid';
import { cleanRef, leadingRef } from './refs';
import { collapse, collapseLines } from './text';
import { ImportError, type ImportedAction, type ImportedPlan, type ImportOptions } from './types';
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

function headerError(grid: RawGrid, file: string, search: ReturnType<typeof findHeaderRow>): never {
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

interface RowContext {
  file: string;
  columns: ColumnMap;
  planDate: string | null;
  options: ImportOptions;
  warnings: string[];
}

function readAction(row: RawRow, position: number, ctx: RowContext): ImportedAction {
  const cell = (role: ColumnRole): string => {
    const column = ctx.columns[role];
    return column === undefined ? '' : (row.cells[column] ?? '');
  };
  const warn = (text: string): void => void ctx.warnings.push(`${row.location}: ${text}`);
  let recommendation = collapse(cell('recommendation'));
  let proposedAction = collapse(cell('proposedAction'));
  if (recommendation === '' && proposedAction === '') {
    throw new ImportError(
      ctx.file,
      row.location,
      'expected a recommendation or proposed action in this row',
    );
  }
  // The number a plan gives a row is usually written at the start of its first text column.
  const keyIsRecommendation = ctx.columns.recommendation !== undefined;
  const numbered = leadingRef(keyIsRecommendation ? recommendation : proposedAction);
  const refCell = cleanRef(cell('ref'));
  const ref = collapse(refCell || numbered?.ref || String(position));
  if (numbered && numbered.ref === ref) {
    if (keyIsRecommendation) recommendation = numbered.rest;
    else proposedAction = numbered.rest;
  }
  const timescale = collapse(cell('timescale'));
  const reading = readTimescale(timescale, { planDate: ctx.planDate });
  if (reading.warning) warn(reading.warning);
  const statusText = collapse(cell('status'));
  const stated = statusText ? statusFromText(statusText) : null;
  if (statusText && stated === null) {
    warn(`status "${statusText}" was not recognised, so it was taken from the timescale`);
  }
  const owners = splitOwners(collapseLines(cell('owner')), ctx.options.knownPosts)
    .map(collapse)
    .filter((o) => o !== '');
  if (owners.length === 0) warn('no owner is given');
  return {
    ref,
    recommendation,
    proposedAction,
    owners,
    budget: collapse(cell('budget')),
    timescale,
    due: reading.due,
    status: stated ?? (reading.complete ? 'complete' : 'not-started'),
  };
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
  const search = findHeaderRow(grid.rows);
  if (!search.found) headerError(grid, file, search);
  const { index, columns } = search;
  const header = grid.rows[index];
  const width = usedWidth(header.cells);
  const headerText = lineText(header);
  let body = grid.rows
    .slice(index + 1)
    // Some documents repeat the heading row, e.g. at the top of every printed page.
    .filter((row) => !isEmpty(row) && lineText(row) !== headerText);
  for (const row of body) {
    const found = usedWidth(row.cells);
    if (found > width) {
      throw new ImportError(
        file,
        row.location,
        `expected at most ${width} columns, as in the heading row (${header.location}), but found ${found}`,
      );
    }
  }
  if (grid.mayWrap) {
    const refColumn = columns.ref !== undefined;
    const key = columns.ref ?? columns.recommendation ?? columns.proposedAction ?? 0;
    body = joinWrappedRows(body, key, refColumn);
  }
  if (body.length === 0) {
    throw new ImportError(
      file,
      null,
      `found the heading row (${header.location}) but no actions below it; expected one row for each recommendation`,
    );
  }
  const preamble = [
    ...grid.preamble,
    ...grid.rows.slice(0, index).map((row) => lineText(row, ' ')),
  ];
  const { title: readTitle, date } = readPreamble(preamble);
  const title = readTitle ?? path.basename(file, path.extname(file));
  const warnings: string[] = [];
  const context: RowContext = { file, columns, planDate: date, options, warnings };
  const actions = body.map((row, i) => readAction(row, i + 1, context));
  const seen = new Map<string, string>();
  actions.forEach((action, i) => {
    const earlier = seen.get(action.ref);
    if (earlier !== undefined) {
      throw new ImportError(
        file,
        body[i].location,
        `ref "${action.ref}" is used twice (also on ${earlier}); expected each row to have its own ref`,
      );
    }
    seen.set(action.ref, body[i].location);
  });
  return { plan: { id: planId(file, title, options), title, date }, actions, warnings };
}
