import type { Action, Plan } from '../domain/action';
import { isReachable } from '../domain/nudge-policy';
import { ownsAction } from '../domain/permissions';
import type { Person } from '../domain/person';
import { deliver, type Outgoing } from '../jobs/deliver';
import type { JobDeps, MessageReport } from '../jobs/job-context';
import { knownServiceUrl } from '../jobs/job-inputs';
import type { OutgoingMessage } from '../notify/outgoing-message';
import { refusals } from './refusals';

/** The ledger's name for first messages: one row per person per plan, so each goes once. */
export const FIRST_MESSAGES_JOB = 'first-messages';

/** One owner's first message: who, and their open actions in the plan. */
export interface FirstMessage {
  person: Person;
  actions: Action[];
}

/** The owners of a plan's open actions, one entry per person, in directory order. */
export function firstMessagesFor(plan: Plan, actions: Action[], people: Person[]): FirstMessage[] {
  const open = actions.filter((a) => a.planId === plan.id && a.status !== 'complete');
  return people
    .map((person) => ({ person, actions: open.filter((a) => ownsAction(person, a)) }))
    .filter((m) => m.actions.length > 0);
}

/** What sending the first messages did, per person. */
export interface FirstMessagesReport {
  plan: Plan;
  messages: MessageReport[];
}

/**
 * Sends each owner of a plan's open actions one "here are your actions" message through the
 * notifier and the send ledger (run key: the plan), so pressing the button twice, or on two
 * instances, sends each person one message. People the bot cannot reach yet are reported.
 */
export async function sendFirstMessages(
  deps: Pick<JobDeps, 'repos' | 'notifier' | 'now'>,
  planId: string,
  build: (message: FirstMessage, plan: Plan) => OutgoingMessage,
): Promise<FirstMessagesReport> {
  const plan = await deps.repos.plans.get(planId);
  if (!plan) throw refusals.planGone();
  const [actions, people] = await Promise.all([
    deps.repos.actions.listByPlan(plan.id),
    deps.repos.people.list(),
  ]);
  const wanted = firstMessagesFor(plan, actions, people);
  const report = (m: FirstMessage): Omit<MessageReport, 'outcome'> => ({
    to: m.person.email,
    name: m.person.name,
    target: m.person.email,
    items: m.actions.map((a) => ({ planId: plan.id, ref: a.ref, reason: 'first message' })),
  });
  const noContact: MessageReport[] = wanted
    .filter((m) => !isReachable(m.person))
    .map((m) => ({ ...report(m), outcome: 'no-contact', reason: 'Has not used the bot yet' }));
  const outgoing: Outgoing[] = wanted
    .filter((m) => isReachable(m.person))
    .map((m) => ({
      target: m.person.email,
      person: m.person,
      payload: {
        items: m.actions.map((a) => ({ planId: plan.id, ref: a.ref })),
        summary: `${m.actions.length} actions`,
      },
      compose: () => build(m, plan),
      report: report(m),
    }));
  const sent = await deliver(
    deps,
    {
      job: FIRST_MESSAGES_JOB,
      runKey: plan.id,
      concurrency: deps.notifier.concurrency,
      serviceUrl: knownServiceUrl(people),
    },
    outgoing,
  );
  return { plan, messages: [...sent, ...noContact] };
}
