import type { Plan } from '../domain/action';
import type { PlansRepository } from '../storage/plans-repository';
import { refusals } from './refusals';

const simplify = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Finds a plan from what a person typed: its id, or words of its title. Several matches or none
 * give a message that lists the plans to choose from.
 */
export async function findPlan(plans: PlansRepository, query: string): Promise<Plan> {
  const all = await plans.list();
  const wanted = simplify(query);
  const exact = all.find((p) => p.id.toLowerCase() === query.trim().toLowerCase());
  if (exact) return exact;
  const words = wanted.split(' ').filter(Boolean);
  const matches = all.filter((p) => {
    const haystack = `${simplify(p.id)} ${simplify(p.title)}`;
    return words.every((w) => haystack.includes(w));
  });
  if (matches.length === 1) return matches[0];
  const list = (matches.length > 1 ? matches : all).map((p) => `${p.id} (${p.title})`).join('; ');
  if (matches.length > 1) {
    throw refusals.severalPlans(query, list);
  }
  throw all.length === 0 ? refusals.noPlans() : refusals.noPlanCalled(query, list);
}
