import { DateTime } from 'luxon';
import type { Action, ActionUpdate, Plan } from './action';
import { formatDate, localDate } from './overdue';
import { displayStatus, isAwaitingSignOff } from './sign-off';
import { ragOf, statusLabel, STATUSES, type Rag } from './status';

/** One row of the committee's progress table. */
export interface ReportRow {
  ref: string;
  recommendation: string;
  agreedAction: string;
  leadOfficer: string;
  originalTimescale: string;
  revisedTimescale: string;
  /** The status in the plan's words, always shown as text beside its colour. */
  status: string;
  rag: Rag;
  latestUpdate: string;
  signedOff: string;
}

/** The committee's progress report on a plan, ready to lay out. */
export interface CommitteeReport {
  title: string;
  committee: string | null;
  /** The report's date in words ("25 November 2026") and as `YYYY-MM-DD`. */
  dateText: string;
  date: string;
  /** Counts by status in the plan's words; statuses with no actions are left out. */
  counts: { label: string; count: number }[];
  total: number;
  awaitingSignOff: number;
  /** The date of the previous report (`YYYY-MM-DD`, and in words), or null for the first. */
  previousReport: string | null;
  previousReportText: string | null;
  /** What changed since the previous report, a sentence each. */
  changes: string[];
  rows: ReportRow[];
}

/** Most changes listed one by one in the summary; the rest are counted. */
export const MAX_CHANGES_LISTED = 12;

function original(action: Action): string {
  const text = action.timescale.trim();
  if (!action.due) return text;
  return text ? `${text} (${formatDate(action.due)})` : formatDate(action.due);
}

function revised(action: Action): string {
  const parts: string[] = [];
  if (action.revisedDue) {
    parts.push(
      `${formatDate(action.revisedDue)}${action.revisedReason ? `: ${action.revisedReason}` : ''}`,
    );
  }
  if (action.status === 'paused' && action.reviewDate) {
    parts.push(`Review ${formatDate(action.reviewDate)}`);
  }
  return parts.join('. ');
}

function latest(action: Action, plan: Plan): string {
  const reason = action.statusReason
    ? `${statusLabel(action.status, plan.labels)}: ${action.statusReason}`
    : '';
  const note = action.lastNote ?? '';
  const when = action.lastUpdateAt
    ? ` (${action.lastUpdateBy ?? 'unknown'}, ${formatDate(localDate(new Date(action.lastUpdateAt), plan.timezone))})`
    : '';
  return [reason, note ? `${note}${when}` : ''].filter(Boolean).join('. ');
}

function signedOff(action: Action, plan: Plan): string {
  if (action.signedOffAt) {
    const day = formatDate(localDate(new Date(action.signedOffAt), plan.timezone));
    return action.signedOffBy ? `${day} by ${action.signedOffBy}` : day;
  }
  return isAwaitingSignOff(action, plan) ? 'Awaiting sign-off' : '';
}

function describeChange(u: ActionUpdate, plan: Plan): string | null {
  if (u.event === 'signed-off') return `Action ${u.ref} was signed off by ${u.byName}.`;
  if (u.event === 'reopened') return `Action ${u.ref} was reopened by ${u.byName}.`;
  if (u.statusFrom && u.statusFrom !== u.statusTo) {
    return `Action ${u.ref}: ${statusLabel(u.statusFrom, plan.labels)} to ${statusLabel(u.statusTo, plan.labels)}.`;
  }
  if (u.dueTo) return `Action ${u.ref}: new date ${formatDate(u.dueTo)}.`;
  return null;
}

/**
 * The committee's progress report on a plan at `now`: counts by status, what changed since the
 * previous report (status changes, new dates, sign-offs and reopenings; notes alone are in the
 * table), and one row per action in the plan's order.
 */
export function buildCommitteeReport(input: {
  plan: Plan;
  actions: Action[];
  updates: ActionUpdate[];
  now: Date;
}): CommitteeReport {
  const { plan, actions, now } = input;
  const date = localDate(now, plan.timezone);
  const previous = [...(plan.reportDates ?? [])].filter((d) => d < date).pop() ?? null;
  const since = previous
    ? (DateTime.fromISO(previous, { zone: plan.timezone }).plus({ days: 1 }).toUTC().toISO() ?? '')
    : null;
  const changes = since
    ? input.updates
        .filter((u) => u.source !== 'import' && u.at >= since)
        .sort(
          (a, b) => a.at.localeCompare(b.at) || a.ref.localeCompare(b.ref, 'en', { numeric: true }),
        )
        .map((u) => describeChange(u, plan))
        .filter((line): line is string => line !== null)
    : [];
  const listed = changes.slice(0, MAX_CHANGES_LISTED);
  if (changes.length > listed.length)
    listed.push(`And ${changes.length - listed.length} more changes.`);
  return {
    title: plan.title,
    committee: plan.committee,
    dateText: formatDate(date),
    date,
    counts: STATUSES.map((s) => ({
      label: statusLabel(s, plan.labels),
      count: actions.filter((a) => a.status === s).length,
    })).filter((c) => c.count > 0),
    total: actions.length,
    awaitingSignOff: actions.filter((a) => isAwaitingSignOff(a, plan)).length,
    previousReport: previous,
    previousReportText: previous ? formatDate(previous) : null,
    changes: listed,
    rows: actions.map((a) => ({
      ref: a.ref,
      recommendation: a.recommendation,
      agreedAction: a.proposedAction,
      leadOfficer: a.owners.join('; '),
      originalTimescale: original(a),
      revisedTimescale: revised(a),
      status: displayStatus(a, plan),
      rag: ragOf(a.status, plan.labels),
      latestUpdate: latest(a, plan),
      signedOff: signedOff(a, plan),
    })),
  };
}
