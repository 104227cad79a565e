import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from './readers/csv';
import { readDocx } from './readers/docx';
import type { RawGrid } from './readers/raw-grid';
import { readTabText } from './readers/tab-text';
import { readXlsx } from './readers/xlsx';
import { tableToPlan } from './table-to-plan';
import { ImportError, type ImportedPlan, type ImportOptions } from './types';

type Reader = (buffer: Buffer, file: string) => RawGrid | Promise<RawGrid>;

const READERS: Record<string, Reader> = {
  '.txt': readTabText,
  '.tsv': readTabText,
  '.text': readTabText,
  '.csv': readCsv,
  '.xlsx': readXlsx,
  '.docx': readDocx,
};

/** The file types {@link readPlanFile} accepts, for help text and messages. */
export const PLAN_FILE_TYPES = Object.keys(READERS);

// Older binary formats are common in councils; say how to get a readable file.
const OLD_FORMATS: Record<string, string> = {
  '.xls': 'save it from Excel as .xlsx',
  '.doc': 'save it from Word as .docx',
  '.pdf': 'copy the table into a .txt file or save it from Word as .docx',
};

async function readBytes(file: string): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new ImportError(file, null, 'is not a file; expected a plan document');
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
 * Reads a council's plan document (.txt/.tsv tab-separated text, .csv, .xlsx or .docx) into a
 * plan with its actions. Either the whole plan is returned or an {@link ImportError} is thrown
 * naming the file, the place and what was expected.
 */
export async function readPlanFile(
  file: string,
  options: ImportOptions = {},
): Promise<ImportedPlan> {
  checkExtension(file);
  return readPlanBytes(await readBytes(file), file, options);
}

function checkExtension(name: string): Reader {
  const extension = path.extname(name).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    const hint = OLD_FORMATS[extension] ? ` (${OLD_FORMATS[extension]})` : '';
    throw new ImportError(
      name,
      null,
      `cannot read ${extension ? `"${extension}" files` : 'a file without an extension'}${hint}; expected one of ${PLAN_FILE_TYPES.join(', ')}`,
    );
  }
  return reader;
}

/**
 * Reads a plan document already in memory (e.g. a file sent to the bot in Teams); `name` is the
 * file's name, used to pick the reader and in error messages.
 */
export async function readPlanBytes(
  buffer: Buffer,
  name: string,
  options: ImportOptions = {},
): Promise<ImportedPlan> {
  const reader = checkExtension(name);
  if (buffer.length === 0) {
    throw new ImportError(
      name,
      null,
      'the file is empty; expected a plan table with a heading row',
    );
  }
  const grid = await reader(buffer, name);
  return tableToPlan(grid, name, options);
}
