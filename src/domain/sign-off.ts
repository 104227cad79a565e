import { needsSignOff, type Action, type Plan } from './action';
import { isClosedWithoutCompletion, statusLabel, type Status } from './status';

/** The status a reopened action returns to: open again, and chased again. */
export const REOPENED_STATUS: Status = 'on-track';

/** True when the action is complete and waits for a chair or admin to sign it off. */
export function isAwaitingSignOff(
  action: Pick<Action, 'status' | 'signedOffAt'>,
  plan: Pick<Plan, 'signOff'>,
): boolean {
  return action.status === 'complete' && needsSignOff(plan) && !action.signedOffAt;
}

/**
 * True when nothing more will happen to the action: signed off (or complete on a plan without
 * sign-off), not agreed or superseded.
 */
export function isClosedAction(
  action: Pick<Action, 'status' | 'signedOffAt'>,
  plan: Pick<Plan, 'signOff'>,
): boolean {
  if (isClosedWithoutCompletion(action.status)) return true;
  return action.status === 'complete' && !isAwaitingSignOff(action, plan);
}

/** The status as shown on cards and reports, in the plan's words: "Complete — awaiting sign-off". */
export function displayStatus(
  action: Pick<Action, 'status' | 'signedOffAt'>,
  plan: Pick<Plan, 'signOff' | 'labels'>,
): string {
  const label = statusLabel(action.status, plan.labels);
  return isAwaitingSignOff(action, plan) ? `${label} — awaiting sign-off` : label;
}

/** Why an action cannot be signed off now, or null when it can. */
export function signOffRefusal(
  action: Pick<Action, 'ref' | 'status' | 'signedOffAt' | 'signedOffBy'>,
  plan: Pick<Plan, 'signOff' | 'labels'>,
): string | null {
  if (!needsSignOff(plan)) return 'This plan does not use sign-off: complete actions are closed.';
  if (action.status !== 'complete') {
    return `Action ${action.ref} is ${statusLabel(action.status, plan.labels).toLowerCase()}, not complete, so there is nothing to sign off.`;
  }
  if (action.signedOffAt) {
    return `Action ${action.ref} was already signed off${action.signedOffBy ? ` by ${action.signedOffBy}` : ''}.`;
  }
  return null;
}

/** Why an action cannot be reopened now, or null when it can. */
export function reopenRefusal(
  action: Pick<Action, 'ref' | 'status'>,
  plan: Pick<Plan, 'labels'>,
): string | null {
  if (action.status === 'complete') return null;
  return `Action ${action.ref} is ${statusLabel(action.status, plan.labels).toLowerCase()}, not complete, so it is already open.`;
}

/** The refs of a plan's actions that stop it being closed: anything not closed or signed off. */
export function openRefs(actions: Action[], plan: Pick<Plan, 'signOff'>): string[] {
  return actions.filter((a) => !isClosedAction(a, plan)).map((a) => a.ref);
}
