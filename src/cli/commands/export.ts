import type { Command } from 'commander';
import { exportPlan, type ExportFormat } from '../../services/export-plan';
import { CliError, type CliContext } from '../cli-context';

/** `export PLAN --format xlsx|csv --out FILE`: the progress report for the committee. */
export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('Export a plan’s progress report with its full update history')
    .argument('<plan>', 'plan id')
    .requiredOption('--format <format>', 'xlsx or csv')
    .requiredOption('--out <file>', 'where to write the report')
    .action(async (planId: string, opts: { format: string; out: string }) => {
      if (opts.format !== 'xlsx' && opts.format !== 'csv') {
        throw new CliError(`--format must be xlsx or csv, not "${opts.format}".`, 2);
      }
      const { repos } = await ctx.storage();
      const outcome = await exportPlan(repos, planId, {
        format: opts.format as ExportFormat,
        out: opts.out,
        now: ctx.now(),
      });
      ctx.out(
        `Exported ${outcome.actions} actions and ${outcome.updates} updates to ${outcome.files.join(' and ')}.`,
      );
    });
}
