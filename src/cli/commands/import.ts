import { InvalidArgumentError, type Command } from 'commander';
import { ImplausiblePlanError, type ImportedPlan } from '../../import/types';
import type { CliContext } from '../cli-context';
import { importReport } from './import-report';

interface ImportFlags {
  plan?: string;
  dryRun?: boolean;
  json?: boolean;
  acceptWarnings?: boolean;
  sheet?: string;
  pages?: { from: number; to: number };
}

/** Reads `--pages 3` or `--pages 3-5` as an inclusive, 1-based page range. */
export function parsePages(value: string): { from: number; to: number } {
  const m = /^\s*(\d{1,5})\s*(?:[-–]\s*(\d{1,5}))?\s*$/.exec(value);
  const from = m ? Number(m[1]) : 0;
  const to = m?.[2] ? Number(m[2]) : from;
  if (!m || from < 1 || to < from) {
    throw new InvalidArgumentError('expected a page or a range of pages, such as 3 or 3-5');
  }
  return { from, to };
}

const asJson = (imported: ImportedPlan): string =>
  JSON.stringify(
    { plan: imported.plan, actions: imported.actions, warnings: imported.warnings },
    null,
    2,
  );

/**
 * `import FILE [--plan ID] [--dry-run] [--json] [--accept-warnings] [--sheet NAME] [--pages N-M]`:
 * reads a plan document and stores it.
 */
export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'Import an action plan from a .docx, .pdf, .xlsx, .csv or .txt (tab-separated) file',
    )
    .argument('<file>', 'the plan document')
    .option('--plan <id>', 'plan id to use instead of one made from the title')
    .option('--dry-run', 'read and check the file, store nothing')
    .option('--json', 'print the plan as JSON')
    .option('--accept-warnings', 'import even when the checks doubt the plan was read right')
    .option('--sheet <name>', 'the worksheet of a workbook that holds the plan')
    .option('--pages <range>', 'the pages of a PDF that hold the plan, e.g. 3-5', parsePages)
    .action(async (file: string, opts: ImportFlags) => {
      // Loaded here, not at start: the document readers are heavy and `--help` needs none.
      const { importPlanFile } = await import('../../services/import-files');
      const repos = opts.dryRun ? null : (await ctx.storage()).repos;
      let done: Awaited<ReturnType<typeof importPlanFile>>;
      try {
        done = await importPlanFile(repos, file, {
          planId: opts.plan,
          timezone: ctx.config.TIMEZONE,
          acceptWarnings: opts.acceptWarnings,
          sheet: opts.sheet,
          pages: opts.pages,
          now: ctx.now(),
        });
      } catch (error) {
        // A doubted plan is still shown, so the admin can see what went wrong where.
        if (!(error instanceof ImplausiblePlanError)) throw error;
        if (opts.json) ctx.out(asJson(error.plan));
        else for (const line of importReport(error.plan)) ctx.out(line);
        throw error;
      }
      const { imported, outcome } = done;
      if (opts.json) ctx.out(asJson(imported));
      else for (const line of importReport(imported)) ctx.out(line);
      if (opts.json) for (const w of imported.warnings) ctx.err(`Warning: ${w.message}`);
      if (!outcome) {
        if (!opts.json)
          ctx.out(`Dry run: ${imported.actions.length} actions read, nothing stored.`);
        return;
      }
      const kept = outcome.notInDocument.length
        ? ` Kept ${outcome.notInDocument.length} stored actions not in this document: ${outcome.notInDocument.join(', ')}.`
        : '';
      const undone = outcome.recovered
        ? ` An earlier import from ${outcome.recovered.sourceFile} (${outcome.recovered.startedAt}) had not finished; ` +
          `the ${outcome.recovered.removed.length} actions it had added were removed first.`
        : '';
      const message = `Imported plan ${outcome.planId}: ${outcome.created} new, ${outcome.updated} updated.${kept}${undone}`;
      if (opts.json) ctx.err(message);
      else ctx.out(message);
    });
}
