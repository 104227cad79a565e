import type { Action, Plan } from '../domain/action';
import { isReachable } from '../domain/nudge-policy';
import { ownsAction } from '../domain/permissions';
import { myActionsList, type MyActionsList } from '../domain/my-actions';
import type { Person } from '../domain/person';
import { deliver, type DeliveryDeps, type Outgoing } from '../notify/deliver';
import type { MessageReport } from '../notify/message-report';
import type { OutgoingMessage } from '../notify/outgoing-message';
import { knownServiceUrl } from '../notify/service-url';
import { refusals } from './refusals';
import type { Repositories } from './repositories';

/** The ledger's name for first messages: one row per person per plan, so each goes once. */
export const FIRST_MESSAGES_JOB = 'first-messages';

/** One owner's first message: who, and their open actions in the plan. */
export interface FirstMessage {
  person: Person;
  actions: Action[];
}

/** A first message as it is composed: the owner's actions as their list shows them. */
export interface FirstMessageToSend extends FirstMessage {
  list: MyActionsList;
}

/** The owners of a plan's open actions, one entry per person, in directory order. */
export function firstMessagesFor(plan: Plan, actions: Action[], people: Person[]): FirstMessage[] {
  const open = actions.filter((a) => a.planId === plan.id && a.status !== 'complete');
  return people
    .map((person) => ({ person, actions: open.filter((a) => ownsAction(person, a)) }))
    .filter((m) => m.actions.length > 0);
}

/** What sending the first messages did, per person, and in three groups. */
export interface FirstMessagesReport {
  plan: Plan;
  messages: MessageReport[];
  /** Sent now. */
  sent: MessageReport[];
  /** Sent by an earlier press (or one still sending): not sent again. */
  before: MessageReport[];
  /** Not reached: no contact yet, unreachable, or the send failed. */
  missed: MessageReport[];
}

/** How many owners would get a first message from a plan as stored now. */
export async function firstMessageCount(
  repos: Pick<Repositories, 'plans' | 'actions' | 'people'>,
  planId: string,
): Promise<number> {
  const [plan, actions, people] = await Promise.all([
    repos.plans.get(planId),
    repos.actions.listByPlan(planId),
    repos.people.list(),
  ]);
  return plan ? firstMessagesFor(plan, actions, people).length : 0;
}

const GROUPS: Record<'sent' | 'before' | 'missed', readonly MessageReport['outcome'][]> = {
  sent: ['sent'],
  before: ['already-sent', 'in-progress'],
  missed: ['no-contact', 'unreachable', 'failed', 'uncertain'],
};

/**
 * Sends each owner of a plan's open actions one "here are your actions" message through the
 * notifier and the send ledger (run key: the plan), so pressing the button twice, or on two
 * instances, sends each person one message. People the bot cannot reach yet are reported, and
 * what was done goes to the import audit under the admin who asked.
 */
export async function sendFirstMessages(
  deps: DeliveryDeps & { repos: Repositories },
  request: { planId: string; by: Pick<Person, 'email' | 'name'> },
  build: (message: FirstMessageToSend, plan: Plan) => OutgoingMessage,
): Promise<FirstMessagesReport> {
  const { planId } = request;
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
      compose: () => {
        const owned = m.actions.map((action) => ({ action, plan }));
        return build({ ...m, list: myActionsList(owned, deps.now(), false) }, plan);
      },
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
  const messages = [...sent, ...noContact];
  const groups = {
    sent: messages.filter((m) => GROUPS.sent.includes(m.outcome)),
    before: messages.filter((m) => GROUPS.before.includes(m.outcome)),
    missed: messages.filter((m) => GROUPS.missed.includes(m.outcome)),
  };
  await deps.repos.importAudit.record({
    at: deps.now().toISOString(),
    step: 'first-messages',
    by: request.by.email,
    byName: request.by.name,
    fileName: plan.sourceFile ?? '',
    subject: plan.id,
    previewId: null,
    detail: `${groups.sent.length} sent, ${groups.before.length} sent before, ${groups.missed.length} not reached`,
  });
  return { plan, messages, ...groups };
}
