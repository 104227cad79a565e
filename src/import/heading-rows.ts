import { findHeaderRow, type ColumnMap } from './headings';
import type { RawRow } from './readers/raw-grid';

/** The heading row found in a table: where it is, what it says, and how many rows it took. */
export interface HeadingFound {
  index: number;
  columns: ColumnMap;
  /** The heading as read; two lines joined cell by cell when it wrapped over two. */
  row: RawRow;
  /** 1, or 2 when the heading was wrapped over two lines. */
  lines: number;
}

const joinCells = (a: RawRow, b: RawRow): RawRow => {
  const width = Math.max(a.cells.length, b.cells.length);
  const cells = Array.from({ length: width }, (_, i) =>
    [a.cells[i] ?? '', b.cells[i] ?? '']
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .join(' '),
  );
  return { cells, location: `${a.location} and ${b.location.replace(/^.*?(\d+)$/, '$1')}` };
};

/**
 * Finds the plan's heading row. A heading wrapped over two lines (text pasted from a PDF, or two
 * heading rows in a workbook: "SCRUTINY / RECOMMENDATION") is read as one, cell by cell.
 */
export function findHeading(rows: RawRow[]): HeadingFound | ReturnType<typeof findHeaderRow> {
  const single = findHeaderRow(rows);
  const nonEmpty = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.cells.some((c) => c.trim() !== ''));
  for (let n = 0; n + 1 < nonEmpty.length; n++) {
    const { row: a, index } = nonEmpty[n];
    if (single.found && index >= single.index) break;
    const b = nonEmpty[n + 1].row;
    // A title line above a full heading row is not half of a heading.
    if (findHeaderRow([b]).found) break;
    const joined = joinCells(a, b);
    const search = findHeaderRow([joined]);
    if (search.found) {
      return {
        index,
        columns: search.columns,
        row: joined,
        lines: nonEmpty[n + 1].index - index + 1,
      };
    }
  }
  if (single.found) {
    const row = rows[single.index];
    // A second heading line of a few words under the headings ("Lead" / "responsibility"), with
    // nothing under the text column, finishes the heading rather than starting the table.
    const nextIndex = rows.findIndex(
      (r, i) => i > single.index && r.cells.some((c) => c.trim() !== ''),
    );
    const next = nextIndex >= 0 ? rows[nextIndex] : null;
    const key = single.columns.recommendation ?? single.columns.proposedAction ?? 0;
    if (
      next &&
      (next.cells[key] ?? '').trim() === '' &&
      next.cells.every(
        (c, i) =>
          c.trim() === '' ||
          ((row.cells[i] ?? '').trim() !== '' &&
            c.trim().split(/\s+/).length <= 3 &&
            !/[\d.]/.test(c)),
      )
    ) {
      const joined = joinCells(row, next);
      const search = findHeaderRow([joined]);
      if (search.found) {
        return {
          index: single.index,
          columns: search.columns,
          row: joined,
          lines: nextIndex - single.index + 1,
        };
      }
    }
    return { index: single.index, columns: single.columns, row, lines: 1 };
  }
  return single;
}
