import { effectiveDue, type Action, type Plan } from '../domain/action';
import { canUpdate } from '../domain/permissions';
import { statusLabel } from '../domain/status';
import { summarisePlan } from '../domain/summary';
import { countLine, dayInWords, type AnswerScope } from './answer-scope';
import { open, type AnswerDraft, type AnswerInput } from './answer-types';
import { NO_PLANS } from './refusals';

/** One action, by its reference (and plan, when several plans have it). */
export async function oneAction(input: AnswerInput, scope: AnswerScope): Promise<AnswerDraft> {
  const ref = (input.reading.slots.ref ?? '').toLowerCase();
  const same = (a: Action): boolean =>
    a.ref.toLowerCase() === ref || a.ref.toLowerCase() === `r${ref}`;
  const candidates = input.world.actions.filter(
    (a) => same(a.action) && (!scope.planId || a.plan.id === scope.planId),
  );
  if (candidates.length === 0) {
    const where = scope.planId ? ` on ${input.world.planName(scope.planId)}` : '';
    return { kind: 'message', line: `I can't find action ${input.reading.slots.ref}${where}.` };
  }
  if (candidates.length > 1) {
    return {
      kind: 'choices',
      line: `Several plans have an action ${input.reading.slots.ref}. Which one did you mean?`,
      readings: candidates.slice(0, 3).map((c) => ({
        intent: 'action',
        slots: { ...input.reading.slots, plan: c.plan.id },
      })),
    };
  }
  const { action, plan } = candidates[0];
  const history = await input.repos.updates.listForAction(plan.id, action.ref, 10);
  const due = effectiveDue(action);
  return {
    kind: 'action',
    line: `Action ${action.ref} on ${input.world.planName(plan.id)} is ${statusLabel(action.status).toLowerCase()}${due && action.status !== 'complete' ? `, due ${dayInWords(due)}` : ''}.`,
    plan,
    action,
    history,
    canEdit: canUpdate(input.viewer, action),
  };
}

/** A plan's position, the plans list, or (for an officer or an owner) their open actions. */
export function position(input: AnswerInput, scope: AnswerScope): AnswerDraft {
  const { world, now } = input;
  if (
    scope.ownOnly ||
    input.reading.slots.service ||
    input.reading.slots.post ||
    input.reading.slots.person
  ) {
    const mine = open(scope.items);
    return {
      kind: 'list',
      line: countLine(
        mine.filter((i) => i.daysLate > 0).length,
        mine.length,
        scope.subject,
        'overdue',
        'open',
      ),
      heading: 'Open actions',
      items: mine,
      includeComplete: false,
    };
  }
  if (!scope.planId) {
    if (world.plans.length === 0) return { kind: 'message', line: NO_PLANS };
    const plans = world.plans.map((plan) => ({
      plan,
      summary: summarisePlan(
        plan,
        world.actions.filter((a) => a.plan.id === plan.id).map((a) => a.action),
        now,
      ),
    }));
    const late = plans.reduce((n, p) => n + p.summary.overdue.length, 0);
    return {
      kind: 'plans',
      line: `There are ${plans.length} plans; ${late === 1 ? '1 action is' : `${late} actions are`} overdue across them.`,
      plans,
    };
  }
  const plan = world.plans.find((p) => p.id === scope.planId) as Plan;
  const summary = summarisePlan(
    plan,
    scope.items.map((i) => i.action),
    now,
  );
  return {
    kind: 'summary',
    line: `${world.planName(plan.id).replace(/^the /, 'The ')} has ${summary.total === 1 ? '1 action' : `${summary.total} actions`}: ${summary.percentComplete}% complete, ${summary.overdue.length} overdue.`,
    summary,
    plan,
  };
}
