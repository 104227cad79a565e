import type { Status } from '../domain/status';

/** One action as read from a plan document, before it is stored. */
export interface ImportedAction {
  ref: string;
  recommendation: string;
  proposedAction: string;
  owners: string[];
  budget: string;
  timescale: string;
  /** `YYYY-MM-DD` or null when the timescale gives no date. */
  due: string | null;
  status: Status;
}

/** A plan read from a document: what `import --dry-run --json` prints, plus warnings. */
export interface ImportedPlan {
  plan: { id: string; title: string; date: string | null };
  actions: ImportedAction[];
  /** Things the reader could not interpret but did not stop for (e.g. an unknown timescale). */
  warnings: string[];
}

/** Options every importer accepts. */
export interface ImportOptions {
  /** Plan id to use instead of one made from the title. */
  planId?: string;
  /** Post titles already known from the people directory, used to split owner cells. */
  knownPosts?: string[];
  /** Time zone for reading due dates; defaults to Europe/London. */
  timezone?: string;
}

/**
 * Raised when a document cannot be read as a plan. The message names the file, the line or row
 * and what was expected, so an admin can fix the document.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly location: string | null,
    readonly expected: string,
  ) {
    super(`${file}${location ? `, ${location}` : ''}: ${expected}`);
    this.name = 'ImportError';
  }
}
