import { parse } from 'csv-parse/sync';
import { findHeaderRow } from '../headings';
import { ImportError } from '../types';
import type { RawGrid, RawRow } from './raw-grid';
import { readTextFile } from './text-file';

// Excel writes `;`-separated files where the decimal mark is a comma, and some exports use tabs.
const DELIMITERS = [',', ';', '\t'];

interface CsvProblem {
  message: string;
  lines?: number;
}

function parseWith(text: string, delimiter: string): RawRow[] {
  // csv-parse counts a CRLF inside quotes as two lines; with plain line feeds its count is true.
  const records = parse(text.replace(/\r\n?/g, '\n'), {
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // A record starts on the line after the one the previous record ended on (quoted cells may
  // hold line breaks); empty lines are records too, so the count never drifts.
  let nextLine = 1;
  return records.map(({ record, info }) => {
    const row = { cells: record, location: `line ${nextLine}` };
    nextLine = info.lines + 1;
    return row;
  });
}

/**
 * Reads a CSV file, comma- or semicolon-separated, with or without a byte order mark, with quoted
 * cells that may span lines. The separator is the one under which a plan heading row appears.
 */
export function readCsv(buffer: Buffer, file: string): RawGrid {
  const { text, notes } = readTextFile(buffer, file);
  const withNotes = (rows: RawRow[]): RawGrid =>
    notes.length > 0 ? { preamble: [], rows, notes } : { preamble: [], rows };
  // Without a heading row under any separator, the comma reading (or its error) is reported.
  let fallback: RawRow[] | null = null;
  let firstProblem: CsvProblem | null = null;
  for (const delimiter of DELIMITERS) {
    try {
      const rows = parseWith(text, delimiter);
      if (findHeaderRow(rows).found) return withNotes(rows);
      if (delimiter === ',') fallback = rows;
    } catch (error) {
      if (delimiter === ',') firstProblem = error as CsvProblem;
    }
  }
  if (fallback) return withNotes(fallback);
  const problem = firstProblem ?? { message: 'unknown error' };
  throw new ImportError(
    file,
    problem.lines ? `line ${problem.lines}` : null,
    `could not be read as CSV (${problem.message}); expected comma-separated cells, with any cell that holds a comma, quote or line break in double quotes`,
  );
}
