import { tidyMeetings } from '../domain/meetings';
import type { Plan } from '../domain/action';
import { canSignOff } from '../domain/permissions';
import type { Person } from '../domain/person';
import { ValidationError } from './errors';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

/**
 * Sets the dates of a plan's committee meetings (`YYYY-MM-DD`), replacing those set before.
 * Callable from anywhere that knows the dates (the `meetings` command, an import preview).
 */
export async function setMeetingDates(
  repos: Pick<Repositories, 'plans'>,
  planId: string,
  dates: string[],
): Promise<Plan> {
  const plan = await repos.plans.get(planId);
  if (!plan) throw refusals.noSuchPlan(planId);
  const meetings = tidyMeetings(dates);
  if (meetings.length !== dates.filter((d) => d.trim() !== '').length && meetings.length === 0) {
    throw new ValidationError('Meeting dates must be written as YYYY-MM-DD.');
  }
  const saved = { ...plan, meetings };
  await repos.plans.save(saved);
  return saved;
}

/** Only chairs and admins set meeting dates. */
export function assertMaySetMeetings(person: Person): void {
  if (!canSignOff(person)) throw refusals.chairsOnly('set meeting dates');
}
