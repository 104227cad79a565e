import mammoth from 'mammoth';
import { parse, type HTMLElement } from 'node-html-parser';
import { findHeaderRow } from '../headings';
import { ImportError } from '../types';
import type { RawGrid, RawRow } from './raw-grid';

const elements = (node: HTMLElement): HTMLElement[] =>
  node.childNodes.filter((n): n is HTMLElement => n.nodeType === 1);

const tag = (el: HTMLElement): string => el.tagName.toLowerCase();

// Each paragraph of a cell becomes a line, so owners written one a paragraph stay apart.
function blockLines(el: HTMLElement): string[] {
  const name = tag(el);
  if (name === 'ul' || name === 'ol') return elements(el).map((item) => item.text);
  return [el.text];
}

function cellText(cell: HTMLElement): string {
  const blocks = elements(cell);
  const lines = blocks.length > 0 ? blocks.flatMap(blockLines) : [cell.text];
  return lines.join('\n');
}

const span = (cell: HTMLElement, name: string): number =>
  Math.max(1, Number.parseInt(cell.getAttribute(name) ?? '1', 10) || 1);

/** Lays a table's cells out on a grid: merged cells repeat down their column, blank across it. */
function tableRows(table: HTMLElement, tableNumber: number): RawRow[] {
  const trs = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  const carried: ({ text: string; rows: number } | undefined)[] = [];
  return trs.map((tr, r) => {
    const cells: string[] = [];
    const repeated: number[] = [];
    let col = 0;
    let widest = 0;
    // Cells merged down from a row above take their place before this row's own cells.
    const takeCarried = (): boolean => {
      const c = carried[col];
      if (!c || c.rows === 0) return false;
      cells[col] = c.text;
      if (c.text !== '') repeated.push(col);
      c.rows--;
      return true;
    };
    const fillCarried = (): void => {
      while (takeCarried()) col++;
    };
    const own = elements(tr).filter((el) => tag(el) === 'td' || tag(el) === 'th');
    for (const td of own) {
      fillCarried();
      const text = cellText(td);
      const across = span(td, 'colspan');
      const down = span(td, 'rowspan');
      widest = Math.max(widest, across);
      for (let k = 0; k < across; k++) {
        cells[col + k] = k === 0 ? text : '';
        carried[col + k] = down > 1 ? { text: k === 0 ? text : '', rows: down - 1 } : undefined;
      }
      col += across;
    }
    for (; col < carried.length; col++) takeCarried();
    const row: RawRow = {
      cells: Array.from(cells, (c) => c ?? ''),
      location: `table ${tableNumber}, row ${r + 1}`,
    };
    // One cell across the whole table names a section ("Theme 2: Housing"), not an action.
    if (own.length === 1 && widest > 1 && widest >= cells.length) row.section = true;
    if (repeated.length > 0) row.repeated = repeated;
    return row;
  });
}

const headingText = (row: RawRow): string =>
  row.cells
    .map((c) => c.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((c) => c !== '')
    .join('|');

const usedWidth = (rows: RawRow[]): number =>
  Math.max(
    0,
    ...rows.map((row) => {
      let w = row.cells.length;
      while (w > 0 && row.cells[w - 1].trim() === '') w--;
      return w;
    }),
  );

/**
 * Reads a Word document: the first table with a plan heading row, with the paragraphs above it
 * (title, date) as the preamble, and every later table that continues it — a plan split across
 * pages, or one table per theme, with the same columns. Paragraphs below or between the tables
 * (a key, footnotes, signatures) are not part of the plan.
 */
export async function readDocx(buffer: Buffer, file: string): Promise<RawGrid> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (error) {
    throw new ImportError(
      file,
      null,
      `could not be read as a Word document (${(error as Error).message}); expected a .docx file saved by Word or a compatible program`,
    );
  }
  const root = parse(html.replace(/<br\s*\/?>/gi, '\n'));
  const paragraphs: string[] = [];
  let plan: { grid: RawGrid; heading: string; width: number; table: number } | null = null;
  let first: RawGrid | null = null;
  let tableNumber = 0;
  for (const el of elements(root)) {
    if (tag(el) !== 'table') {
      if (!plan) paragraphs.push(...blockLines(el));
      continue;
    }
    tableNumber++;
    const rows = tableRows(el, tableNumber);
    if (!plan) {
      const grid = { preamble: [...paragraphs], rows };
      const search = findHeaderRow(rows);
      if (search.found) {
        const heading = headingText(rows[search.index]);
        plan = { grid, heading, width: usedWidth(rows.slice(search.index)), table: tableNumber };
      } else first ??= grid;
      continue;
    }
    const search = findHeaderRow(rows);
    if (search.found && headingText(rows[search.index]) !== plan.heading) {
      throw new ImportError(
        file,
        `table ${tableNumber}, row ${search.index + 1}`,
        `this table's headings differ from those of the plan table (table ${plan.table}); expected every table of one plan to have the same columns, or the plan in a document of its own`,
      );
    }
    // A table with other columns and no plan headings (a key, a sign-off box) is not the plan.
    if (search.found || usedWidth(rows) === plan.width) plan.grid.rows.push(...rows);
  }
  if (plan) return plan.grid;
  return first ?? { preamble: paragraphs, rows: [] };
}
