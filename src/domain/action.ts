import type { LabelScheme, Status } from './status';

/** An action plan as agreed by a committee or panel. */
export interface Plan {
  /** Slug, unique across the store (e.g. `ad-hoc-scrutiny-panel-members-communications`). */
  id: string;
  title: string;
  /** Date the plan was agreed or published, `YYYY-MM-DD`, when the document says. */
  date: string | null;
  /** Committee or panel that owns the plan, when known. */
  committee: string | null;
  sourceFile: string | null;
  importedAt: string;
  /** Who imported it (name and email) when it came in through Teams; absent for the CLI. */
  importedBy?: string | null;
  /** IANA time zone used to read due dates and schedule prompts. */
  timezone: string;
  /** Email of the chair who opted in to a weekly digest of this plan, if any. */
  chairDigestEmails: string[];
  /** False when completing an action closes it without a chair's sign-off (default true). */
  signOff?: boolean;
  /** The words the plan's cards and reports use for statuses (default `standard`). */
  labels?: LabelScheme;
  /** Open (default), closed (every action closed or signed off) or archived. */
  lifecycle?: PlanLifecycle;
  /** ISO instant the plan was closed or archived, when it was. */
  closedAt?: string | null;
  /** Dates (`YYYY-MM-DD`) of the committee reports made of this plan, oldest first. */
  reportDates?: string[];
  /** Dates of the committee's meetings about the plan (`YYYY-MM-DD`, sorted), when set. */
  meetings?: string[];
}

/** Where a plan is in its life: closed and archived plans leave summaries, prompts and digests. */
export type PlanLifecycle = 'open' | 'closed' | 'archived';

/** One row of a plan: a recommendation, what will be done, who owns it and by when. */
export interface Action {
  planId: string;
  /** The plan's own reference for the row ("1", "4", "R2.3"). */
  ref: string;
  recommendation: string;
  proposedAction: string;
  /** Post titles that own the action ("Head of Democratic Services"). */
  owners: string[];
  budget: string;
  /** The timescale exactly as written in the plan. */
  timescale: string;
  /** Due date read from the timescale, `YYYY-MM-DD` (last day of the period), or null. */
  due: string | null;
  /** A revised due date agreed since import, `YYYY-MM-DD`, with its reason. */
  revisedDue: string | null;
  revisedReason: string | null;
  status: Status;
  /** ISO instant of the last recorded update (not counting imports), or null. */
  lastUpdateAt: string | null;
  lastUpdateBy: string | null;
  lastNote: string | null;
  /** Why the action is paused, not agreed or superseded (null otherwise). */
  statusReason?: string | null;
  /** When a paused action is to be looked at again, `YYYY-MM-DD`; prompts resume that day. */
  reviewDate?: string | null;
  /** ISO instant a chair or admin signed off the completed action, and who (their name). */
  signedOffAt?: string | null;
  signedOffBy?: string | null;
  /** Opaque concurrency token: pass it back when writing to detect stale edits. */
  version: string;
}

/** Where an update came from. */
export type UpdateSource = 'card' | 'reply' | 'cli' | 'import' | 'command';

/** Audit entries that record a decision rather than progress. */
export type UpdateEvent = 'signed-off' | 'reopened';

/** One entry of an action's append-only audit trail. */
export interface ActionUpdate {
  id: string;
  planId: string;
  ref: string;
  /** ISO instant. */
  at: string;
  /** Email of the person, or a system name such as `import`. */
  by: string;
  byName: string;
  statusFrom: Status | null;
  statusTo: Status;
  note: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  reason: string | null;
  source: UpdateSource;
  /** Set on a sign-off or a reopening; absent on progress updates. */
  event?: UpdateEvent | null;
  /** A paused action's review date, when this update set one. */
  reviewDate?: string | null;
}

/** The date the action is now expected by: a revised date wins over the original. */
export function effectiveDue(action: Pick<Action, 'due' | 'revisedDue'>): string | null {
  return action.revisedDue ?? action.due;
}

/** True when the plan needs a chair or admin to sign off completed actions. */
export function needsSignOff(plan: Pick<Plan, 'signOff'>): boolean {
  return plan.signOff !== false;
}

/** True when the plan still takes part in summaries, prompts and digests. */
export function isPlanOpen(plan: Pick<Plan, 'lifecycle'>): boolean {
  return (plan.lifecycle ?? 'open') === 'open';
}

/** Updates newest first: the order an action's history is read in (same instant: by id). */
export function newestFirst(updates: readonly ActionUpdate[]): ActionUpdate[] {
  return [...updates].sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
}
