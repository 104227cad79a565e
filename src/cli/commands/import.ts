import type { Command } from 'commander';
import { readPlanFile } from '../../import/read-plan-file';
import { storeImportedPlan } from '../../services/import-plan';
import type { CliContext } from '../cli-context';

/** `import FILE [--plan ID] [--dry-run] [--json]`: reads a plan document and stores it. */
export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('Import an action plan from a .txt (tab-separated), .csv, .xlsx or .docx file')
    .argument('<file>', 'the plan document')
    .option('--plan <id>', 'plan id to use instead of one made from the title')
    .option('--dry-run', 'read and check the file, store nothing')
    .option('--json', 'print the plan as JSON')
    .action(async (file: string, opts: { plan?: string; dryRun?: boolean; json?: boolean }) => {
      let knownPosts: string[] = [];
      if (!opts.dryRun) {
        const { repos } = await ctx.storage();
        knownPosts = (await repos.people.list()).flatMap((p) => p.posts);
      }
      const imported = await readPlanFile(file, {
        planId: opts.plan,
        knownPosts,
        timezone: ctx.config.TIMEZONE,
      });
      for (const warning of imported.warnings) ctx.err(`Warning: ${warning}`);
      if (opts.json) {
        ctx.out(JSON.stringify({ plan: imported.plan, actions: imported.actions }, null, 2));
      } else {
        ctx.out(`${imported.plan.title} (${imported.plan.id}), ${imported.plan.date ?? 'no date'}`);
        for (const a of imported.actions) {
          ctx.out(`  ${a.ref}. [${a.status}] due ${a.due ?? '-'}: ${a.owners.join('; ')}`);
        }
      }
      if (opts.dryRun) {
        if (!opts.json)
          ctx.out(`Dry run: ${imported.actions.length} actions read, nothing stored.`);
        return;
      }
      const { repos } = await ctx.storage();
      const outcome = await storeImportedPlan(repos, imported, {
        sourceFile: file,
        now: ctx.now(),
        timezone: ctx.config.TIMEZONE,
      });
      const kept = outcome.notInDocument.length
        ? ` Kept ${outcome.notInDocument.length} stored actions not in this document: ${outcome.notInDocument.join(', ')}.`
        : '';
      const message = `Imported plan ${outcome.planId}: ${outcome.created} new, ${outcome.updated} updated.${kept}`;
      if (opts.json) ctx.err(message);
      else ctx.out(message);
    });
}
