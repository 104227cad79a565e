import type { ImportLimits } from './limits';
import type { DocumentAction } from '../domain/import-changes';
import type { Status } from '../domain/status';

/**
 * One action as read from a plan document, before it is stored: the fields a document sets, and
 * the status it gives (`due` is null when the timescale gives no date).
 */
export interface ImportedAction extends DocumentAction {
  status: Status;
}

/**
 * Something the reader could not interpret, or doubts, but did not stop for. `ref` names the
 * action it concerns, or is null for the document as a whole.
 */
export interface ImportWarning {
  ref: string | null;
  message: string;
}

/** A plan read from a document: what `import --dry-run --json` prints. */
export interface ImportedPlan {
  plan: { id: string; title: string; date: string | null };
  actions: ImportedAction[];
  /** Things the reader could not interpret but did not stop for (e.g. an unknown timescale). */
  warnings: ImportWarning[];
}

/** Options every importer accepts. */
export interface ImportOptions {
  /** Plan id to use instead of one made from the title. */
  planId?: string;
  /** Post titles already known from the people directory, used to split owner cells. */
  knownPosts?: string[];
  /** Time zone for reading due dates; defaults to Europe/London. */
  timezone?: string;
  /** Import even when the plausibility checks doubt the result (`--accept-warnings`). */
  acceptWarnings?: boolean;
  /** Worksheet of a workbook to read (`--sheet`). */
  sheet?: string;
  /** Pages of a PDF to read, 1-based and inclusive (`--pages`). */
  pages?: { from: number; to: number };
  /** Bounds on the document; the defaults suit any real plan. */
  limits?: Partial<ImportLimits>;
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

/**
 * Raised when a plan was read but does not look right (owners that read like sentences, a
 * timescale column that is mostly not dates …). It carries the plan and the doubts, so a dry run
 * can show both; `--accept-warnings` imports it anyway.
 */
export class ImplausiblePlanError extends ImportError {
  constructor(
    file: string,
    readonly plan: ImportedPlan,
    readonly problems: ImportWarning[],
  ) {
    super(
      file,
      null,
      `the plan was read but does not look right, so nothing was imported: ${problems
        .map((p) => (p.ref === null ? p.message : `ref ${p.ref}: ${p.message}`))
        .join('; ')}. Check the document, or import it anyway with --accept-warnings`,
    );
    this.name = 'ImplausiblePlanError';
  }
}
