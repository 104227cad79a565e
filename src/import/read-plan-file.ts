import { readFile, stat } from 'node:fs/promises';
import { formatBytes, importLimits, type ImportLimits } from './limits';
import { checkPlausibility } from './plausibility';
import { readCsv } from './readers/csv';
import type { RawGrid } from './readers/raw-grid';
import { readTabText } from './readers/tab-text';
import { kindFromName, kindName, sniff, type DocumentKind } from './sniff';
import { readTable } from './table-to-plan';
import { ImplausiblePlanError, ImportError, type ImportedPlan, type ImportOptions } from './types';
import { inflateZipParts } from './zip-parts';

/** The file types {@link readPlanFile} accepts, for help text and messages. */
export const PLAN_FILE_TYPES = ['.txt', '.tsv', '.csv', '.xlsx', '.docx', '.pdf'];

const tooBig = (file: string, size: number, limits: ImportLimits): ImportError =>
  new ImportError(
    file,
    null,
    `the file is ${formatBytes(size)}; expected a plan document of at most ${formatBytes(limits.maxFileBytes)}`,
  );

async function readBytes(file: string, limits: ImportLimits): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new ImportError(file, null, 'is not a file; expected a plan document');
    // Checked before reading, so a huge file costs nothing.
    if (info.size > limits.maxFileBytes) throw tooBig(file, info.size, limits);
    return await readFile(file);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new ImportError(file, null, 'file not found');
    throw new ImportError(file, null, `could not be opened (${(error as Error).message})`);
  }
}

/**
 * Reads a council's plan document (.docx, .pdf, .xlsx, .csv, or tab-separated text) into a plan
 * with its actions. Either the whole plan is returned or an {@link ImportError} is thrown naming
 * the file, the place and what was expected.
 */
export async function readPlanFile(
  file: string,
  options: ImportOptions = {},
): Promise<ImportedPlan> {
  return readPlanBytes(await readBytes(file, importLimits(options.limits)), file, options);
}

// Pasted text arrives tab-separated; a .csv, or text without tabs, is read as CSV.
function textKind(buffer: Buffer, named: DocumentKind | null): 'csv' | 'text' {
  if (named === 'csv' || named === 'text') return named;
  return buffer.includes(0x09) ? 'text' : 'csv';
}

const BINARY_EXPECTED: Partial<Record<DocumentKind, string>> = {
  docx: 'could not be read as a Word document (it is not a Word document, a workbook, a PDF or text); expected a .docx file saved by Word or a compatible program',
  xlsx: 'could not be read as an Excel workbook (it is not a workbook, a Word document, a PDF or text); expected an .xlsx file saved by Excel or a compatible program',
  pdf: 'could not be read as a PDF (it does not start as a PDF does, and is not a Word document, a workbook or text); expected a PDF as published',
};

// A file named as a document that turns out to be neither that nor text is a damaged document.
function readText(
  buffer: Buffer,
  name: string,
  kind: DocumentKind,
  named: DocumentKind | null,
): RawGrid {
  try {
    return kind === 'csv' ? readCsv(buffer, name) : readTabText(buffer, name);
  } catch (error) {
    const expected = named && BINARY_EXPECTED[named];
    if (expected && error instanceof ImportError) throw new ImportError(name, null, expected);
    throw error;
  }
}

async function readGrid(
  buffer: Buffer,
  name: string,
  options: ImportOptions,
  limits: ImportLimits,
): Promise<RawGrid> {
  const sniffed = sniff(buffer);
  if (sniffed.kind === 'unreadable') {
    throw new ImportError(
      name,
      null,
      `is ${sniffed.reason}; expected a Word (.docx), Excel (.xlsx), PDF, CSV or text document`,
    );
  }
  const named = kindFromName(name);
  const kind: DocumentKind = sniffed.kind === 'text' ? textKind(buffer, named) : sniffed.kind;
  const textual = (k: DocumentKind | null): boolean => k === 'csv' || k === 'text';
  const mismatch =
    named !== null && named !== kind && !(textual(named) && textual(kind))
      ? `the file's name says ${kindName(named)} but it holds ${kindName(kind)}, so it was read as that`
      : null;
  let grid: RawGrid;
  // Each reader is loaded with its first document: a running bot then holds only the readers it
  // has needed (the workbook, Word and PDF libraries are large).
  if (sniffed.kind === 'docx' || sniffed.kind === 'xlsx') {
    const parts = inflateZipParts(buffer, sniffed.parts, name, limits.maxInflatedBytes);
    if (sniffed.kind === 'xlsx') {
      const { mergedCellCount, readXlsx } = await import('./readers/xlsx');
      const merged = mergedCellCount(parts);
      if (merged > limits.maxMergedCells) {
        throw new ImportError(
          name,
          null,
          `its merged cells cover ${merged.toLocaleString('en-GB')} cells; expected a plan table, with merged cells covering at most ${limits.maxMergedCells.toLocaleString('en-GB')}`,
        );
      }
      grid = await readXlsx(buffer, name, { sheet: options.sheet });
    } else grid = await (await import('./readers/docx')).readDocx(buffer, name);
  } else if (kind === 'pdf') {
    grid = await (await import('./readers/pdf')).readPdf(buffer, name, { pages: options.pages });
  } else grid = readText(buffer, name, kind, named);
  if (mismatch) grid.notes = [mismatch, ...(grid.notes ?? [])];
  if (options.sheet !== undefined && kind !== 'xlsx') {
    throw new ImportError(
      name,
      null,
      `--sheet only applies to Excel workbooks; this is ${kindName(kind)}`,
    );
  }
  if (options.pages !== undefined && kind !== 'pdf') {
    throw new ImportError(name, null, `--pages only applies to PDFs; this is ${kindName(kind)}`);
  }
  return grid;
}

/**
 * Reads a plan document already in memory (e.g. a file sent to the bot in Teams). The reader is
 * chosen from the bytes, not the name; `name` is used in messages, and a name that says another
 * kind of document is explained in a warning. Unless `options.acceptWarnings` is set, a plan the
 * plausibility checks doubt is refused with an {@link ImplausiblePlanError}.
 */
export async function readPlanBytes(
  buffer: Buffer,
  name: string,
  options: ImportOptions = {},
): Promise<ImportedPlan> {
  const limits = importLimits(options.limits);
  if (buffer.length === 0) {
    throw new ImportError(
      name,
      null,
      'the file is empty; expected a plan table with a heading row',
    );
  }
  if (buffer.length > limits.maxFileBytes) throw tooBig(name, buffer.length, limits);
  const grid = await readGrid(buffer, name, options, limits);
  const reading = readTable(grid, name, { ...options, limits });
  const { plan } = reading;
  const problems = checkPlausibility(reading);
  if (problems.length === 0) return plan;
  const withProblems = { ...plan, warnings: [...plan.warnings, ...problems] };
  if (!options.acceptWarnings) throw new ImplausiblePlanError(name, withProblems, problems);
  return withProblems;
}
