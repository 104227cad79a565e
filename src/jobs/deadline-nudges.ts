import { buildNudgeCardAt } from '../cards/nudge-card';
import { nudgeSummary } from '../domain/notification-summary';
import { localDate } from '../domain/overdue';
import {
  isNudgeTime,
  nudgeRunKey,
  nudgesDue,
  OVERDUE_REPEAT_DAYS,
  PROMPTS_JOB,
  type NudgeBatch,
} from '../domain/nudge-policy';
import type { Outgoing } from '../notify/deliver';
import type { SizedMessage } from '../notify/outgoing-message';
import { nudgePolicyOf, type JobDeps, type JobOptions, type JobReport } from './job-context';
import { loadPlansAndActions } from '../services/my-actions';
import type { JobDefinition } from './job-definition';
import { runPlannedJob, type JobPlan } from './run-planned';

/** The job's name: its lease, its ledger partition and its endpoint. */
export const NUDGES_JOB = PROMPTS_JOB;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The nudge message: the nudge card, with a summary for Teams' notification. It comes in sizes,
 * largest first: the notifier goes down them while a card is over the budget or Teams refuses
 * it as too large, so a prompt is sent with fewer actions rather than not at all.
 */
export function nudgeMessage(batch: NudgeBatch): SizedMessage {
  const summary = nudgeSummary(batch.items);
  return (step) => {
    const card = buildNudgeCardAt({ person: batch.person, items: batch.items }, step);
    return card ? { card, summary } : null;
  };
}

function outgoingOf(deps: JobDeps, batch: NudgeBatch): Outgoing {
  const { person } = batch;
  const items = batch.items.map((i) => ({ planId: i.action.planId, ref: i.action.ref }));
  return {
    // The target is the email: the ledger reads it back as who was prompted about what.
    target: person.email,
    person,
    payload: { items, summary: `${items.length} action${items.length === 1 ? '' : 's'}` },
    compose: () => nudgeMessage(batch),
    // The person's next plain-text reply is then taken as news of these actions.
    afterSent: async () => {
      await deps.repos.replies.set(person.email, items, deps.now());
    },
    report: {
      to: person.email,
      name: person.name,
      target: person.email,
      items: batch.items.map((i) => ({
        planId: i.action.planId,
        ref: i.action.ref,
        reason: i.reason,
      })),
    },
  };
}

/** Who is due a nudge as of `at`, read from storage: one batch per person. */
export async function nudgeBatches(
  deps: Pick<JobDeps, 'repos' | 'config'>,
  at: Date,
): Promise<{ people: JobPlan['people']; batches: NudgeBatch[] }> {
  const policy = nudgePolicyOf(deps.config);
  const { actions } = await loadPlansAndActions(deps.repos);
  const people = await deps.repos.people.list();
  // Far enough back for every rule: the due-soon window, the weekly overdue repeat, staleness.
  const lookback = Math.max(policy.daysBefore, policy.staleDays, OVERDUE_REPEAT_DAYS) + 1;
  const lastPrompts = await deps.repos.ledger.lastPromptDates(
    NUDGES_JOB,
    localDate(new Date(at.getTime() - lookback * DAY_MS), policy.timezone),
    nudgeRunKey(at, policy),
  );
  return { people, batches: nudgesDue({ actions, people, lastPrompts, now: at, policy }) };
}

/**
 * The deadline nudges: one message per person listing every action of theirs that needs
 * attention as of `at`. The run key is the local date, so the day's nudges go once however
 * often, and on however many instances, the job runs.
 */
export function runDeadlineNudges(deps: JobDeps, options: JobOptions): Promise<JobReport> {
  return runPlannedJob(deps, options, {
    job: NUDGES_JOB,
    sends: 'prompts',
    runKey: nudgeRunKey(options.at, nudgePolicyOf(deps.config)),
    mayHaveArrived: async (row) => {
      await deps.repos.replies.set(row.target, row.items, deps.now());
    },
    plan: async () => {
      const { people, batches } = await nudgeBatches(deps, options.at);
      return {
        people,
        messages: batches.map((batch) => {
          const outgoing = outgoingOf(deps, batch);
          return batch.reachable
            ? { outgoing }
            : { blocked: { ...outgoing.report, reason: 'Has not used the bot in Teams yet' } };
        }),
      };
    },
  });
}

/** The registry entry: weekdays at NUDGE_HOUR, except bank holidays. */
export const nudgesJob: JobDefinition = {
  title: 'Nudges',
  schedule: {
    hour: (config) => config.NUDGE_HOUR,
    isDue: (at, config) => isNudgeTime(at, nudgePolicyOf(config)),
  },
  run: runDeadlineNudges,
};
