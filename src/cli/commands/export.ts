import type { Command } from 'commander';
import type { ExportFormat } from '../../services/export-plan';
import { CliError, type CliContext } from '../cli-context';

/**
 * `export PLAN --format xlsx|csv|docx --out FILE`: the progress report for the committee
 * (`docx`: the committee's paper, whose date is recorded for the next report).
 */
export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('Export a plan’s progress report with its full update history')
    .argument('<plan>', 'plan id')
    .requiredOption('--format <format>', 'xlsx, csv or docx (the committee paper)')
    .requiredOption('--out <file>', 'where to write the report')
    .action(async (planId: string, opts: { format: string; out: string }) => {
      if (!['xlsx', 'csv', 'docx'].includes(opts.format)) {
        throw new CliError(`--format must be xlsx, csv or docx, not "${opts.format}".`, 2);
      }
      const { repos } = await ctx.storage();
      // Loaded here, not at start: the workbook and Word writers are heavy.
      const { exportPlan } = await import('../../services/export-plan');
      const outcome = await exportPlan(repos, planId, {
        format: opts.format as ExportFormat,
        out: opts.out,
        now: ctx.now(),
      });
      ctx.out(
        opts.format === 'docx'
          ? `Wrote the committee report on ${outcome.actions} actions to ${outcome.files[0]}.`
          : `Exported ${outcome.actions} actions and ${outcome.updates} updates to ${outcome.files.join(' and ')}.`,
      );
    });
}
