import type { Person } from '../domain/person';
import type { LedgerEntry } from '../storage/ledger-entry';
import type { JobName } from './index';
import { deliver, settleMayHaveArrived, type Outgoing } from '../notify/deliver';
import { totalsOf, type MessageReport } from '../notify/message-report';
import { knownServiceUrl } from '../notify/service-url';
import { adminReportMessages } from './admin-report';
import type { JobDeps, JobOptions, JobReport } from './job-context';
import { splitAtLimit } from './job-inputs';
import { withLease } from './with-lease';

/** A message a job plans: sendable, or blocked (the person cannot be contacted). */
export type PlannedMessage =
  | { outgoing: Outgoing; preview?: Partial<MessageReport> }
  | { blocked: Omit<MessageReport, 'outcome'> & { reason: string } };

/** What a job plans for one run. */
export interface JobPlan {
  people: Person[];
  messages: PlannedMessage[];
}

/** The job being run. */
export interface PlannedJob {
  job: JobName;
  /** What the job sends, in the words of the admin report ("prompts"). */
  sends: string;
  runKey: string;
  plan: () => Promise<JobPlan>;
  /**
   * Remembers what a message asked, for one an earlier run may have delivered before it died
   * and that this run does not send again (see settleOrphans and `settleMayHaveArrived`).
   */
  mayHaveArrived?: (row: LedgerEntry) => Promise<void>;
}

/**
 * Rows an earlier run left `sending` when it died: the message may or may not have arrived. The
 * caller holds the job's lease, so no live run owns them; they are marked uncertain and reported
 * (never resent: a missing prompt is better than a duplicate).
 */
async function settleOrphans(deps: JobDeps, job: PlannedJob): Promise<MessageReport[]> {
  const rows = await deps.repos.ledger.listRun(job.job, job.runKey);
  const settled: MessageReport[] = [];
  const { mayHaveArrived } = job;
  for (const row of rows.filter((r) => r.state === 'sending')) {
    const remember = mayHaveArrived && ((): Promise<void> => mayHaveArrived(row));
    if (!(await settleMayHaveArrived(deps.repos.ledger, row, remember))) continue;
    const to = row.target.split('|').pop() ?? row.target;
    settled.push({
      to,
      name: to,
      target: row.target,
      outcome: 'uncertain',
      reason: 'An earlier run stopped while sending it; not resent',
    });
  }
  return settled;
}

/**
 * Runs a planned job: under the job's lease (unless a dry run), at most the per-run maximum of
 * messages through the ledger, then one report to admins of whoever could not be reached. A dry
 * run sends nothing and writes nothing, and reports what it would send.
 */
export async function runPlannedJob(
  deps: JobDeps,
  options: JobOptions,
  job: PlannedJob,
): Promise<JobReport> {
  const { at, dryRun } = options;
  const base = { job: job.job, runKey: job.runKey, at: at.toISOString(), dryRun };
  const run = async (): Promise<JobReport> => {
    const orphans = dryRun ? [] : await settleOrphans(deps, job);
    const { people, messages } = await job.plan();
    const noContact: MessageReport[] = [];
    const sendable: { outgoing: Outgoing; preview?: Partial<MessageReport> }[] = [];
    for (const m of messages) {
      if ('blocked' in m) noContact.push({ ...m.blocked, outcome: 'no-contact' });
      else sendable.push(m);
    }
    const limit = splitAtLimit(sendable, deps.maxPerRun ?? deps.config.JOBS_MAX_PER_RUN);
    const deferred = limit.later.map((m): MessageReport => ({
      ...m.outgoing.report,
      outcome: 'deferred',
    }));
    let sent: MessageReport[];
    let adminReport: MessageReport[];
    if (dryRun) {
      sent = limit.now.map((m) => ({ ...m.outgoing.report, ...m.preview, outcome: 'would-send' }));
      const admin = adminReportMessages(job.sends, people, [...sent, ...noContact]);
      adminReport = [
        ...admin.outgoing.map((o): MessageReport => ({ ...o.report, outcome: 'would-send' })),
        ...admin.noContact,
      ];
    } else {
      const runInfo = {
        job: job.job,
        runKey: job.runKey,
        concurrency: deps.concurrency ?? deps.notifier.concurrency,
        serviceUrl: knownServiceUrl(people),
      };
      sent = await deliver(
        deps,
        runInfo,
        limit.now.map((m) => m.outgoing),
      );
      const admin = adminReportMessages(job.sends, people, [...sent, ...noContact]);
      adminReport = [...(await deliver(deps, runInfo, admin.outgoing)), ...admin.noContact];
    }
    const all = [...orphans, ...sent, ...noContact, ...deferred];
    const totals = totalsOf(all);
    deps.logger.info({ job: job.job, runKey: job.runKey, dryRun, totals }, 'job run');
    return { ...base, ran: true, totals, messages: all, adminReport };
  };
  if (dryRun) return run();
  const leased = await withLease(deps.repos.leases, job.job, deps.holder, deps, run);
  if (leased.ran) return leased.value;
  return {
    ...base,
    ran: false,
    note: `Another run of the ${job.job} is under way (${leased.holder ?? 'unknown'}); it sends them.`,
    totals: totalsOf([]),
    messages: [],
    adminReport: [],
  };
}
