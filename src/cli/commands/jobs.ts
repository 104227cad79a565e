import { hostname } from 'node:os';
import type { Command } from 'commander';
import { emailKey } from '../../domain/person';
import type { JobName } from '../../jobs';
import { CliError, type CliContext } from '../cli-context';

interface JobFlags {
  dryRun?: boolean;
  at?: string;
  json?: boolean;
}

// The jobs (and the Bot Framework client under the notifier) load only when a job runs.
async function parseAt(text: string | undefined, now: Date): Promise<Date> {
  const { JOB_TIME_RULE, parseJobTime } = await import('../../jobs');
  const at = parseJobTime(text, now);
  if (!at) {
    throw new CliError(`--at must be ${JOB_TIME_RULE} (got "${text}").`, 2);
  }
  return at;
}

async function runJob(ctx: CliContext, name: JobName, flags: JobFlags): Promise<void> {
  const at = await parseAt(flags.at, ctx.now());
  const [{ default: pino }, { createJobRunner }, { createJobDeps }, { createLogger }, text] =
    await Promise.all([
      import('pino'),
      import('../../jobs'),
      import('../../jobs/job-deps'),
      import('../../logging/logger'),
      import('./job-report-text'),
    ]);
  const { repos } = await ctx.storage();
  // Logs go to stderr so that --json output stays clean.
  const logger = createLogger(ctx.config.LOG_LEVEL, pino.destination({ fd: 2, sync: true }));
  const deps = createJobDeps({
    config: ctx.config,
    repos,
    logger,
    now: ctx.now,
    holder: `cli:${hostname()}:${process.pid}`,
  });
  const report = await createJobRunner(deps)(name, { at, dryRun: Boolean(flags.dryRun) });
  if (flags.json) ctx.out(JSON.stringify(report, null, 2));
  else for (const line of text.jobReportText(report)) ctx.out(line);
  if (report.totals.failed > 0) {
    throw new CliError(`${report.totals.failed} failed to send; the next run tries them again.`);
  }
}

/**
 * `nudges [--dry-run] [--at ISO] [--json]`, `digests [--dry-run] [--at ISO] [--json]`, and
 * `digests subscribe|unsubscribe PLAN EMAIL` for a chair's weekly digest of a plan. Without
 * `--dry-run` the messages really go, through the same notifier and ledger as the server's.
 */
export function registerJobs(program: Command, ctx: CliContext): void {
  const flags = (command: Command): Command =>
    command
      .option('--dry-run', 'show what would be sent, and send nothing')
      .option('--at <iso>', 'run as of this date-time (default: now)')
      .option('--json', 'print the report as JSON');
  flags(
    program
      .command('nudges')
      .description('Send the deadline prompts due now (or, with --dry-run, list them)'),
  ).action((opts: JobFlags) => runJob(ctx, 'nudges', opts));

  const digests = flags(
    program
      .command('digests')
      .description('Send the weekly digests (or, with --dry-run, show them); manage chair digests'),
  ).action((opts: JobFlags) => runJob(ctx, 'digests', opts));
  digests
    .command('subscribe')
    .description("Send a plan's weekly digest to someone (a panel's chair)")
    .argument('<plan>', 'plan id')
    .argument('<email>', 'their email, as in the people directory')
    .action(async (planId: string, email: string) => {
      const { repos } = await ctx.storage();
      const { subscribeToPlanDigest } = await import('../../services/digest-subscriptions');
      const { plan, changed } = await subscribeToPlanDigest(repos, planId, email);
      ctx.out(
        changed
          ? `${emailKey(email)} will get the weekly digest of "${plan.title}".`
          : `${emailKey(email)} already gets the weekly digest of "${plan.title}".`,
      );
    });
  digests
    .command('unsubscribe')
    .description("Stop a plan's weekly digest going to someone")
    .argument('<plan>', 'plan id')
    .argument('<email>', 'their email')
    .action(async (planId: string, email: string) => {
      const { repos } = await ctx.storage();
      const { unsubscribeFromPlanDigest } = await import('../../services/digest-subscriptions');
      const { plan, changed } = await unsubscribeFromPlanDigest(repos, planId, email);
      ctx.out(
        changed
          ? `${emailKey(email)} will no longer get the weekly digest of "${plan.title}".`
          : `${emailKey(email)} was not getting the weekly digest of "${plan.title}".`,
      );
    });
}
