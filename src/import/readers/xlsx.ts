import ExcelJS from 'exceljs';
import { Info } from 'luxon';
import { findHeaderRow } from '../headings';
import { ImportError } from '../types';
import type { RawGrid, RawRow, ReaderOptions } from './raw-grid';

const pad = (n: number): string => String(n).padStart(2, '0');

// Month names as UK readers write them ("January"), from luxon rather than a list of our own.
const MONTHS = Info.months('long', { locale: 'en-GB' });

// A date shown as "Jan-22" means the month, not its first day, so the day is only written when
// the cell's format shows one. Excel dates carry no zone: exceljs gives them as UTC midnight.
function dateText(date: Date, numFmt: string | undefined): string {
  const format = (numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
  const showsDay = /d/.test(format) || !/m/.test(format);
  if (!showsDay) return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

function numberText(n: number, numFmt: string | undefined): string {
  if (numFmt?.includes('£')) {
    return `£${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
  }
  return String(n);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : valueText(result, numFmt);
  }
  // Error values such as #REF! say nothing about the plan.
  return '';
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) {
    // A cell merged down a column repeats its value on every row it covers (an owner shared by
    // two actions); one merged across a row (a title spread over the table) is written once.
    const master = cell.master;
    return master.col === cell.col ? valueText(master.value, master.numFmt) : '';
  }
  return valueText(cell.value, cell.numFmt);
}

// Only the cells a sheet actually holds are visited: the dimensions a file declares (or one stray
// cell at XFD1048576) would otherwise mean billions of empty cells.
function sheetRows(sheet: ExcelJS.Worksheet, named: boolean): RawRow[] {
  const present: { r: number; cells: Map<number, string>; repeated: number[]; across: number }[] =
    [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, string>();
    const repeated: number[] = [];
    let across = 0;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = cellText(cell);
      if (cell.isMerged && cell.master !== cell && cell.master.col === cell.col && text !== '')
        repeated.push(c - 1);
      if (cell.isMerged && cell.master.row === cell.row) across = Math.max(across, c);
      if (text !== '') {
        cells.set(c, text);
        width = Math.max(width, c);
      }
    });
    if (cells.size > 0) present.push({ r, cells, repeated, across });
  });
  return present.map(({ r, cells, repeated, across }) => {
    const row: RawRow = {
      cells: Array.from({ length: width }, (_, i) => cells.get(i + 1) ?? ''),
      location: named ? `sheet "${sheet.name}", row ${r}` : `row ${r}`,
    };
    if (repeated.length > 0) row.repeated = repeated;
    // One cell merged across the whole table names a section ("Theme 2: Housing").
    if (cells.size === 1 && cells.has(1) && across >= width && width > 1) row.section = true;
    return row;
  });
}

const MERGE = /<mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells covered by merged ranges in the workbook's sheets; each becomes a cell when loaded. */
export function mergedCellCount(parts: Map<string, Buffer>): number {
  let total = 0;
  for (const [name, bytes] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    for (const m of bytes.toString('utf8').matchAll(MERGE)) {
      const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
      const columns = Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1;
      total += rows * columns;
    }
  }
  return total;
}

function pickSheet(sheets: ExcelJS.Worksheet[], wanted: string, file: string): ExcelJS.Worksheet {
  const found = sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (found) return found;
  throw new ImportError(
    file,
    null,
    `has no sheet called "${wanted}"; expected one of ${sheets.map((s) => `"${s.name}"`).join(', ')}`,
  );
}

/**
 * Reads an Excel workbook: the sheet named in `options.sheet`, else the first worksheet (visible
 * ones first) with a plan heading row. Rich text, formula results and dates come back as the text
 * a reader sees.
 */
export async function readXlsx(
  buffer: Buffer,
  file: string,
  options: ReaderOptions = {},
): Promise<RawGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ImportError(
      file,
      null,
      `could not be read as an Excel workbook (${(error as Error).message}); expected an .xlsx file saved by Excel or a compatible program`,
    );
  }
  const sheets = [...workbook.worksheets].sort(
    (a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'),
  );
  const named = sheets.length > 1;
  if (options.sheet !== undefined) {
    return { preamble: [], rows: sheetRows(pickSheet(sheets, options.sheet, file), named) };
  }
  let chosen: { sheet: ExcelJS.Worksheet; rows: RawRow[] } | null = null;
  const others: string[] = [];
  let first: RawRow[] | null = null;
  for (const sheet of sheets) {
    const rows = sheetRows(sheet, named);
    if (findHeaderRow(rows).found) {
      if (chosen) others.push(`"${sheet.name}"`);
      else chosen = { sheet, rows };
    }
    first ??= rows;
  }
  if (!chosen) return { preamble: [], rows: first ?? [] };
  const notes = others.length
    ? [
        `sheets ${others.join(', ')} also hold a plan table; only "${chosen.sheet.name}" was read (choose another with --sheet)`,
      ]
    : [];
  return { preamble: [], rows: chosen.rows, ...(notes.length ? { notes } : {}) };
}
