/** One row of a document's table, before its columns are understood. */
export interface RawRow {
  /** Cell texts as written; a cell may hold line breaks where the document had them. */
  cells: string[];
  /** Where the row is in the document, for messages: "line 7", "row 5", "table 1, row 3". */
  location: string;
  /** True for a row that only names a section of the table (one cell across the whole table). */
  section?: boolean;
  /** Columns whose text was repeated from a cell merged down from the row above. */
  repeated?: number[];
}

/** A document reduced to the text above its table and the table's rows. */
export interface RawGrid {
  /** Lines of text before the table (title, date), when the format keeps them apart. */
  preamble: string[];
  /** Every row, possibly including text lines above the heading row. */
  rows: RawRow[];
  /** True when a row may be wrapped over several physical lines (text pasted from Word or PDF). */
  mayWrap?: boolean;
  /** Things the reader did not stop for but the person should know (e.g. how the text was decoded). */
  notes?: string[];
}

/** What a reader may be told besides the bytes. */
export interface ReaderOptions {
  /** Worksheet to read, by name (workbooks with several sheets). */
  sheet?: string;
  /** Pages to read (PDF), 1-based and inclusive. */
  pages?: { from: number; to: number };
  /** Most cells merged cells may cover (workbooks). */
  maxMergedCells?: number;
}
