import type { RawRow } from './readers/raw-grid';

/**
 * Rebuilds rows of text pasted from a Word table, where a line break inside a cell starts a new
 * physical line and the rest of the row carries on there: a line with fewer cells than the heading
 * row takes the next line's first cell as the continuation of its last cell, and the rest of that
 * line's cells, until the row is as wide as the heading. A lone line after a complete row (the
 * last cell broke over lines) continues that row's last cell unless it starts a new row.
 * Lines that already have every cell (the PDF shape) are left for the wrapped-row join.
 */
export function rebuildWordRows(
  rows: RawRow[],
  width: number,
  startsRow: (row: RawRow) => boolean,
): RawRow[] {
  const hasShort = rows.some((row) => row.cells.length < width && !row.section);
  if (!hasShort) return rows;
  const out: RawRow[] = [];
  let open: RawRow | null = null;
  const glue = (target: RawRow, line: RawRow): void => {
    const last = target.cells.length - 1;
    target.cells[last] = [target.cells[last], line.cells[0] ?? '']
      .filter((part) => part.trim() !== '')
      .join('\n');
    target.cells.push(...line.cells.slice(1));
  };
  for (const row of rows) {
    if (open && open.cells.length < width) {
      glue(open, row);
      continue;
    }
    const previous = out[out.length - 1];
    if (previous && row.cells.length === 1 && !startsRow(row) && !row.section) {
      glue(previous, row);
      continue;
    }
    open = { ...row, cells: [...row.cells] };
    out.push(open);
  }
  return out;
}
