import type { Action, ActionUpdate, Plan } from '../domain/action';
import {
  buildPlanDigest,
  buildServiceDigest,
  NOT_ANSWERED_DAYS,
  type Digest,
  type DigestPrompt,
} from '../domain/digest';
import { localDate } from '../domain/overdue';
import { emailKey, hasRole, type Person } from '../domain/person';
import { PROMPTS_JOB } from '../domain/nudge-policy';
import { loadPlansAndActions } from './my-actions';
import { refusals } from './refusals';
import type { Repositories } from './repositories';

/** The settings a digest is built with. */
export interface DigestSettings {
  timezone: string;
  escalateDays: number;
}

/** Everything the week's digests are built from, as of `at`. */
export interface DigestSources {
  plans: Plan[];
  actions: { action: Action; plan: Plan }[];
  people: Person[];
  updates: ActionUpdate[];
  prompts: DigestPrompt[];
}

// As far back as a prompt still unanswered is chased, and a day more, with the updates since
// (an update after a prompt answers it).
const LOOKBACK_MS = (NOT_ANSWERED_DAYS + 1) * 24 * 60 * 60 * 1000;

/** Reads what the digests as of `at` are built from: plans, actions, people, updates, prompts. */
export async function loadDigestSources(
  repos: Repositories,
  settings: DigestSettings,
  at: Date,
): Promise<DigestSources> {
  const { plans, actions } = await loadPlansAndActions(repos);
  const people = await repos.people.list();
  const since = new Date(at.getTime() - LOOKBACK_MS);
  const updates = (
    await Promise.all(plans.map((p) => repos.updates.listForPlan(p.id, since.toISOString())))
  ).flat();
  const prompts = await repos.ledger.listPrompts(
    PROMPTS_JOB,
    localDate(since, settings.timezone),
    localDate(at, settings.timezone),
  );
  return { plans, actions, people, updates, prompts };
}

/** The common part of every digest's input. */
export function digestInput(sources: DigestSources, settings: DigestSettings, at: Date) {
  return {
    people: sources.people,
    updates: sources.updates,
    prompts: sources.prompts,
    now: at,
    escalateDays: settings.escalateDays,
    timezone: settings.timezone,
  };
}

/** Which digest a card shows: a head's service digest, or a plan's digest for its chairs. */
export type DigestWhich = 'service' | `plan|${string}`;

/**
 * One digest as of `at`, for the person asking again (a digest card turning a page): a head's
 * own service digest, or a plan's digest for a chair who receives it (or any chair or admin).
 */
export async function digestFor(
  repos: Repositories,
  settings: DigestSettings,
  person: Person,
  which: DigestWhich,
  at: Date,
): Promise<Digest> {
  const sources = await loadDigestSources(repos, settings, at);
  const input = digestInput(sources, settings, at);
  if (which === 'service') {
    if (!hasRole(person, 'head')) throw refusals.summariesNotAllowed();
    return buildServiceDigest({ ...input, head: person, actions: sources.actions });
  }
  const plan = sources.plans.find((p) => p.id === which.slice('plan|'.length));
  if (!plan) throw refusals.planGone();
  const receives = plan.chairDigestEmails.some((e) => emailKey(e) === emailKey(person.email));
  if (!receives && !hasRole(person, 'chair') && !hasRole(person, 'admin')) {
    throw refusals.summariesNotAllowed();
  }
  const own = sources.actions.filter((a) => a.plan.id === plan.id).map((a) => a.action);
  return buildPlanDigest({ ...input, plan, actions: own });
}
