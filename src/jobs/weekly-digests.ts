import { buildDigestCardAt } from '../cards/digest-card';
import {
  buildPlanDigest,
  buildServiceDigest,
  digestRunKey,
  type ServiceDigest,
} from '../domain/digest';
import { isDigestTime } from '../domain/digest-schedule';
import { digestSummary } from '../domain/notification-summary';
import { isReachable } from '../domain/nudge-policy';
import { emailKey, hasRole, type Person } from '../domain/person';
import { STATUSES } from '../domain/status';
import type { Outgoing } from '../notify/deliver';
import { digestScheduleOf, type JobDeps, type JobOptions, type JobReport } from './job-context';
import type { JobDefinition } from './job-definition';
import { digestInput, loadDigestSources } from '../services/digest-sources';
import { runPlannedJob, type PlannedMessage } from './run-planned';

/** The job's name: its lease, its ledger partition and its endpoint. */
export const DIGESTS_JOB = 'digests' as const;

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
  const settings = { timezone: deps.config.TIMEZONE, escalateDays: deps.config.ESCALATE_DAYS };
  const loaded = await loadDigestSources(deps.repos, settings, at);
  const { plans, actions, people } = loaded;
  const sources = digestInput(loaded, settings, at);
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

/** Which digest a target is, as its card's page buttons name it: `service` or `plan|<id>`. */
function whichOf(target: string): string {
  return target.startsWith('plan|') ? `plan|${target.split('|')[1]}` : 'service';
}

function planned(p: PlannedDigest, at: Date): PlannedMessage {
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
      const card = buildDigestCardAt(digest, step, {
        which: whichOf(p.target),
        at: at.toISOString(),
      });
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
      return { people, messages: digests.map((d) => planned(d, options.at)) };
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
