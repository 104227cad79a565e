import ExcelJS from 'exceljs';
import { Info } from 'luxon';
import { findHeaderRow } from '../headings';
import { ImportError } from '../types';
import type { RawGrid, RawRow } from './raw-grid';

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

function sheetRows(sheet: ExcelJS.Worksheet, named: boolean): RawRow[] {
  const rows: RawRow[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ cells, location: named ? `sheet "${sheet.name}", row ${r}` : `row ${r}` });
  }
  return rows;
}

/**
 * Reads an Excel workbook: the first worksheet (visible ones first) with a plan heading row.
 * Rich text, formula results and dates come back as the text a reader sees.
 */
export async function readXlsx(buffer: Buffer, file: string): Promise<RawGrid> {
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
  let first: RawRow[] | null = null;
  for (const sheet of sheets) {
    const rows = sheetRows(sheet, named);
    if (findHeaderRow(rows).found) return { preamble: [], rows };
    first ??= rows;
  }
  return { preamble: [], rows: first ?? [] };
}
