import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { Info } from 'luxon';
import { statusLabel } from '../../src/domain/status';
import type { ImportedPlan } from '../../src/import/types';

/** A plan as a document shows it: title and date lines above a table of headings and rows. */
export interface PlanTable {
  title: string;
  /** The date line as printed, e.g. "7 SEPTEMBER 2021"; omitted when null. */
  dateLine: string | null;
  headings: string[];
  /** One array of cell texts per row; a "\n" in a cell is a line break (a paragraph in Word). */
  rows: string[][];
}

const MONTHS = Info.months('long', { locale: 'en-GB' });

/** The headings of the council's own plan layout. */
export const PLAN_HEADINGS = [
  'SCRUTINY RECOMMENDATION',
  'PROPOSED ACTION',
  'POST TITLE',
  'BUDGET COST',
  'TIMESCALE',
];

/**
 * Lays an imported plan out as the council's table: "1. " before each recommendation, owners one
 * a line, and a status column only when asked for (with the labels users see, e.g. "At risk").
 */
export function planTableFromImported(
  imported: Pick<ImportedPlan, 'plan' | 'actions'>,
  options: { withStatus?: boolean } = {},
): PlanTable {
  const { date } = imported.plan;
  const dateLine = date
    ? `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
    : null;
  return {
    title: imported.plan.title,
    dateLine,
    headings: options.withStatus ? [...PLAN_HEADINGS, 'STATUS'] : PLAN_HEADINGS,
    rows: imported.actions.map((a) => [
      `${a.ref}. ${a.recommendation}`,
      a.proposedAction,
      a.owners.join('\n'),
      a.budget,
      a.timescale,
      ...(options.withStatus ? [statusLabel(a.status)] : []),
    ]),
  };
}

const preambleLines = (table: PlanTable): string[] =>
  table.dateLine === null ? [table.title] : [table.title, table.dateLine];

/** Writes the table as CSV: title and date lines, a blank line, then headings and rows. */
export async function writePlanCsv(
  table: PlanTable,
  file: string,
  options: { delimiter?: string; bom?: boolean } = {},
): Promise<void> {
  const width = table.headings.length;
  const padded = (cells: string[]): string[] => [...cells, ...Array(width - cells.length).fill('')];
  const records = [
    ...preambleLines(table).map((l) => padded([l])),
    padded([]),
    table.headings,
    ...table.rows,
  ];
  await writeFile(
    file,
    stringify(records, { delimiter: options.delimiter ?? ',', bom: options.bom }),
  );
}

/** Writes the table as tab-separated text, one row a line (line breaks in cells become spaces). */
export async function writePlanText(table: PlanTable, file: string): Promise<void> {
  const line = (cells: string[]): string => cells.map((c) => c.replace(/\s+/g, ' ')).join('\t');
  const lines = [...preambleLines(table), '', line(table.headings), ...table.rows.map(line)];
  await writeFile(file, `${lines.join('\n')}\n`);
}

/**
 * Writes the table as an Excel workbook: the title merged across the table, the date as a real
 * date cell when it reads as one, a blank row, then headings and rows.
 */
export async function writePlanXlsx(table: PlanTable, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  sheet.addRow([table.title]);
  if (table.headings.length > 1) sheet.mergeCells(1, 1, 1, table.headings.length);
  const dateMatch = table.dateLine && /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(table.dateLine);
  const month = dateMatch
    ? MONTHS.findIndex((m) => m.toLowerCase() === dateMatch[2].toLowerCase())
    : -1;
  if (dateMatch && month >= 0) {
    const cell = sheet.getCell(2, 1);
    cell.value = new Date(Date.UTC(Number(dateMatch[3]), month, Number(dateMatch[1])));
    cell.numFmt = 'd mmmm yyyy';
  } else if (table.dateLine) {
    sheet.getCell(2, 1).value = table.dateLine;
  }
  sheet.getRow(4).values = table.headings;
  table.rows.forEach((cells, i) => {
    sheet.getRow(5 + i).values = cells;
  });
  await workbook.xlsx.writeFile(file);
}

const cellParagraphs = (text: string): Paragraph[] =>
  text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));

/** Writes the table as a Word document: title and date paragraphs above a real Word table. */
export async function writePlanDocx(table: PlanTable, file: string): Promise<void> {
  const row = (cells: string[], bold = false): TableRow =>
    new TableRow({
      ...(bold ? { tableHeader: true } : {}),
      children: cells.map(
        (text) =>
          new TableCell({
            children: bold
              ? [new Paragraph({ children: [new TextRun({ text, bold })] })]
              : cellParagraphs(text),
          }),
      ),
    });
  const doc = new Document({
    sections: [
      {
        children: [
          ...preambleLines(table).map(
            (l) => new Paragraph({ children: [new TextRun({ text: l, bold: true })] }),
          ),
          new Paragraph(''),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [row(table.headings, true), ...table.rows.map((cells) => row(cells))],
          }),
        ],
      },
    ],
  });
  await writeFile(file, await Packer.toBuffer(doc));
}

/** Writes the table in every format the importer reads; returns the paths by extension. */
export async function writePlanDocuments(
  table: PlanTable,
  folder: string,
  baseName = 'plan',
): Promise<{ txt: string; csv: string; xlsx: string; docx: string }> {
  const files = {
    txt: path.join(folder, `${baseName}.txt`),
    csv: path.join(folder, `${baseName}.csv`),
    xlsx: path.join(folder, `${baseName}.xlsx`),
    docx: path.join(folder, `${baseName}.docx`),
  };
  await Promise.all([
    writePlanText(table, files.txt),
    writePlanCsv(table, files.csv),
    writePlanXlsx(table, files.xlsx),
    writePlanDocx(table, files.docx),
  ]);
  return files;
}
