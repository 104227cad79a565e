import type { Person } from './person';

/**
 * The Teams user ids of the people who should see a shared card's own view at once: the person
 * who asked first, then those allowed to act on it, each once, at most `limit` of them. People
 * the bot has not met in Teams have no id yet; they can still ask for their view by hand.
 */
export function personalViewIds(
  requester: Pick<Person, 'teamsUserId'> | null,
  mayAct: readonly Pick<Person, 'teamsUserId'>[],
  limit: number,
): string[] {
  const ids: string[] = [];
  for (const person of [requester, ...mayAct]) {
    const id = person?.teamsUserId;
    if (id && !ids.includes(id)) ids.push(id);
    if (ids.length >= limit) break;
  }
  return ids;
}
