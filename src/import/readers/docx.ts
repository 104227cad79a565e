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
    let col = 0;
    // Cells merged down from a row above take their place before this row's own cells.
    const takeCarried = (): boolean => {
      const c = carried[col];
      if (!c || c.rows === 0) return false;
      cells[col] = c.text;
      c.rows--;
      return true;
    };
    const fillCarried = (): void => {
      while (takeCarried()) col++;
    };
    for (const td of elements(tr).filter((el) => tag(el) === 'td' || tag(el) === 'th')) {
      fillCarried();
      const text = cellText(td);
      const across = span(td, 'colspan');
      const down = span(td, 'rowspan');
      for (let k = 0; k < across; k++) {
        cells[col + k] = k === 0 ? text : '';
        carried[col + k] = down > 1 ? { text: k === 0 ? text : '', rows: down - 1 } : undefined;
      }
      col += across;
    }
    for (; col < carried.length; col++) takeCarried();
    return {
      cells: Array.from(cells, (c) => c ?? ''),
      location: `table ${tableNumber}, row ${r + 1}`,
    };
  });
}

/**
 * Reads a Word document: the first table with a plan heading row, and the paragraphs above it
 * (title, date) as the preamble.
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
  let first: RawGrid | null = null;
  let tableNumber = 0;
  for (const el of elements(root)) {
    if (tag(el) !== 'table') {
      paragraphs.push(...blockLines(el));
      continue;
    }
    tableNumber++;
    const grid = { preamble: [...paragraphs], rows: tableRows(el, tableNumber) };
    if (findHeaderRow(grid.rows).found) return grid;
    first ??= grid;
  }
  return first ?? { preamble: paragraphs, rows: [] };
}
