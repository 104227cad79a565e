import type { Plan } from '../domain/action';
import type { ImportedPlan } from '../import/types';
import type { ActionFields, ActionsRepository } from '../storage/actions-repository';
import { refKey } from '../storage/keys';
import type { PlansRepository } from '../storage/plans-repository';

/** What an import changed. */
export interface ImportOutcome {
  planId: string;
  created: number;
  updated: number;
  /** Actions stored before but missing from this document: kept, with their history. */
  notInDocument: string[];
}

/**
 * Stores an imported plan. A re-import updates each action in place by its reference: the
 * document's text, owners and timescale replace the old ones, but progress recorded since
 * (status, notes, revised dates, sign-offs) is kept, and actions missing from the new document are kept
 * too. One partition read, then batched writes.
 */
export async function storeImportedPlan(
  deps: { plans: PlansRepository; actions: ActionsRepository },
  imported: ImportedPlan,
  options: { sourceFile: string; now: Date; timezone: string; importedBy?: string },
): Promise<ImportOutcome> {
  const existingPlan = await deps.plans.get(imported.plan.id);
  const existing = existingPlan ? await deps.actions.listByPlan(imported.plan.id) : [];
  const byKey = new Map(existing.map((a) => [refKey(a.ref), a]));
  const plan: Plan = {
    id: imported.plan.id,
    title: imported.plan.title,
    date: imported.plan.date,
    committee: existingPlan?.committee ?? null,
    sourceFile: options.sourceFile,
    importedAt: options.now.toISOString(),
    ...(options.importedBy ? { importedBy: options.importedBy } : {}),
    timezone: existingPlan?.timezone ?? options.timezone,
    chairDigestEmails: existingPlan?.chairDigestEmails ?? [],
    // Settings, the plan's life and its report dates are the bot's, not the document's.
    signOff: existingPlan?.signOff ?? true,
    labels: existingPlan?.labels ?? 'standard',
    lifecycle: existingPlan?.lifecycle ?? 'open',
    closedAt: existingPlan?.closedAt ?? null,
    reportDates: existingPlan?.reportDates ?? [],
  };
  let created = 0;
  const rows: ActionFields[] = imported.actions.map((a) => {
    const before = byKey.get(refKey(a.ref));
    byKey.delete(refKey(a.ref));
    if (!before) created += 1;
    const progressRecorded = before?.lastUpdateAt != null || before?.signedOffAt != null;
    return {
      planId: plan.id,
      ref: a.ref,
      recommendation: a.recommendation,
      proposedAction: a.proposedAction,
      owners: a.owners,
      budget: a.budget,
      timescale: a.timescale,
      due: a.due,
      revisedDue: before?.revisedDue ?? null,
      revisedReason: before?.revisedReason ?? null,
      status: progressRecorded && before ? before.status : a.status,
      lastUpdateAt: before?.lastUpdateAt ?? null,
      lastUpdateBy: before?.lastUpdateBy ?? null,
      lastNote: before?.lastNote ?? null,
      // A sign-off is a committee's decision: a new copy of the document does not undo it.
      statusReason: progressRecorded ? (before?.statusReason ?? null) : null,
      reviewDate: progressRecorded ? (before?.reviewDate ?? null) : null,
      signedOffAt: before?.signedOffAt ?? null,
      signedOffBy: before?.signedOffBy ?? null,
    };
  });
  // The plan row goes first so a plan's actions are never stored without it.
  await deps.plans.save(plan);
  await deps.actions.saveMany(rows);
  return {
    planId: plan.id,
    created,
    updated: rows.length - created,
    notInDocument: [...byKey.values()].map((a) => a.ref),
  };
}
