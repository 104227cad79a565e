import { effectiveDue, type Action, type ActionUpdate, type Plan } from './action';
import { isReachable } from './nudge-policy';
import { daysBetween, daysLate, formatDate, localDate } from './overdue';
import { ownsAction } from './permissions';
import { emailKey, type Person } from './person';
import { countByStatus, isFinished, type Status } from './status';
import { sentenceCase } from './text-case';

export { digestRunKey, isDigestTime, type DigestDay } from './digest-schedule';

/** Days ahead the digest looks for actions falling due. */
export const DUE_SOON_DAYS = 14;

/** Days back a prompt still waiting for an answer is chased (the sources must reach as far). */
export const NOT_ANSWERED_DAYS = 28;

/** An action falling due soon, as the digest lists it. */
export interface DueSoonEntry {
  planTitle: string;
  ref: string;
  owners: string[];
  /** The (revised) due date, YYYY-MM-DD. */
  due: string;
  /** Days from today to the due date: 0 on the day. */
  daysLeft: number;
}

/** Someone prompted who has not answered, with how long the oldest prompt has waited. */
export interface NotAnsweredEntry {
  name: string;
  email: string;
  /** The actions they were asked about and have not updated since, in ref order. */
  refs: string[];
  /** Whole days since the first of those prompts. */
  waitingDays: number;
}

/** A weekly digest as a head of service or chair receives it. */
export interface Digest {
  /** "Weekly digest: Democratic services": sentence case, whatever the plan's title. */
  title: string;
  /** What kind of digest: "Weekly digest". */
  heading: string;
  /** What it is about: the service, the head's name, or the plan's title in sentence case. */
  subject: string;
  /** "Week to 7 March 2022". */
  periodLabel: string;
  counts: Record<Status, number>;
  /** Updates recorded in the period, newest first; `at` is an ISO instant. */
  changed: {
    planTitle: string;
    ref: string;
    byName: string;
    at: string;
    statusFrom: Status | null;
    statusTo: Status;
    note: string | null;
  }[];
  /** Overdue actions, the latest first. */
  overdue: { planTitle: string; ref: string; owners: string[]; daysLate: number }[];
  /** Actions falling due in the next {@link DUE_SOON_DAYS} days, soonest first. */
  dueSoon: DueSoonEntry[];
  /**
   * People prompted in the last {@link NOT_ANSWERED_DAYS} days who have not answered, longest
   * waiting first.
   */
  notAnswered: NotAnsweredEntry[];
  /** Actions late enough to raise with their owners' managers. */
  escalate: { planTitle: string; ref: string; owners: string[]; daysLate: number }[];
  /** People the bot could not send prompts to (blocked it, or removed the app). */
  unreachable: { name: string; email: string; reason: string }[];
  /** Time zone for the times shown; Europe/London when omitted. */
  timezone?: string;
}

/** A head of service's (or a chair's) weekly digest. */
export type ServiceDigest = Digest;

/** A prompt sent in the digest's week, as the ledger recorded it. */
export interface DigestPrompt {
  email: string;
  planId: string;
  ref: string;
  /** ISO instant the prompt was sent. */
  sentAt: string;
  /** Set when the caller already knows the prompt was answered; otherwise updates decide. */
  answered?: boolean;
}

/** What every digest is built from. `updates` and `prompts` may reach back further than a week. */
interface DigestSources {
  people: Person[];
  actions: { action: Action; plan: Plan }[];
  updates: ActionUpdate[];
  prompts: DigestPrompt[];
  now: Date;
  /** Days overdue past which an action is flagged for escalation. */
  escalateDays: number;
  timezone: string;
}

/** What a head of service's digest is built from. */
export interface ServiceDigestInput extends DigestSources {
  head: Person;
}

/** What a chair's digest of one plan is built from. */
export interface PlanDigestInput extends Omit<DigestSources, 'actions'> {
  plan: Plan;
  actions: Action[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

const actionKey = (planId: string, ref: string): string => `${planId}\u0000${ref}`;

const sameText = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

function lateList(actions: { action: Action; plan: Plan }[], now: Date): Digest['overdue'] {
  return actions
    .map(({ action, plan }) => ({
      planTitle: plan.title,
      ref: action.ref,
      owners: [...action.owners],
      daysLate: daysLate(action, now, plan.timezone),
    }))
    .filter((entry) => entry.daysLate > 0)
    .sort(
      (a, b) =>
        b.daysLate - a.daysLate ||
        a.planTitle.localeCompare(b.planTitle) ||
        a.ref.localeCompare(b.ref, 'en', { numeric: true }),
    );
}

/** Open actions due from today to {@link DUE_SOON_DAYS} days ahead, soonest first. */
function dueSoonList(actions: { action: Action; plan: Plan }[], now: Date): DueSoonEntry[] {
  const entries: DueSoonEntry[] = [];
  for (const { action, plan } of actions) {
    const due = effectiveDue(action);
    if (!due || isFinished(action.status) || action.status === 'paused') continue;
    const daysLeft = daysBetween(localDate(now, plan.timezone), due);
    if (daysLeft < 0 || daysLeft > DUE_SOON_DAYS) continue;
    entries.push({
      planTitle: plan.title,
      ref: action.ref,
      owners: [...action.owners],
      due,
      daysLeft,
    });
  }
  return entries.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      a.planTitle.localeCompare(b.planTitle) ||
      a.ref.localeCompare(b.ref, 'en', { numeric: true }),
  );
}

/** Why the bot cannot prompt a person, or null when it can. */
function unreachableReason(person: Person): string | null {
  if (person.unreachable) {
    return person.unreachable.reason.trim() || 'Messages to them could not be delivered';
  }
  if (!isReachable(person)) return 'Has not used the bot in Teams yet';
  return null;
}

/** An update as the digest lists it. */
export type DigestChange = Digest['changed'][number];

/**
 * People's updates (never an import's), newest first, as a digest lists them; `planTitleOf`
 * names each one's plan.
 */
export function changedEntries(
  updates: readonly ActionUpdate[],
  planTitleOf: (update: ActionUpdate) => string,
): DigestChange[] {
  return updates
    .filter((u) => u.source !== 'import')
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((u) => ({
      planTitle: planTitleOf(u),
      ref: u.ref,
      byName: u.byName,
      at: u.at,
      statusFrom: u.statusFrom,
      statusTo: u.statusTo,
      note: u.note,
    }));
}

/**
 * The digest of a set of actions. `people` are those the digest speaks for: prompts to others
 * are not chased here, and only people holding posts are listed as unreachable.
 */
function buildDigest(
  subject: string,
  scope: { action: Action; plan: Plan }[],
  people: Person[],
  sources: Omit<DigestSources, 'actions' | 'people'> & { directory: Person[] },
): ServiceDigest {
  const { now, timezone } = sources;
  const from = now.getTime() - WEEK_MS;
  const inWeek = (iso: string): boolean => {
    const t = Date.parse(iso);
    return t > from && t <= now.getTime();
  };
  const byKey = new Map(
    scope.map((entry) => [actionKey(entry.action.planId, entry.action.ref), entry]),
  );

  const counts = countByStatus(scope.map((entry) => entry.action));

  const changed = changedEntries(
    sources.updates.filter((u) => inWeek(u.at) && byKey.has(actionKey(u.planId, u.ref))),
    (u) => byKey.get(actionKey(u.planId, u.ref))?.plan.title ?? u.planId,
  );

  const overdue = lateList(scope, now);
  const escalate = overdue.filter((entry) => entry.daysLate > sources.escalateDays);

  const emails = new Set(people.map((p) => emailKey(p.email)));
  const chaseFrom = now.getTime() - NOT_ANSWERED_DAYS * DAY_MS;
  // The latest update each person made on each action: a prompt after it is still waiting.
  const lastUpdate = new Map<string, number>();
  for (const u of sources.updates) {
    const key = `${emailKey(u.by)}|${actionKey(u.planId, u.ref)}`;
    lastUpdate.set(key, Math.max(lastUpdate.get(key) ?? 0, Date.parse(u.at)));
  }
  const waiting = new Map<string, Map<string, { ref: string; since: number }>>();
  for (const prompt of sources.prompts) {
    const email = emailKey(prompt.email);
    const key = actionKey(prompt.planId, prompt.ref);
    const entry = byKey.get(key);
    const sent = Date.parse(prompt.sentAt);
    if (!entry || !emails.has(email) || !(sent > chaseFrom && sent <= now.getTime())) continue;
    if (isFinished(entry.action.status) || prompt.answered) continue;
    if ((lastUpdate.get(`${email}|${key}`) ?? 0) > sent) continue;
    const asked = waiting.get(email) ?? new Map<string, { ref: string; since: number }>();
    const earlier = asked.get(key);
    asked.set(key, { ref: prompt.ref, since: Math.min(earlier?.since ?? sent, sent) });
    waiting.set(email, asked);
  }
  const nameOf = (email: string): string =>
    sources.directory.find((p) => emailKey(p.email) === email)?.name ?? email;
  const notAnswered = [...waiting.entries()]
    .map(([email, asked]) => {
      const list = [...asked.values()];
      const since = Math.min(...list.map((a) => a.since));
      return {
        name: nameOf(email),
        email,
        refs: [...new Set(list.map((a) => a.ref))].sort((a, b) =>
          a.localeCompare(b, 'en', { numeric: true }),
        ),
        waitingDays: Math.floor((now.getTime() - since) / DAY_MS),
      };
    })
    .sort((a, b) => b.waitingDays - a.waitingDays || a.name.localeCompare(b.name));

  const unreachable = people
    .filter((p) => p.posts.length > 0)
    .flatMap((p) => {
      const reason = unreachableReason(p);
      return reason ? [{ name: p.name, email: p.email, reason }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const title = sentenceCase(subject);
  return {
    title: `Weekly digest: ${title}`,
    heading: 'Weekly digest',
    subject: title,
    periodLabel: `Week to ${formatDate(localDate(now, timezone))}`,
    counts,
    changed,
    overdue,
    dueSoon: dueSoonList(scope, now),
    notAnswered,
    escalate,
    unreachable,
    timezone,
  };
}

function uniqueByEmail(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const email = emailKey(p.email);
    if (seen.has(email)) return false;
    seen.add(email);
    return true;
  });
}

/**
 * A head of service's weekly digest: the actions owned by posts whose holders are in the head's
 * service (service names compared without regard to case), plus the head's own posts.
 */
export function buildServiceDigest(input: ServiceDigestInput): ServiceDigest {
  const { head } = input;
  const members = uniqueByEmail([
    head,
    ...(head.service ? input.people.filter((p) => sameText(p.service, head.service)) : []),
  ]);
  const posts = members.flatMap((p) => p.posts);
  const scope = input.actions.filter(({ action }) => ownsAction({ posts }, action));
  return buildDigest(head.service?.trim() || head.name, scope, members, {
    ...input,
    directory: input.people,
  });
}

/**
 * A chair's weekly digest of one plan they opted in to: the same sections, for that plan only.
 * Prompts are chased and unreachable owners listed for the holders of the plan's owner posts.
 */
export function buildPlanDigest(input: PlanDigestInput): ServiceDigest {
  const { plan } = input;
  const scope = input.actions
    .filter((action) => action.planId === plan.id)
    .map((action) => ({ action, plan }));
  const owners = uniqueByEmail(
    input.people.filter((p) => scope.some(({ action }) => ownsAction(p, action))),
  );
  return buildDigest(plan.title, scope, owners, {
    ...input,
    directory: input.people,
  });
}
