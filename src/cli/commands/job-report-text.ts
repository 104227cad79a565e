import { JOBS, type JobReport, type MessageOutcome, type MessageReport } from '../../jobs';

const HEADINGS: Record<MessageOutcome, string> = {
  'would-send': 'Would send',
  sent: 'Sent',
  'already-sent': 'Already sent earlier in this run period',
  'in-progress': 'Being sent by another run',
  failed: 'Failed (the next run tries again)',
  unreachable: 'Could not be reached in Teams',
  uncertain: 'May or may not have arrived (an earlier run stopped mid-send; not resent)',
  'no-contact': 'Not contactable (never used the bot, or not in the directory)',
  deferred: 'Left for the next run (over the per-run maximum)',
};

function line(m: MessageReport): string {
  const about = m.items
    ? m.items.map((i) => `${i.planId} ${i.ref} (${i.reason})`).join(', ')
    : (m.title ?? '');
  const reason = m.reason ? ` — ${m.reason}` : '';
  return `  ${m.name} <${m.to}>: ${about}${reason}`;
}

/** A job report as lines for the terminal. */
export function jobReportText(report: JobReport): string[] {
  const what = JOBS[report.job].title;
  const lines = [
    `${what} for ${report.runKey} as of ${report.at}${report.dryRun ? ' (dry run: nothing sent)' : ''}`,
  ];
  if (!report.ran) return [...lines, report.note ?? 'Not run.'];
  if (report.messages.length === 0) lines.push('  Nothing to send.');
  for (const outcome of Object.keys(HEADINGS) as MessageOutcome[]) {
    const group = report.messages.filter((m) => m.outcome === outcome);
    if (group.length === 0) continue;
    lines.push(`${HEADINGS[outcome]}: ${group.length}`, ...group.map(line));
  }
  if (report.adminReport.length > 0) {
    lines.push('Report to admins:');
    for (const m of report.adminReport) lines.push(`  ${m.name} <${m.to}>: ${m.outcome}`);
  }
  return lines;
}
