/** One row of a document's table, before its columns are understood. */
export interface RawRow {
  /** Cell texts as written; a cell may hold line breaks where the document had them. */
  cells: string[];
  /** Where the row is in the document, for messages: "line 7", "row 5", "table 1, row 3". */
  location: string;
}

/** A document reduced to the text above its table and the table's rows. */
export interface RawGrid {
  /** Lines of text before the table (title, date), when the format keeps them apart. */
  preamble: string[];
  /** Every row, possibly including text lines above the heading row. */
  rows: RawRow[];
  /** True when a row may be wrapped over several physical lines (text pasted from Word or PDF). */
  mayWrap?: boolean;
}
