import { buildNoticeCard } from '../cards/notice-card';
import { isReachable } from '../domain/nudge-policy';
import { hasRole, type Person } from '../domain/person';
import type { MessageReport } from '../notify/message-report';
import type { Outgoing } from '../notify/deliver';

/** Ledger target of the admin report, in the same run as the messages it reports on. */
export function adminReportTarget(email: string): string {
  return `admin-report|${email}`;
}

/** One line per person who could not be reached, in plain words. */
export function unreachableLines(messages: MessageReport[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const m of messages) {
    if (m.outcome !== 'unreachable' && m.outcome !== 'no-contact') continue;
    if (seen.has(m.to)) continue;
    seen.add(m.to);
    lines.push(`${m.name} (${m.to}): ${m.reason ?? 'could not be reached'}`);
  }
  return lines.sort((a, b) => a.localeCompare(b));
}

/**
 * The report to admins of the people a run could not reach (Teams refused, or they have never
 * used the bot), one message per admin per run. Admins the bot cannot reach are reported back
 * as `no-contact`.
 */
export function adminReportMessages(
  sends: string,
  people: Person[],
  messages: MessageReport[],
): { outgoing: Outgoing[]; noContact: MessageReport[] } {
  const lines = unreachableLines(messages);
  if (lines.length === 0) return { outgoing: [], noContact: [] };
  const title = `I couldn’t send ${sends} to ${lines.length === 1 ? '1 person' : `${lines.length} people`}`;
  const admins = people.filter((p) => hasRole(p, 'admin'));
  const outgoing: Outgoing[] = [];
  const noContact: MessageReport[] = [];
  for (const admin of admins) {
    const report = { to: admin.email, name: admin.name, target: adminReportTarget(admin.email) };
    if (!isReachable(admin)) {
      noContact.push({
        ...report,
        outcome: 'no-contact',
        reason: 'Has not used the bot in Teams yet',
      });
      continue;
    }
    outgoing.push({
      target: report.target,
      person: admin,
      payload: { summary: title },
      report: { ...report, title },
      compose: () => ({
        card: buildNoticeCard({
          title,
          lines: [
            ...lines,
            'Ask them to open Action Plan Bot in Teams (or install it for them), then they will get the next ones.',
          ],
          style: 'warning',
        }),
        summary: title,
      }),
    });
  }
  return { outgoing, noContact };
}
