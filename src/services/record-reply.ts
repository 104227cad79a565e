import type { Action, ActionUpdate, Plan } from '../domain/action';
import { canUpdate } from '../domain/permissions';
import type { Person } from '../domain/person';
import type { Status } from '../domain/status';
import { statusFromProgressNote } from '../domain/status-text';
import type { AwaitingReply } from '../storage/replies-repository';
import type { PlannedAction } from './my-actions';
import { recordUpdate } from './record-update';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

/**
 * How long after a recorded reply more text is taken as more detail on the same action. People
 * often say what they have to say in two or three messages; after this, text is read as new.
 */
export const REPLY_FOLLOW_UP_MS = 10 * 60 * 1000;

// Teams sends a message again when a turn is slow: the same words from the same person this soon
// are that resend (or a double send), not news.
const RESEND_MS = 2 * 60 * 1000;

/** A prompt waiting for a reply, with the actions it asked about that the person may update. */
export interface PendingReply {
  awaiting: AwaitingReply;
  /** In the prompt's order; actions since removed, or no longer the person's, are left out. */
  items: PlannedAction[];
}

/** A reply as recorded on one action. */
export interface RecordedReply {
  plan: Plan;
  /** The action as saved, its status the one read from the reply (or kept). */
  action: Action;
  previousStatus: Status;
  note: string;
}

type Repos = Pick<Repositories, 'plans' | 'actions' | 'updates' | 'replies'>;

/** What the person's last prompt is waiting for, or null when nothing is (or it expired). */
export async function pendingReply(
  repos: Repos,
  person: Pick<Person, 'email' | 'posts' | 'roles'>,
  now: Date,
): Promise<PendingReply | null> {
  const awaiting = await repos.replies.get(person.email, now);
  if (!awaiting) return null;
  const plans = new Map<string, Promise<Plan | null>>();
  const planOf = (id: string): Promise<Plan | null> => {
    if (!plans.has(id)) plans.set(id, repos.plans.get(id));
    return plans.get(id) as Promise<Plan | null>;
  };
  const found = await Promise.all(
    awaiting.items.map(async ({ planId, ref }) => {
      const [plan, action] = await Promise.all([planOf(planId), repos.actions.get(planId, ref)]);
      return plan && action && canUpdate(person, action) ? { plan, action } : null;
    }),
  );
  return { awaiting, items: found.filter((i): i is PlannedAction => i !== null) };
}

/** True when the wait is the short follow-up after a reply, not a prompt the bot sent. */
export function isFollowUp(awaiting: Pick<AwaitingReply, 'sentAt' | 'expiresAt'>): boolean {
  return Date.parse(awaiting.expiresAt) - Date.parse(awaiting.sentAt) <= REPLY_FOLLOW_UP_MS;
}

function isResend(update: ActionUpdate | undefined, email: string, note: string, now: Date) {
  return (
    update !== undefined &&
    update.source === 'reply' &&
    update.by === email &&
    update.note === note &&
    now.getTime() - Date.parse(update.at) < RESEND_MS
  );
}

/**
 * Records a free-text reply on an action: the status read from its words where they are clear
 * (else the status is kept), the note as written, source `reply`. A resend of the same reply is
 * not recorded twice.
 */
export async function recordReply(
  repos: Repos,
  input: {
    person: Pick<Person, 'email' | 'name' | 'posts' | 'roles'>;
    planId: string;
    ref: string;
    text: string;
    now: Date;
  },
): Promise<RecordedReply> {
  const { person, planId, ref, now } = input;
  const note = input.text.trim();
  const plan = await repos.plans.get(planId);
  if (!plan) throw refusals.planGone();
  const [latest] = await repos.updates.listForAction(planId, ref, 1);
  if (isResend(latest, person.email, note, now)) {
    const action = await repos.actions.get(planId, ref);
    if (!action) throw refusals.noSuchAction(plan.title, ref);
    return { plan, action, previousStatus: latest.statusFrom ?? action.status, note };
  }
  const inferred = statusFromProgressNote(note);
  const result = await recordUpdate(repos, {
    planId,
    ref,
    author: person,
    request: { status: inferred ?? undefined, note },
    source: 'reply',
    now,
    timezone: plan.timezone,
  });
  return {
    plan,
    action: result.action,
    previousStatus:
      (result.outcome === 'unchanged' ? null : result.update?.statusFrom) ?? result.action.status,
    note,
  };
}

/**
 * Ends the wait once a reply is recorded on some of the actions a prompt asked about, and opens
 * the short follow-up on those actions, so the next unrelated message is not filed on them. A
 * newer prompt (about other actions, or saved since `awaiting` was read) is left alone.
 */
export async function settleReply(
  repos: Pick<Repositories, 'replies'>,
  email: string,
  awaiting: AwaitingReply | null,
  replied: { planId: string; ref: string }[],
  now: Date,
): Promise<void> {
  if (!awaiting || replied.length === 0) return;
  const asked = replied.some((r) =>
    awaiting.items.some((i) => i.planId === r.planId && i.ref === r.ref),
  );
  if (!asked) return;
  if (await repos.replies.clear(email, awaiting.version)) {
    // A prompt sent between the clear and this write would be replaced; prompts go out once a
    // day at a set hour, so the window is a few milliseconds on a rare day.
    await repos.replies.set(
      email,
      replied.map(({ planId, ref }) => ({ planId, ref })),
      now,
      REPLY_FOLLOW_UP_MS,
    );
  }
}
