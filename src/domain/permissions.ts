import type { Action } from './action';
import { samePost } from './owners';
import { hasRole, type Person } from './person';

/** True when the person holds one of the action's owner posts. */
export function ownsAction(person: Pick<Person, 'posts'>, action: Pick<Action, 'owners'>): boolean {
  return action.owners.some((owner) => person.posts.some((post) => samePost(post, owner)));
}

/** Only holders of an action's owner posts, or an admin, may update it. */
export function canUpdate(
  person: Pick<Person, 'posts' | 'roles'>,
  action: Pick<Action, 'owners'>,
): boolean {
  return hasRole(person, 'admin') || ownsAction(person, action);
}

/** Chairs, heads of service and admins may ask for summaries of any plan. */
export function canReadSummaries(person: Pick<Person, 'roles'>): boolean {
  return hasRole(person, 'chair') || hasRole(person, 'head') || hasRole(person, 'admin');
}

/** Chairs and admins sign off completed actions, reopen them, and ask for committee reports. */
export function canSignOff(person: Pick<Person, 'roles'>): boolean {
  return hasRole(person, 'chair') || hasRole(person, 'admin');
}
