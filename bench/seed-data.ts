// Plans and actions the benches seed: one shape, so each bench says only what differs.
import type { Plan } from '../src/domain/action';
import type { ActionFields } from '../src/storage/actions-repository';

/** A plan as an import would have saved it. */
export function benchPlan(id: string, title: string, fields: Partial<Plan> = {}): Plan {
  return {
    id,
    title,
    date: '2026-09-07',
    committee: null,
    sourceFile: null,
    importedAt: new Date().toISOString(),
    timezone: 'Europe/London',
    chairDigestEmails: [],
    ...fields,
  };
}

/** The `i`th action (from 0) of a plan: ref `i + 1`, a quarter of them overdue since March 2026. */
export function benchAction(
  planId: string,
  i: number,
  fields: Partial<ActionFields> = {},
): ActionFields {
  return {
    planId,
    ref: String(i + 1),
    recommendation: `That the council reviews service ${i + 1}.`,
    proposedAction: `Review ${i + 1} will be carried out with partners.`,
    owners: ['Head of Democratic Services'],
    budget: 'N/A',
    timescale: 'March 2027',
    due: i % 4 === 0 ? '2026-03-31' : '2027-03-31',
    revisedDue: null,
    revisedReason: null,
    status: 'on-track',
    lastUpdateAt: null,
    lastUpdateBy: null,
    lastNote: null,
    ...fields,
  };
}
