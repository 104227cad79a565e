import type { Command } from 'commander';
import { planSummaryForAdmin } from '../../services/plan-summary';
import { STATUSES, statusLabel } from '../../domain/status';
import type { CliContext } from '../cli-context';
import { NO_PLANS } from '../../services/refusals';

/** `summary [PLAN] [--json]`: the position of one plan, or of every plan. */
export function registerSummary(program: Command, ctx: CliContext): void {
  program
    .command('summary')
    .description('Show the position of a plan (or all plans)')
    .argument('[plan]', 'plan id')
    .option('--json', 'print JSON')
    .action(async (planId: string | undefined, opts: { json?: boolean }) => {
      const { repos } = await ctx.storage();
      const summaries = await planSummaryForAdmin(repos, { planId }, ctx.now());
      if (opts.json) {
        const view = summaries.map((s) => ({
          plan: s.plan,
          total: s.total,
          counts: s.counts,
          percentComplete: s.percentComplete,
          awaitingSignOff: s.awaitingSignOff.map((a) => a.ref),
          overdue: s.overdue.map((o) => ({
            ref: o.action.ref,
            owners: o.action.owners,
            daysLate: o.daysLate,
          })),
          recentlyUpdated: s.recentlyUpdated.map((a) => ({
            ref: a.ref,
            status: a.status,
            at: a.lastUpdateAt,
            by: a.lastUpdateBy,
            note: a.lastNote,
          })),
        }));
        ctx.out(JSON.stringify(planId ? view[0] : view, null, 2));
        return;
      }
      if (summaries.length === 0) ctx.out(NO_PLANS);
      for (const s of summaries) {
        ctx.out(`${s.plan.title} (${s.plan.id})`);
        ctx.out(`  ${s.total} actions, ${s.percentComplete}% complete`);
        for (const status of STATUSES)
          ctx.out(`  ${statusLabel(status, s.plan.labels).padEnd(28)} ${s.counts[status]}`);
        if (s.awaitingSignOff.length > 0) {
          ctx.out(`  Awaiting sign-off: ${s.awaitingSignOff.map((a) => a.ref).join(', ')}`);
        }
        if (s.overdue.length > 0) {
          ctx.out('  Overdue:');
          for (const o of s.overdue) {
            ctx.out(`    ${o.action.ref}: ${o.daysLate} days late (${o.action.owners.join('; ')})`);
          }
        }
      }
    });
}
