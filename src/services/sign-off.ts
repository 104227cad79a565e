import { randomUUID } from 'node:crypto';
import type { Action, ActionUpdate, Plan, UpdateSource } from '../domain/action';
import { MAX_NOTE_LENGTH } from '../domain/update-input';
import { canSignOff, ownsAction } from '../domain/permissions';
import type { Person } from '../domain/person';
import { REOPENED_STATUS, reopenRefusal, signOffRefusal } from '../domain/sign-off';
import { ConflictError } from '../storage/errors';
import type { Repositories } from './repositories';
import type { Author } from './record-update';
import { ValidationError } from './errors';
import { signOffQueue } from './awaiting-sign-off';
import { viewAction, type OpenedAction } from './open-action';
import { refusals } from './refusals';

/** What sign-off and reopening read and write. */
export type SignOffDeps = Pick<Repositories, 'plans' | 'actions' | 'updates' | 'people'>;

/** A sign-off of one or more actions of a plan (several at a meeting). */
export interface SignOffInput {
  planId: string;
  refs: string[];
  author: Author;
  source: UpdateSource;
  now: Date;
}

/** What became of each action asked for, in the order asked. */
export interface SignOffResult {
  plan: Plan;
  signedOff: Action[];
  /** Actions that could not be signed off, each with the reason in plain words. */
  refused: { ref: string; message: string }[];
  /** What still awaits sign-off on the plan afterwards. */
  awaiting: Action[];
}

/** A reopening of a completed action, with the comment that goes to its owners. */
export interface ReopenInput {
  planId: string;
  ref: string;
  author: Author;
  comment: string;
  source: UpdateSource;
  now: Date;
}

/** The reopened action, its audit row and the people holding its owner posts. */
export interface ReopenResult {
  plan: Plan;
  action: Action;
  update: ActionUpdate;
  owners: Person[];
  /** The action as its owners open it (they may edit it), with its recent history. */
  ownersView: OpenedAction;
  /** What still awaits sign-off on the plan afterwards. */
  awaiting: Action[];
}

/** Updates shown on the card that tells owners their action was reopened. */
const OWNER_HISTORY = 5;

// Two chairs at the same meeting, or a chair and an officer: a few re-reads settle it.
const MAX_ATTEMPTS = 10;

function refuseUnlessChair(author: Author, what: string): void {
  if (!canSignOff(author)) throw refusals.chairsOnly(what);
}

async function planOf(deps: SignOffDeps, planId: string): Promise<Plan> {
  const plan = await deps.plans.get(planId);
  if (!plan) throw refusals.noSuchPlan(planId);
  return plan;
}

/**
 * Reads an action, applies a change, and writes it with its version and its audit row in one
 * transaction; re-reads and tries again when someone else wrote in between.
 */
async function changeAction(
  deps: SignOffDeps,
  planId: string,
  ref: string,
  change: (current: Action) => { update: ActionUpdate; next: Action } | { refused: string },
): Promise<{ action: Action; update: ActionUpdate } | { refused: string }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.actions.get(planId, ref);
    if (!current) return { refused: `There is no action ${ref} in this plan.` };
    const decided = change(current);
    if ('refused' in decided) return decided;
    try {
      // The audit row and the change land together, or neither does.
      const action = await deps.actions.saveWithUpdate(decided.next, decided.update);
      return { action, update: decided.update };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }
  throw new ConflictError(`Action ${ref}`);
}

/**
 * Signs off completed actions of a plan: each is closed with the date and who signed it off.
 * Actions that are not complete, already signed off or missing are listed with the reason, and
 * the others are still signed off, so one wrong number at a meeting does not stop the rest.
 */
export async function signOffActions(
  deps: SignOffDeps,
  input: SignOffInput,
): Promise<SignOffResult> {
  refuseUnlessChair(input.author, 'sign off actions');
  const plan = await planOf(deps, input.planId);
  const at = input.now.toISOString();
  const signedOff: Action[] = [];
  const refused: SignOffResult['refused'] = [];
  for (const ref of [...new Set(input.refs)]) {
    const outcome = await changeAction(deps, plan.id, ref, (current) => {
      const refusal = signOffRefusal(current, plan);
      if (refusal) return { refused: refusal };
      return {
        update: auditRow(current, input, { at, statusTo: current.status, note: null }),
        next: { ...current, signedOffAt: at, signedOffBy: input.author.name },
      };
    });
    if ('refused' in outcome) refused.push({ ref, message: outcome.refused });
    else signedOff.push(outcome.action);
  }
  const { awaiting } = await signOffQueue(deps, plan.id);
  return { plan, signedOff, refused, awaiting };
}

/**
 * Reopens a completed (or signed-off) action: it is open and chased again, and the comment is
 * recorded as its latest note so its owners see why. The caller tells the owners.
 */
export async function reopenAction(deps: SignOffDeps, input: ReopenInput): Promise<ReopenResult> {
  refuseUnlessChair(input.author, 'reopen actions');
  const comment = input.comment.trim();
  if (comment === '') {
    throw new ValidationError('Please say why the action is reopened: the owner will be told.');
  }
  if (comment.length > MAX_NOTE_LENGTH) {
    throw new ValidationError(
      `The comment can be up to ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters.`,
    );
  }
  const plan = await planOf(deps, input.planId);
  const at = input.now.toISOString();
  const outcome = await changeAction(deps, plan.id, input.ref, (current) => {
    const refusal = reopenRefusal(current, plan);
    if (refusal) return { refused: refusal };
    return {
      update: auditRow(current, input, { at, statusTo: REOPENED_STATUS, note: comment }),
      next: {
        ...current,
        status: REOPENED_STATUS,
        signedOffAt: null,
        signedOffBy: null,
        lastUpdateAt: at,
        lastUpdateBy: input.author.name,
        lastNote: comment,
      },
    };
  });
  if ('refused' in outcome) throw new ValidationError(outcome.refused);
  const [people, { awaiting }, view] = await Promise.all([
    deps.people.list(),
    signOffQueue(deps, plan.id),
    viewAction(deps, input.author, { plan, action: outcome.action }, input.now, OWNER_HISTORY),
  ]);
  const owners = people.filter((p) => ownsAction(p, outcome.action));
  // Each owner may edit it: the card they get has the update form.
  const ownersView = { ...view, canEdit: true };
  return { plan, action: outcome.action, update: outcome.update, owners, ownersView, awaiting };
}

function auditRow(
  current: Action,
  input: { author: Author; source: UpdateSource },
  change: { at: string; statusTo: Action['status']; note: string | null },
): ActionUpdate {
  return {
    id: randomUUID(),
    planId: current.planId,
    ref: current.ref,
    at: change.at,
    by: input.author.email,
    byName: input.author.name,
    statusFrom: current.status,
    statusTo: change.statusTo,
    note: change.note,
    dueFrom: null,
    dueTo: null,
    reason: null,
    source: input.source,
    event: change.statusTo === current.status ? 'signed-off' : 'reopened',
  };
}
