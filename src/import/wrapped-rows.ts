import type { RawRow } from './readers/raw-grid';
import { leadingRef } from './refs';

/**
 * Joins rows wrapped over several physical lines, as in text pasted from a Word or PDF table:
 * each column's continuation sits in the same column on the next line. Only a numbered plan can
 * be told apart this way: a line whose key cell does not start a new number continues the row
 * above, cell by cell, joined with a single space.
 *
 * @param keyColumn the ref column when there is one, else the recommendation (or action) column.
 * @param refColumn true when the key column holds refs alone, so any text starts a new row.
 */
export function joinWrappedRows(rows: RawRow[], keyColumn: number, refColumn: boolean): RawRow[] {
  const startsRow = (row: RawRow): boolean => {
    const key = (row.cells[keyColumn] ?? '').trim();
    return refColumn ? key !== '' : leadingRef(key) !== null;
  };
  if (rows.length === 0 || !startsRow(rows[0])) return rows;
  const joined: RawRow[] = [];
  for (const row of rows) {
    const previous = joined[joined.length - 1];
    if (!previous || startsRow(row)) {
      joined.push({ cells: [...row.cells], location: row.location });
      continue;
    }
    const width = Math.max(previous.cells.length, row.cells.length);
    const cells: string[] = [];
    for (let i = 0; i < width; i++) {
      const parts = [previous.cells[i] ?? '', row.cells[i] ?? ''].map((p) => p.trim());
      cells.push(parts.filter((p) => p !== '').join(' '));
    }
    previous.cells = cells;
  }
  return joined;
}
