import { splitOwners } from '../domain/owners';
import { statusFromText } from '../domain/status-text';
import { readTimescaleLines } from '../domain/timescale';
import type { ColumnMap, ColumnRole } from './headings';
import type { RawRow } from './readers/raw-grid';
import { cleanRef, leadingRef } from './refs';
import { collapse, collapseLines } from './text';
import { ImportError, type ImportedAction, type ImportOptions } from './types';

/** What reading every row of one table shares. */
export interface RowContext {
  file: string;
  columns: ColumnMap;
  planDate: string | null;
  options: ImportOptions;
  maxCellChars: number;
}

/** An action as read from its row, with what the row said about it for the checks that follow. */
export interface ReadRow {
  action: ImportedAction;
  location: string;
  /** True when the row had no ref of its own and was given its position. */
  numbered: boolean;
  /** Owners' bracketed notes, set aside from the post titles. */
  ownerNotes: string[];
  warnings: string[];
}

const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

// "Head of Finance (with support from HR)": the bracket is a note about the post, not part of it.
// Brackets that name the post another way ("(Section 151 Officer)", "(JS)") stay.
const NOTE_BRACKET = /\s*\(([^()]*)\)/g;
const POST_LIKE_NOTE =
  /^(?:[A-Z]{1,5}|s\.?\s?151.*|section 151.*|monitoring officer|interim|acting)$/i;

function setAsideNotes(cell: string): { cell: string; notes: string[] } {
  const notes: string[] = [];
  const kept = cell.replace(NOTE_BRACKET, (whole, inner: string) => {
    if (POST_LIKE_NOTE.test(inner.trim())) return whole;
    notes.push(inner.trim());
    return '';
  });
  return { cell: kept, notes };
}

function checkLength(ctx: RowContext, row: RawRow, role: string, text: string): void {
  if (text.length <= ctx.maxCellChars) return;
  throw new ImportError(
    ctx.file,
    row.location,
    `the ${role} cell has ${text.length.toLocaleString('en-GB')} characters; expected at most ${ctx.maxCellChars.toLocaleString('en-GB')} (the most one stored field can hold)`,
  );
}

/** Reads one table row as an action. Throws {@link ImportError} for a row with no text. */
export function readAction(row: RawRow, position: number, ctx: RowContext): ReadRow {
  const cell = (role: ColumnRole): string => {
    const column = ctx.columns[role];
    const text = column === undefined ? '' : (row.cells[column] ?? '');
    checkLength(ctx, row, role === 'proposedAction' ? 'proposed action' : role, text);
    return text;
  };
  const warnings: string[] = [];
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
  const timescaleLines = collapseLines(cell('timescale'))
    .split('\n')
    .filter((l) => l !== '');
  const reading = readTimescaleLines(timescaleLines, { planDate: ctx.planDate });
  if (reading.warning) warnings.push(reading.warning);
  const statusText = collapse(cell('status'));
  const stated = statusText ? statusFromText(statusText) : null;
  // A "No" in an "Agreed" column means the recommendation was not agreed: never chase it.
  const decision = collapse(cell('decision'));
  const refused = /^(?:no|n)\b/i.test(decision) || statusFromText(decision) === 'not-agreed';
  if (refused && stated !== null && stated !== 'not-agreed') {
    warnings.push(
      `marked ${quote(decision)} in the decision column, so it is not agreed; its status ${quote(statusText)} was set aside`,
    );
  }
  if (statusText && stated === null && !refused) {
    warnings.push(
      `status ${quote(statusText)} was not recognised, so it was taken from the timescale`,
    );
  }
  const { cell: ownerCell, notes } = setAsideNotes(collapseLines(cell('owner')));
  const owners = splitOwners(ownerCell, ctx.options.knownPosts)
    .map(collapse)
    .filter((o) => o !== '');
  if (ctx.columns.owner === undefined)
    warnings.push('no owner yet: the plan has no owner column; give one with assign');
  else if (owners.length === 0) warnings.push('no owner is given');
  for (const note of notes) warnings.push(`owner note "${note}" was set aside from the post title`);
  return {
    action: {
      ref,
      recommendation,
      proposedAction,
      owners,
      budget: collapse(cell('budget')),
      timescale,
      due: reading.due,
      status: refused ? 'not-agreed' : (stated ?? (reading.complete ? 'complete' : 'not-started')),
    },
    location: row.location,
    numbered: !refCell && !numbered,
    ownerNotes: notes,
    warnings,
  };
}
