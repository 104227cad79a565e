import type { Action } from './action';
import { normalisePost, samePost } from './owners';
import { emailKey, type Person, type Role } from './person';

/** The fields of an action a plan document sets (progress recorded since is not among them). */
export type DocumentAction = Pick<
  Action,
  'ref' | 'recommendation' | 'proposedAction' | 'owners' | 'budget' | 'timescale' | 'due'
>;

/** What re-importing a plan would do to the actions already stored. */
export interface PlanChanges {
  added: string[];
  /** Refs whose document text changed, each with the fields that changed. */
  changed: { ref: string; fields: string[] }[];
  /** Stored actions the document no longer has: kept, with their recorded updates. */
  removed: string[];
  unchanged: number;
}

const FIELD_NAMES: [keyof DocumentAction, string][] = [
  ['recommendation', 'recommendation'],
  ['proposedAction', 'proposed action'],
  ['owners', 'owners'],
  ['budget', 'budget'],
  ['timescale', 'timescale'],
  ['due', 'due date'],
];

/** The key two refs are compared by: "R1.2" and "r1.2 " are the same action. */
export function refIdentity(ref: string): string {
  return ref.trim().toLowerCase();
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compares a plan document with the actions already stored under the same plan: which actions
 * it adds, which it changes (and how) and which it no longer has.
 */
export function comparePlan(stored: Action[], document: DocumentAction[]): PlanChanges {
  const before = new Map(stored.map((a) => [refIdentity(a.ref), a]));
  const changes: PlanChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const action of document) {
    const key = refIdentity(action.ref);
    const old = before.get(key);
    before.delete(key);
    if (!old) {
      changes.added.push(action.ref);
      continue;
    }
    const fields = FIELD_NAMES.filter(([f]) => !sameValue(old[f], action[f])).map(([, n]) => n);
    if (fields.length > 0) changes.changed.push({ ref: action.ref, fields });
    else changes.unchanged += 1;
  }
  changes.removed = [...before.values()].map((a) => a.ref);
  return changes;
}

/** Initials standing for a person ("JS", "J.S.", "JAS"), not a post title. */
export function isInitials(owner: string): boolean {
  const text = owner.trim();
  return /^[A-Z]{2,4}$/.test(text) || /^(?:[A-Z]\.\s?){1,3}[A-Z]\.?$/.test(text);
}

/** An owner of the plan nobody in the directory holds: a post, or someone's initials. */
export interface UnheldOwner {
  owner: string;
  kind: 'post' | 'initials';
  /** Refs of the actions it owns. */
  refs: string[];
}

/**
 * The owners named in a plan that no one in the directory holds, in the order the plan first
 * names them, so the admin can say who holds each before the plan starts sending prompts.
 */
export function unheldOwners(
  actions: Pick<DocumentAction, 'ref' | 'owners'>[],
  people: Pick<Person, 'posts'>[],
): UnheldOwner[] {
  const held = people.flatMap((p) => p.posts);
  const found = new Map<string, UnheldOwner>();
  for (const action of actions) {
    for (const owner of action.owners) {
      const post = normalisePost(owner);
      if (post === '' || held.some((h) => samePost(h, post))) continue;
      const key = post.toLowerCase();
      const entry = found.get(key) ?? {
        owner: post,
        kind: isInitials(post) ? 'initials' : 'post',
        refs: [],
      };
      if (!entry.refs.includes(action.ref)) entry.refs.push(action.ref);
      found.set(key, entry);
    }
  }
  return [...found.values()];
}

/** A directory row as a people file gives it. */
export interface DirectoryRow {
  email: string;
  name: string;
  posts: string[];
  service: string | null;
  roles: Role[];
}

/** What importing a people file would do to the directory. */
export interface PeopleChanges {
  added: DirectoryRow[];
  changed: { row: DirectoryRow; fields: string[] }[];
  unchanged: DirectoryRow[];
}

/** Compares a people file with the directory, by email. People not in the file are left alone. */
export function comparePeople(
  directory: Pick<Person, 'email' | 'name' | 'posts' | 'service' | 'roles'>[],
  rows: DirectoryRow[],
): PeopleChanges {
  const byEmail = new Map(directory.map((p) => [emailKey(p.email), p]));
  const changes: PeopleChanges = { added: [], changed: [], unchanged: [] };
  for (const row of rows) {
    const old = byEmail.get(emailKey(row.email));
    if (!old) {
      changes.added.push(row);
      continue;
    }
    const fields: string[] = [];
    if (old.name !== row.name) fields.push('name');
    if (!sameValue([...old.posts].sort(), [...row.posts].sort())) fields.push('posts');
    if ((old.service ?? null) !== (row.service ?? null)) fields.push('service');
    if (!sameValue([...old.roles].sort(), [...row.roles].sort())) fields.push('roles');
    if (fields.length > 0) changes.changed.push({ row, fields });
    else changes.unchanged.push(row);
  }
  return changes;
}
