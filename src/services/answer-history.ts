import { sentenceCase } from '../domain/text-case';
import type { ActionUpdate } from '../domain/action';
import { countByStatus } from '../domain/status';
import { changedEntries } from '../domain/digest';
import { addDays } from '../domain/working-days';
import { countLine, dayInWords, type AnswerScope } from './answer-scope';
import { sinceOf } from './answer-periods';
import type { AnswerDraft, AnswerInput } from './answer-types';

async function updatesOf(
  input: AnswerInput,
  scope: AnswerScope,
  since: string,
): Promise<ActionUpdate[]> {
  const keys = new Set(scope.items.map((i) => `${i.plan.id}\u0000${i.action.ref}`));
  const planIds = [...new Set(scope.items.map((i) => i.plan.id))];
  const lists = await Promise.all(
    planIds.map((id) => input.repos.updates.listForPlan(id, `${since}T00:00:00.000Z`)),
  );
  return lists.flat().filter((u) => u.source !== 'import' && keys.has(`${u.planId}\u0000${u.ref}`));
}

/** What changed in a period: the updates, on the digest card. */
export async function changes(
  input: AnswerInput,
  scope: AnswerScope,
  today: string,
): Promise<AnswerDraft> {
  const since = sinceOf(input, scope, today, addDays(today, -7));
  if ('message' in since) return { kind: 'message', line: since.message };
  const until = input.reading.slots.until;
  const updates = (await updatesOf(input, scope, since.date)).filter(
    (u) => !until || u.at.slice(0, 10) <= until,
  );
  const moved = new Set(updates.map((u) => `${u.planId}\u0000${u.ref}`)).size;
  const counts = countByStatus(scope.items.map((i) => i.action));
  const planTitles = new Map(scope.items.map((i) => [i.plan.id, i.plan.title]));
  const title = scope.planId ? input.world.planName(scope.planId) : 'All plans';
  const subject = sentenceCase(title.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase()));
  return {
    kind: 'changes',
    line: `${updates.length === 1 ? '1 update' : `${updates.length} updates`} on ${moved === 1 ? '1 action' : `${moved} actions`}${scope.subject ? ` ${scope.subject}` : ''} ${since.words}${until ? ` to ${dayInWords(until)}` : ''}.`,
    view: {
      title: `Changes: ${subject}`,
      heading: 'Changes',
      subject,
      periodLabel: `${since.words.replace(/^./, (c) => c.toUpperCase())}${until ? ` to ${dayInWords(until)}` : ''}`,
      counts,
      changed: changedEntries(updates, (u) => planTitles.get(u.planId) ?? u.planId),
      overdue: [],
      dueSoon: [],
      notAnswered: [],
      escalate: [],
      unreachable: [],
      timezone: input.timezone,
    },
  };
}

/** Complete actions, or those completed in a period. */
export async function completed(
  input: AnswerInput,
  scope: AnswerScope,
  today: string,
): Promise<AnswerDraft> {
  const { slots } = input.reading;
  const done = scope.items.filter((i) => i.action.status === 'complete');
  if (!slots.since && !slots.sinceLastMeeting) {
    return {
      kind: 'list',
      line: countLine(done.length, scope.items.length, scope.subject, 'complete'),
      heading: 'Complete',
      items: done,
      includeComplete: true,
    };
  }
  const since = sinceOf(input, scope, today, today);
  if ('message' in since) return { kind: 'message', line: since.message };
  const until = slots.until ?? today;
  const finished = new Set(
    (await updatesOf(input, scope, since.date))
      .filter((u) => u.statusTo === 'complete' && u.at.slice(0, 10) <= until)
      .map((u) => `${u.planId}\u0000${u.ref}`),
  );
  const hits = done.filter((i) => finished.has(`${i.plan.id}\u0000${i.action.ref}`));
  return {
    kind: 'list',
    line: countLine(hits.length, scope.items.length, scope.subject, `completed ${since.words}`),
    heading: `Completed ${since.words}`,
    items: hits,
    includeComplete: true,
  };
}
