import type { Slots } from '../ask/reading';
import { daysLateOn, formatDate, localDate } from '../domain/overdue';
import { canReadSummaries, ownsAction } from '../domain/permissions';
import type { Person } from '../domain/person';
import type { AskWorld } from './ask-world';
import type { LateAction } from './my-actions';

/** The actions a question is about, and how an answer names them. */
export interface AnswerScope {
  items: LateAction[];
  /** "on the Members' Communications plan for Democratic Services", or "" for every plan. */
  subject: string;
  /** True when the person may only see their own actions (an officer). */
  ownOnly: boolean;
  /** The one plan asked about (or the only plan there is), if any. */
  planId: string | null;
}

/** Posts held by a service's people, a post itself, or a person's posts. */
function ownerPosts(world: AskWorld, slots: Slots): { posts: string[]; who: string } | null {
  if (slots.post) return { posts: [slots.post], who: `the ${slots.post}` };
  if (slots.person) {
    const person = world.people.find((p) => p.email === slots.person);
    return { posts: person?.posts ?? [], who: person?.name ?? slots.person };
  }
  if (slots.service) {
    const key = slots.service.toLowerCase();
    const posts = world.people
      .filter((p) => p.service?.toLowerCase() === key)
      .flatMap((p) => p.posts);
    return { posts, who: slots.service };
  }
  return null;
}

/**
 * Narrows every action to those a question names (plan, service, post, person) and the person
 * may see: chairs, heads and admins see all; an officer sees their own.
 */
export function scopeOf(world: AskWorld, slots: Slots, viewer: Person, now: Date): AnswerScope {
  const planId = slots.plan ?? (world.plans.length === 1 ? world.plans[0].id : null);
  const today = new Map(world.plans.map((p) => [p.id, localDate(now, p.timezone)]));
  let items: LateAction[] = world.actions.map((a) => ({
    ...a,
    daysLate: daysLateOn(a.action, today.get(a.plan.id) ?? ''),
  }));
  if (planId) items = items.filter((i) => i.plan.id === planId);
  const owner = ownerPosts(world, slots);
  if (owner) {
    items = items.filter((i) => ownsAction(owner, i.action));
  }
  const ownOnly = !canReadSummaries(viewer);
  if (ownOnly) items = items.filter((i) => ownsAction(viewer, i.action));
  const parts: string[] = [];
  if (planId) parts.push(`on ${world.planName(planId)}`);
  if (owner) parts.push(`for ${owner.who}`);
  if (ownOnly) parts.push('of yours');
  return { items, subject: parts.join(' '), ownOnly, planId };
}

/** "3 of 12 actions on the X plan are overdue.", with one and none said properly. */
export function countLine(
  n: number,
  total: number,
  subject: string,
  predicate: string,
  kind = '',
): string {
  const where = subject ? ` ${subject}` : '';
  const noun = kind ? `${kind} action` : 'action';
  if (total === 0) return `There are no ${noun}s${where}.`;
  if (n === 0) {
    return `None of the ${total} ${noun}s${where} ${total === 1 ? 'is' : 'are'} ${predicate}.`;
  }
  if (total === 1) return `The only ${noun}${where} is ${predicate}.`;
  return `${n} of ${total} ${noun}s${where} ${n === 1 ? 'is' : 'are'} ${predicate}.`;
}

/** "1 October 2026". */
export const dayInWords = (iso: string): string => formatDate(iso);
