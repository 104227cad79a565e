/**
 * Bounds on what one plan document may hold. They are checked before the work they guard, so a
 * hostile or mistaken file is refused quickly instead of exhausting memory or time.
 */
export interface ImportLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total size the parts of a .docx or .xlsx may inflate to, in bytes. */
  maxInflatedBytes: number;
  /** Most actions (rows below the heading) one plan may have. */
  maxRows: number;
  /** Longest cell, in characters: Table Storage holds at most 32K characters in a property. */
  maxCellChars: number;
  /** Most cells merged cells may cover in one workbook (each becomes a cell when read). */
  maxMergedCells: number;
}

/** The limits used unless a caller passes its own. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 100 * 1024 * 1024,
  maxRows: 5_000,
  maxCellChars: 32_000,
  maxMergedCells: 1_000_000,
};

/** The limits for one import: the defaults with any the caller gives. */
export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

/** A byte count as people read it: "20 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
