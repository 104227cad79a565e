/** What a person may do with the bot. */
export const ROLES = ['officer', 'head', 'chair', 'admin'] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** A directory entry as the admin imports it. */
export interface DirectoryEntry {
  email: string;
  name: string;
  posts: string[];
  service: string | null;
  roles: Role[];
}

/** Someone in the council's directory, as the admin imported them. */
export interface Person {
  /** Lower-cased; the key people are imported and found by. */
  email: string;
  name: string;
  posts: string[];
  service: string | null;
  roles: Role[];
  /** Teams identity, remembered the first time the person talks to the bot. */
  aadObjectId: string | null;
  teamsUserId: string | null;
  tenantId: string | null;
  /** Serialised conversation reference for proactive messages (kept opaque to the domain). */
  conversationReference: Record<string, unknown> | null;
  /** Set when a proactive message could not be delivered (blocked, app removed). */
  unreachable: { at: string; reason: string } | null;
  /** Snoozed actions, keyed `planId/ref`, with the ISO instant the snooze ends. */
  snoozes: Record<string, string>;
  version: string;
}

/**
 * An email address as people are stored, found and compared by: trimmed and lower-cased. The
 * one rule for it, so "Sam@X.example " and "sam@x.example" are always the same person.
 */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** True when the person holds the role. */
export function hasRole(person: Pick<Person, 'roles'>, role: Role): boolean {
  return person.roles.includes(role);
}

/** Someone offered as a ready choice in a people picker. */
export interface PickerPerson {
  name: string;
  email: string;
}

/** The directory as people pickers offer it: name and email only, in name order (UK English). */
export function pickerPeople(people: readonly Pick<Person, 'name' | 'email'>[]): PickerPerson[] {
  return people
    .map((p) => ({ name: p.name, email: p.email }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
