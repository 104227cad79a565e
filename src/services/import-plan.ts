import type { Action, Plan } from '../domain/action';
import type { ImportedPlan } from '../import/types';
import type { ActionFields } from '../storage/actions-repository';
import { ConflictError } from '../storage/errors';
import { refKey } from '../storage/keys';
import type { Repositories } from './repositories';

/** An earlier import of the plan that was interrupted, undone before this one ran. */
export interface RecoveredImport {
  sourceFile: string;
  startedAt: string;
  /** The actions it had added, removed again. */
  removed: string[];
}

/** What an import changed. */
export interface ImportOutcome {
  planId: string;
  created: number;
  updated: number;
  /** Actions stored before but missing from this document: kept, with their history. */
  notInDocument: string[];
  /** Present when an earlier import of this plan had been cut off and was undone first. */
  recovered?: RecoveredImport;
}

/** What storing a plan needs. */
export type ImportDeps = Pick<Repositories, 'plans' | 'actions' | 'importMarkers'>;

// Each retry follows a card update that landed between the read and the write: a handful
// covers any real rate of updates to one plan.
const ATTEMPTS = 5;

/** The stored rows for a document over what is stored now: document text, stored progress. */
function mergeRows(planId: string, imported: ImportedPlan, existing: Action[]) {
  const byKey = new Map(existing.map((a) => [refKey(a.ref), a]));
  const rows = imported.actions.map((a) => {
    const before = byKey.get(refKey(a.ref));
    byKey.delete(refKey(a.ref));
    const progressRecorded = before?.lastUpdateAt != null || before?.signedOffAt != null;
    const action: ActionFields = {
      planId,
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
    return { action, version: before?.version ?? null };
  });
  return { rows, notInDocument: [...byKey.values()].map((a) => a.ref) };
}

/**
 * Undoes an import of the plan that never finished (the process was killed, or storage failed
 * for good): the actions it added are removed unless someone has since recorded progress on
 * them. Actions it had already updated keep the newer document's text, which the next import
 * rewrites anyway. Returns what was undone, or undefined when there was nothing to undo.
 */
export async function undoInterruptedImport(
  deps: ImportDeps,
  planId: string,
): Promise<RecoveredImport | undefined> {
  const marker = await deps.importMarkers.get(planId);
  if (!marker) return undefined;
  const added = new Set(marker.createdRefs.map(refKey));
  const removed = (await deps.actions.listByPlan(planId))
    .filter((a) => added.has(refKey(a.ref)) && a.lastUpdateAt == null && a.signedOffAt == null)
    .map((a) => a.ref);
  await deps.actions.deleteMany(planId, removed);
  await deps.importMarkers.clear(planId);
  return { sourceFile: marker.sourceFile, startedAt: marker.startedAt, removed };
}

/**
 * Stores an imported plan. A re-import updates each action in place by its reference: the
 * document's text, owners and timescale replace the old ones, but progress recorded since
 * (status, notes, revised dates, sign-offs) is kept, and actions missing from the new document
 * are kept too.
 *
 * Every write carries the version read, so a card update saved between the read and the write
 * is never overwritten: the import reads again and merges onto it. A marker row brackets the
 * writes, and the plan row is written last, so a new plan appears only with its actions and an
 * import cut off half-way is undone by the next one.
 */
export async function storeImportedPlan(
  deps: ImportDeps,
  imported: ImportedPlan,
  options: { sourceFile: string; now: Date; timezone: string; importedBy?: string },
): Promise<ImportOutcome> {
  const planId = imported.plan.id;
  const recovered = await undoInterruptedImport(deps, planId);
  const existingPlan = await deps.plans.get(planId);
  // Read even for a new plan: rows left without a plan row must be updated, not re-created.
  let existing = await deps.actions.listByPlan(planId);
  const plan: Plan = {
    id: planId,
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
    ...(existingPlan?.meetings ? { meetings: existingPlan.meetings } : {}),
  };
  let merged = mergeRows(planId, imported, existing);
  const createdRefs = merged.rows.filter((r) => r.version === null).map((r) => r.action.ref);
  await deps.importMarkers.begin({
    planId,
    sourceFile: options.sourceFile,
    startedAt: options.now.toISOString(),
    planExisted: existingPlan !== null,
    createdRefs,
  });
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await deps.actions.saveUnchanged(merged.rows);
        break;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
        existing = await deps.actions.listByPlan(planId);
        merged = mergeRows(planId, imported, existing);
      }
    }
    await deps.plans.save(plan);
    await deps.importMarkers.clear(planId);
  } catch (error) {
    // Undo now if storage still answers; otherwise the marker stays for the next import.
    await undoInterruptedImport(deps, planId).catch(() => undefined);
    throw error instanceof ConflictError ? new ConflictError(`Plan ${planId}`) : error;
  }
  return {
    planId,
    created: createdRefs.length,
    updated: merged.rows.length - createdRefs.length,
    notInDocument: merged.notInDocument,
    ...(recovered ? { recovered } : {}),
  };
}
