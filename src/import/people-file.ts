import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { emailKey, ROLES, type DirectoryEntry, type Role } from '../domain/person';
import { normalisePost } from '../domain/owners';
import { DEFAULT_IMPORT_LIMITS, formatBytes } from './limits';
import { readTextFile } from './readers/text-file';
import { inflateZipParts, listZipParts } from './zip-parts';
import { ImportError } from './types';

const MAX_PEOPLE_FILE_BYTES = DEFAULT_IMPORT_LIMITS.maxFileBytes;

const COLUMNS = ['name', 'email', 'post', 'service', 'role'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
  }
  return String(value);
}

async function readGrid(buffer: Buffer, file: string): Promise<string[][]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    // UTF-16 (Excel's "Unicode text") and Windows-1252 files are read by the same rule as plans.
    const text = readTextFile(buffer, path.basename(file)).text.replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
    try {
      return parse(text, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as string[][];
    } catch (error) {
      throw new ImportError(
        path.basename(file),
        null,
        `not a readable CSV file (${(error as Error).message})`,
      );
    }
  }
  if (ext === '.xlsx') {
    // Loaded with the first workbook: the demo's and most directories are CSV.
    const [{ default: Excel }, { mergedCellCount }] = await Promise.all([
      import('exceljs'),
      import('./readers/xlsx'),
    ]);
    const workbook = new Excel.Workbook();
    const bytes = buffer;
    // The same guards as plan workbooks: inflated size and merged cells bounded before loading.
    const parts = listZipParts(bytes);
    if (parts) {
      const inflated = inflateZipParts(
        bytes,
        parts,
        path.basename(file),
        DEFAULT_IMPORT_LIMITS.maxInflatedBytes,
      );
      if (mergedCellCount(inflated) > DEFAULT_IMPORT_LIMITS.maxMergedCells) {
        throw new ImportError(
          path.basename(file),
          null,
          'has merged cells covering too many cells; expected a plain table',
        );
      }
    }
    try {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new ImportError(path.basename(file), null, 'not a readable Excel (.xlsx) workbook');
    }
    const sheet = workbook.worksheets[0];
    const grid: string[][] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value));
      grid.push(values);
    });
    return grid;
  }
  throw new ImportError(
    path.basename(file),
    null,
    `expected a .csv or .xlsx file with columns ${COLUMNS.join(',')}`,
  );
}

const split = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Reads a people directory (CSV or XLSX with columns name,email,post,service,role; several posts
 * or roles separated by `;`). Every row is checked before anything is returned, so a bad file
 * imports nobody, and the error names the row and what was expected.
 */
export async function readPeopleFile(file: string): Promise<DirectoryEntry[]> {
  const name = path.basename(file);
  let info;
  try {
    info = await fs.stat(file);
  } catch {
    throw new ImportError(name, null, 'file not found');
  }
  if (!info.isFile()) {
    throw new ImportError(name, null, 'is a folder, not a file; expected a .csv or .xlsx file');
  }
  return readPeopleBytes(await fs.readFile(file), name);
}

/** True when the file's first row has the people file's headings (name, email and role). */
export async function isPeopleFile(buffer: Buffer, name: string): Promise<boolean> {
  const ext = path.extname(name).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') return false;
  try {
    const first = (await readGrid(buffer, name))[0] ?? [];
    const headings = first.map((h) => h.trim().toLowerCase());
    return ['name', 'email', 'role'].every((c) => headings.includes(c));
  } catch {
    return false;
  }
}

/**
 * Reads a people directory already in memory (e.g. a file sent to the bot in Teams); `name` is
 * the file's name, used to pick the reader and in error messages.
 */
export async function readPeopleBytes(buffer: Buffer, name: string): Promise<DirectoryEntry[]> {
  if (buffer.length > MAX_PEOPLE_FILE_BYTES) {
    throw new ImportError(
      name,
      null,
      `the file is ${formatBytes(buffer.length)}; expected a directory of at most ${formatBytes(MAX_PEOPLE_FILE_BYTES)}`,
    );
  }
  const grid = await readGrid(buffer, name);
  if (grid.length === 0) throw new ImportError(name, null, 'the file is empty');
  const header = grid[0].map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  const missing = COLUMNS.filter((c) => index[c] === -1 && c !== 'service' && c !== 'post');
  if (missing.length > 0) {
    throw new ImportError(
      name,
      'row 1',
      `expected the headings ${COLUMNS.join(',')}; missing ${missing.join(', ')}`,
    );
  }
  const seen = new Map<string, number>();
  const entries: DirectoryEntry[] = [];
  grid.slice(1).forEach((row, i) => {
    const rowNumber = i + 2;
    const at = `row ${rowNumber}`;
    const get = (column: (typeof COLUMNS)[number]): string =>
      index[column] === -1 ? '' : (row[index[column]] ?? '').trim();
    if (row.every((cell) => cell.trim() === '')) return;
    const email = emailKey(get('email'));
    if (!EMAIL.test(email)) {
      throw new ImportError(name, at, `expected an email address, found "${get('email')}"`);
    }
    if (seen.has(email)) {
      throw new ImportError(name, at, `${email} is already on row ${seen.get(email)}`);
    }
    seen.set(email, rowNumber);
    const personName = get('name');
    if (personName === '') throw new ImportError(name, at, 'expected a name');
    const roles = split(get('role')).map((r) => r.toLowerCase());
    const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length > 0 || roles.length === 0) {
      throw new ImportError(
        name,
        at,
        `expected role to be ${ROLES.join(', ')} (several separated by ;), found "${get('role')}"`,
      );
    }
    entries.push({
      email,
      name: personName,
      posts: split(get('post')).map(normalisePost),
      service: get('service') || null,
      roles: roles as Role[],
    });
  });
  return entries;
}
