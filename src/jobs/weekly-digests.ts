import { buildDigestCardAt } from '../cards/digest-card';
import {
  buildPlanDigest,
  buildServiceDigest,
  digestRunKey,
  NOT_ANSWERED_DAYS,
  type ServiceDigest,
} from '../domain/digest';
import { isDigestTime } from '../domain/digest-schedule';
import { digestSummary } from '../domain/notification-summary';
import { isReachable } from '../domain/nudge-policy';
import { localDate } from '../domain/overdue';
import { emailKey, hasRole, type Person } from '../domain/person';
import { STATUSES } from '../domain/status';
import type { Outgoing } from '../notify/deliver';
import { digestScheduleOf, type JobDeps, type JobOptions, type JobReport } from './job-context';
import type { JobDefinition } from './job-definition';
import { loadPlansAndActions } from '../services/my-actions';
import { NUDGES_JOB } from './deadline-nudges';
import { runPlannedJob, type PlannedMessage } from './run-planned';

/** The job's name: its lease, its ledger partition and its endpoint. */
export const DIGESTS_JOB = 'digests' as const;

// As far back as a prompt still unanswered is chased, and a day more, with the updates since
// (an update after a prompt answers it).
const LOOKBACK_MS = (NOT_ANSWERED_DAYS + 1) * 24 * 60 * 60 * 1000;

/** One digest of the week: who it is for, and what it says (null when they are not known). */
export interface PlannedDigest {
  target: string;
  email: string;
  person: Person | null;
  digest: ServiceDigest | null;
}

const size = (d: ServiceDigest): number => STATUSES.reduce((sum, s) => sum + d.counts[s], 0);

/**
 * The week's digests as of `at`: one per head of service (the actions of their service's posts;
 * none when those posts own no actions) and one per plan for each chair who opted in.
 */
export async function plannedDigests(
  deps: Pick<JobDeps, 'repos' | 'config'>,
  at: Date,
): Promise<{ people: Person[]; digests: PlannedDigest[] }> {
  const { config, repos } = deps;
  const { plans, actions } = await loadPlansAndActions(repos);
  const people = await repos.people.list();
  const since = new Date(at.getTime() - LOOKBACK_MS);
  const updates = (
    await Promise.all(plans.map((p) => repos.updates.listForPlan(p.id, since.toISOString())))
  ).flat();
  const prompts = await repos.ledger.listPrompts(
    NUDGES_JOB,
    localDate(since, config.TIMEZONE),
    localDate(at, config.TIMEZONE),
  );
  const sources = {
    people,
    updates,
    prompts,
    now: at,
    escalateDays: config.ESCALATE_DAYS,
    timezone: config.TIMEZONE,
  };
  const digests: PlannedDigest[] = [];
  for (const head of people.filter((p) => hasRole(p, 'head'))) {
    const digest = buildServiceDigest({ ...sources, head, actions });
    if (size(digest) > 0)
      digests.push({ target: `service|${head.email}`, email: head.email, person: head, digest });
  }
  for (const plan of plans) {
    const own = actions.filter((a) => a.plan.id === plan.id).map((a) => a.action);
    for (const raw of plan.chairDigestEmails) {
      const email = emailKey(raw);
      const person = people.find((p) => p.email === email) ?? null;
      const digest = person ? buildPlanDigest({ ...sources, plan, actions: own }) : null;
      digests.push({ target: `plan|${plan.id}|${email}`, email, person, digest });
    }
  }
  return { people, digests };
}

function planned(p: PlannedDigest): PlannedMessage {
  const report = {
    to: p.email,
    name: p.person?.name ?? p.email,
    target: p.target,
    ...(p.digest ? { title: p.digest.title } : {}),
  };
  if (!p.person || !p.digest) return { blocked: { ...report, reason: 'Not in the directory' } };
  if (!isReachable(p.person))
    return { blocked: { ...report, reason: 'Has not used the bot in Teams yet' } };
  const digest = p.digest;
  const outgoing: Outgoing = {
    target: p.target,
    person: p.person,
    payload: { summary: digest.title },
    // In sizes: fewer entries per section while the card is over the budget or Teams refuses it.
    compose: () => (step) => {
      const card = buildDigestCardAt(digest, step);
      return card ? { card, summary: digestSummary(digest) } : null;
    },
    report,
  };
  return { outgoing, preview: { digest } };
}

/**
 * The weekly digests. The run key is the ISO week, so each digest goes once a week however
 * often the job runs.
 */
export function runWeeklyDigests(deps: JobDeps, options: JobOptions): Promise<JobReport> {
  return runPlannedJob(deps, options, {
    job: DIGESTS_JOB,
    sends: 'weekly digests',
    runKey: digestRunKey(options.at, deps.config.TIMEZONE),
    plan: async () => {
      const { people, digests } = await plannedDigests(deps, options.at);
      return { people, messages: digests.map(planned) };
    },
  });
}

/** The registry entry: at DIGEST_HOUR on DIGEST_DAY, or the next working day of that week. */
export const digestsJob: JobDefinition = {
  title: 'Digests',
  schedule: {
    hour: (config) => config.DIGEST_HOUR,
    isDue: (at, config) => isDigestTime(at, digestScheduleOf(config)),
  },
  run: runWeeklyDigests,
};
