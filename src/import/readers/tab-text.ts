import type { RawGrid } from './raw-grid';
import { readTextFile } from './text-file';

/**
 * Reads tab-separated text (as pasted from a Word table or extracted from a PDF): one row a line,
 * cells split on tabs. Rows may be wrapped over several lines; the plan mapping joins them.
 */
export function readTabText(buffer: Buffer, file = 'text'): RawGrid {
  const { text, notes } = readTextFile(buffer, file);
  const lines = text.split(/\r\n|\n|\r/);
  return {
    preamble: [],
    rows: lines.map((line, i) => ({ cells: line.split('\t'), location: `line ${i + 1}` })),
    mayWrap: true,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
