import type { Command } from 'commander';
import { isLabelScheme, LABEL_SCHEMES } from '../../domain/status';
import {
  archivePlan,
  changePlanSettings,
  closePlan,
  reopenPlan,
  type PlanSettings,
} from '../../services/plan-lifecycle';
import { CliError, type CliContext } from '../cli-context';

/**
 * `plan settings PLAN [--sign-off on|off] [--labels SCALE]`, `plan close PLAN`,
 * `plan archive PLAN`, `plan reopen PLAN`: a plan's settings and life after import.
 */
export function registerPlan(program: Command, ctx: CliContext): void {
  const plan = program.command('plan').description('Change a plan’s settings, close or archive it');
  plan
    .command('settings')
    .description('Turn sign-off on or off; choose the words used for statuses')
    .argument('<plan>', 'plan id')
    .option('--sign-off <on|off>', 'whether completed actions wait for a chair’s sign-off')
    .option('--labels <scale>', `status words: ${LABEL_SCHEMES.join(', ')}`)
    .action(async (planId: string, opts: { signOff?: string; labels?: string }) => {
      const settings: PlanSettings = {};
      if (opts.signOff !== undefined) {
        if (opts.signOff !== 'on' && opts.signOff !== 'off') {
          throw new CliError(`--sign-off must be on or off, not "${opts.signOff}".`, 2);
        }
        settings.signOff = opts.signOff === 'on';
      }
      if (opts.labels !== undefined) {
        if (!isLabelScheme(opts.labels)) {
          throw new CliError(
            `--labels must be one of ${LABEL_SCHEMES.join(', ')}, not "${opts.labels}".`,
            2,
          );
        }
        settings.labels = opts.labels;
      }
      const { repos } = await ctx.storage();
      const saved = await changePlanSettings(repos, planId, settings);
      ctx.out(
        `${saved.title}: sign-off ${saved.signOff === false ? 'off' : 'on'}, ` +
          `status words "${saved.labels ?? 'standard'}".`,
      );
    });
  const lifecycle = [
    ['close', 'Close a plan whose actions are all closed or signed off', closePlan],
    ['archive', 'Archive a closed plan (it stays exportable)', archivePlan],
  ] as const;
  for (const [name, description, run] of lifecycle) {
    plan
      .command(name)
      .description(description)
      .argument('<plan>', 'plan id')
      .action(async (planId: string) => {
        const { repos } = await ctx.storage();
        const saved = await run(repos, planId, ctx.now());
        ctx.out(`${saved.title} is ${saved.lifecycle}.`);
      });
  }
  plan
    .command('reopen')
    .description('Open a closed or archived plan again')
    .argument('<plan>', 'plan id')
    .action(async (planId: string) => {
      const { repos } = await ctx.storage();
      const saved = await reopenPlan(repos, planId);
      ctx.out(`${saved.title} is open again.`);
    });
}
