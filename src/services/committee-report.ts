import { buildCommitteeReport, type CommitteeReport } from '../domain/committee-report';
import type { Plan } from '../domain/action';
import { canSignOff } from '../domain/permissions';
import type { Person } from '../domain/person';
import { planNamed } from './plan-named';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

/** A committee report ready to save or send. */
export interface CommitteeReportFile {
  report: CommitteeReport;
  bytes: Buffer;
  /** A file name people recognise: the plan and the date. */
  fileName: string;
}

/**
 * Makes the committee's progress report on a plan as a Word document, and records its date on
 * the plan, so the next report says what changed since this one. Closed and archived plans can
 * be reported on too.
 */
export async function makeCommitteeReport(
  repos: Pick<Repositories, 'plans' | 'actions' | 'updates'>,
  planId: string,
  options: { now: Date; record?: boolean },
): Promise<CommitteeReportFile> {
  const plan = await repos.plans.get(planId);
  if (!plan) throw refusals.noSuchPlan(planId);
  const [actions, updates] = await Promise.all([
    repos.actions.listByPlan(planId),
    repos.updates.listForPlan(planId),
  ]);
  const report = buildCommitteeReport({ plan, actions, updates, now: options.now });
  // The Word writer is loaded with the first report, not with the bot.
  const { committeeReportDocx } = await import('../report/committee-docx');
  const bytes = await committeeReportDocx(report);
  if (options.record !== false) {
    const dates = plan.reportDates ?? [];
    if (!dates.includes(report.date)) {
      await repos.plans.save({ ...plan, reportDates: [...dates, report.date].sort() });
    }
  }
  return { report, bytes, fileName: `${plan.id}-progress-report-${report.date}.docx` };
}

/**
 * `report for <plan>` in Teams (chairs and admins): the plan named, and its report made for
 * its size without recording it (it is made again, and recorded, when the file is accepted).
 * Where a file cannot be sent (`deliverable` false) the plan is found but no report is made.
 */
export async function committeeReportNamed(
  repos: Pick<Repositories, 'plans' | 'actions' | 'updates'>,
  viewer: Pick<Person, 'roles'>,
  request: { planWords: string; deliverable: boolean; now: Date },
): Promise<{ plan: Plan; made: CommitteeReportFile | null }> {
  if (!canSignOff(viewer)) throw refusals.chairsOnly('ask for committee reports');
  const plan = await planNamed(repos, request.planWords, (id) => `report for ${id}`);
  if (!request.deliverable) return { plan, made: null };
  const made = await makeCommitteeReport(repos, plan.id, { now: request.now, record: false });
  return { plan, made };
}
