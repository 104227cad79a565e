import { DateTime } from 'luxon';
import { effectiveDue, type Action, type Plan } from './action';
import { daysBetween, DEFAULT_TIMEZONE, latenessOn, localDate, type Lateness } from './overdue';
import { ownsAction } from './permissions';
import { emailKey, type Person } from './person';
import { isFinished } from './status';
import { addDays, isWorkingDay } from './working-days';

export { isWorkingDay } from './working-days';

/** When officers are prompted about their actions (from NUDGE_* and TIMEZONE settings). */
export interface NudgePolicy {
  /** Local hour of a working day when prompts go out. */
  hour: number;
  /** Days before the due date when the "due soon" prompt is sent. */
  daysBefore: number;
  /** Days without an update before an open action is prompted. */
  staleDays: number;
  /** IANA time zone of the schedule. */
  timezone: string;
}

/** The defaults of the settings: 09:00 London time, two weeks' notice, a month of silence. */
export const DEFAULT_NUDGE_POLICY: NudgePolicy = {
  hour: 9,
  daysBefore: 14,
  staleDays: 30,
  timezone: DEFAULT_TIMEZONE,
};

/** The job that sends prompts: its ledger is the record of who was prompted about what, when. */
export const PROMPTS_JOB = 'nudges' as const;

/** Days between two prompts about the same overdue action. */
export const OVERDUE_REPEAT_DAYS = 7;

/** Why an action is in a nudge. */
export type NudgeReason = 'due-soon' | 'due-today' | 'overdue' | 'no-update' | 'paused-review';

/** One action a person is prompted about. */
export interface NudgeItem {
  action: Action;
  plan: Pick<Plan, 'id' | 'title' | 'timezone'>;
  reason: NudgeReason;
  /** Days past the (revised) due date; 0 unless overdue. */
  daysLate: number;
  /** How the action stands against its date on the day of the run. */
  lateness: Lateness;
}

/** Everything one person is prompted about in one run: one message, however many actions. */
export interface NudgeBatch {
  person: Person;
  /** True when the bot has a way to message them (a conversation reference or an AAD id). */
  reachable: boolean;
  /** Overdue first (latest first), then due today, due soon (soonest first), no recent update. */
  items: NudgeItem[];
}

/** What {@link nudgesDue} needs to decide who to prompt. */
export interface NudgesDueInput {
  actions: { action: Action; plan: Plan }[];
  people: Person[];
  /** Local date of the last prompt, keyed by {@link promptKey}. */
  lastPrompts: Map<string, string>;
  now: Date;
  policy: NudgePolicy;
}

/**
 * True at the policy's hour on a working day, in the policy's time zone. Luxon resolves the zone
 * at the instant given, so 09:00 London is 08:00Z in summer time and 09:00Z in winter.
 */
export function isNudgeTime(now: Date, policy: Pick<NudgePolicy, 'hour' | 'timezone'>): boolean {
  const local = DateTime.fromJSDate(now, { zone: policy.timezone });
  return local.isValid && local.hour === policy.hour && isWorkingDay(local.toISODate() ?? '');
}

/** The run key of a nudge run: its local date, so a second run the same day finds the first. */
export function nudgeRunKey(now: Date, policy: Pick<NudgePolicy, 'timezone'>): string {
  return localDate(now, policy.timezone);
}

/** The key of a person's last prompt about an action in {@link NudgesDueInput.lastPrompts}. */
export function promptKey(email: string, planId: string, ref: string): string {
  return `${emailKey(email)}|${planId}|${ref}`;
}

/** The key of an action in a person's snoozes. */
export function snoozeKey(planId: string, ref: string): string {
  return `${planId}/${ref}`;
}

/** True while the person has snoozed prompts about the action. */
export function isSnoozed(
  person: Pick<Person, 'snoozes'>,
  planId: string,
  ref: string,
  now: Date,
): boolean {
  const until = Date.parse(person.snoozes[snoozeKey(planId, ref)] ?? '');
  return Number.isFinite(until) && until > now.getTime();
}

/** True when the bot has a way to message the person proactively. */
export function isReachable(
  person: Pick<Person, 'conversationReference' | 'aadObjectId'>,
): boolean {
  return person.conversationReference !== null || Boolean(person.aadObjectId);
}

/**
 * Why a person should be prompted about an action today, or null. `lastPrompt` is the local date
 * of the last prompt this person had about it; `importedAt` (the plan's import) stands in for the
 * last update when there has been none. The rules:
 * - complete, not agreed and superseded actions never;
 * - paused actions only when their review date comes: once, on the first run on or after it;
 * - overdue: the first run after the due date, then weekly, whoever wrote last;
 * - due today: once, on the day;
 * - due soon: once inside the `daysBefore` window, so a window opening at a weekend or bank
 *   holiday is caught up on the next working day but never repeated;
 * - no update: open, no other reason, no update for `staleDays` and no prompt of any kind in that
 *   time (any prompt already asked for an update, so the last prompt's reason is not needed).
 */
export function nudgeReasonFor(
  action: Pick<Action, 'status' | 'due' | 'revisedDue' | 'lastUpdateAt' | 'reviewDate'>,
  lastPrompt: { date: string } | null,
  localToday: string,
  policy: NudgePolicy,
  importedAt: string | null = null,
): NudgeReason | null {
  if (isFinished(action.status)) return null;
  const last = lastPrompt?.date ?? null;
  if (action.status === 'paused') {
    const review = action.reviewDate ?? null;
    if (!review || localToday < review) return null;
    return last !== null && last >= review ? null : 'paused-review';
  }
  const due = effectiveDue(action);
  if (due) {
    const daysUntilDue = daysBetween(localToday, due);
    if (daysUntilDue < 0) {
      // ISO dates compare as text. A prompt on or after the due date starts the weekly cycle.
      const promptedSinceDue = last !== null && last >= due;
      const promptedThisWeek = last !== null && daysBetween(last, localToday) < OVERDUE_REPEAT_DAYS;
      return promptedSinceDue && promptedThisWeek ? null : 'overdue';
    }
    if (daysUntilDue === 0) return last === localToday ? null : 'due-today';
    if (daysUntilDue <= policy.daysBefore) {
      const windowOpened = addDays(due, -policy.daysBefore);
      return last !== null && last >= windowOpened ? null : 'due-soon';
    }
  }
  const since = action.lastUpdateAt ?? importedAt;
  if (!since || Number.isNaN(Date.parse(since))) return null;
  if (daysBetween(localDate(new Date(since), policy.timezone), localToday) < policy.staleDays)
    return null;
  if (last !== null && daysBetween(last, localToday) < policy.staleDays) return null;
  return 'no-update';
}

/** The order of the reasons on a nudge: most pressing first. */
export const NUDGE_REASON_ORDER: readonly NudgeReason[] = [
  'overdue',
  'due-today',
  'due-soon',
  'no-update',
  'paused-review',
];

const REASON_ORDER = Object.fromEntries(NUDGE_REASON_ORDER.map((r, i) => [r, i])) as Record<
  NudgeReason,
  number
>;

function compareItems(a: NudgeItem, b: NudgeItem): number {
  return (
    REASON_ORDER[a.reason] - REASON_ORDER[b.reason] ||
    b.daysLate - a.daysLate ||
    (effectiveDue(a.action) ?? '').localeCompare(effectiveDue(b.action) ?? '') ||
    a.plan.title.localeCompare(b.plan.title) ||
    a.action.ref.localeCompare(b.action.ref, 'en', { numeric: true })
  );
}

/**
 * A nudge's actions in the order they are listed: overdue first (the latest first), then due
 * today, due soon (soonest first), then those only lacking news; by plan and ref after that.
 */
export function orderNudgeItems(items: readonly NudgeItem[]): NudgeItem[] {
  return [...items].sort(compareItems);
}

/**
 * The actions each owner post names, found once per distinct owner text: comparing every
 * person's posts with every action's owners would cost people × actions post comparisons.
 */
function actionsByOwner(
  actions: NudgesDueInput['actions'],
): Map<string, NudgesDueInput['actions']> {
  const byOwner = new Map<string, NudgesDueInput['actions']>();
  for (const entry of actions) {
    for (const owner of entry.action.owners) {
      const list = byOwner.get(owner) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byOwner.set(owner, list);
    }
  }
  return byOwner;
}

/**
 * Who to prompt now, and about what: one batch per person listing every action of theirs that
 * needs attention. An action owned by two posts prompts both holders; snoozed actions are left
 * out for the person who snoozed them. Unreachable people are still returned, marked, so the
 * notifier can record why they were not sent anything.
 */
export function nudgesDue(input: NudgesDueInput): NudgeBatch[] {
  const { now, policy } = input;
  const byOwner = actionsByOwner(input.actions);
  const owners = [...byOwner.keys()];
  const batches: NudgeBatch[] = [];
  const seen = new Set<string>();
  for (const person of input.people) {
    const email = emailKey(person.email);
    if (seen.has(email)) continue;
    seen.add(email);
    const mine = new Set<NudgesDueInput['actions'][number]>();
    for (const owner of owners) {
      if (ownsAction(person, { owners: [owner] })) {
        for (const entry of byOwner.get(owner) ?? []) mine.add(entry);
      }
    }
    const items: NudgeItem[] = [];
    for (const { action, plan } of mine) {
      if (isSnoozed(person, action.planId, action.ref, now)) continue;
      const timezone = plan.timezone || policy.timezone;
      const last = input.lastPrompts.get(promptKey(email, action.planId, action.ref));
      const reason = nudgeReasonFor(
        action,
        last ? { date: last } : null,
        localDate(now, timezone),
        { ...policy, timezone },
        plan.importedAt,
      );
      if (!reason) continue;
      const lateness = latenessOn(action, localDate(now, timezone));
      items.push({ action, plan, reason, daysLate: lateness.daysLate, lateness });
    }
    if (items.length === 0) continue;
    batches.push({ person, reachable: isReachable(person), items: orderNudgeItems(items) });
  }
  return batches.sort((a, b) => a.person.email.localeCompare(b.person.email));
}
