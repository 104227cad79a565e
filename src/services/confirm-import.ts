import type { Person } from '../domain/person';
import { summarisePlan, type PlanSummary } from '../domain/summary';
import type { AssignOutcome } from './assign-post';
import { assignPost } from './assign-post';
import { ValidationError } from './errors';
import { firstMessagesFor } from './first-messages';
import { storeImportedPlan, type ImportOutcome } from './import-plan';
import type { ImportPreview } from './preview-import';
import type { Repositories } from './repositories';
import { actor, openPreview, settledState, type PreviewSettled } from './settle-preview';
import { refusals } from './refusals';

/** Who the admin picked to hold an owner post nobody held: an email or a Teams (AAD) id. */
export interface HolderChoice {
  owner: string;
  value: string;
}

/** What confirming a preview did. */
export type ConfirmOutcome =
  | {
      status: 'imported';
      preview: ImportPreview;
      plan?: ImportOutcome & {
        title: string;
        /** The plan as it now stands (null only if it was removed straight away). */
        summary: PlanSummary | null;
        /** How many owners "Send each owner their actions" would write to. */
        owners: number;
      };
      assigned: AssignOutcome[];
      people?: { added: number; changed: number; unchanged: number };
    }
  | { status: 'settled'; preview: ImportPreview; settled: PreviewSettled };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const AAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolveHolders(
  repos: Pick<Repositories, 'people'>,
  choices: HolderChoice[],
): Promise<{ owner: string; email: string }[]> {
  const resolved: { owner: string; email: string }[] = [];
  for (const choice of choices) {
    const value = choice.value.trim().replace(/^mailto:/i, '');
    if (value === '') continue;
    if (!AAD_ID.test(value) && !EMAIL.test(value)) {
      throw new ValidationError(
        `For ${choice.owner}, "${value.slice(0, 100)}" is not an email address. ` +
          'Nothing was imported: please correct it and press Import again.',
      );
    }
    const person = AAD_ID.test(value)
      ? await repos.people.findByAadObjectId(value)
      : await repos.people.get(value);
    if (!person) {
      throw refusals.holderNotInDirectory(choice.owner, value);
    }
    resolved.push({ owner: choice.owner, email: person.email });
  }
  return resolved;
}

/**
 * Imports what a preview holds, once. The preview is claimed with its version (ETag), so of two
 * admins pressing Import at once, or the same press delivered twice, only one imports; the other
 * is told who did. Posts the admin gave holders to are then assigned as `assign` does, and every
 * step is audited.
 */
export async function confirmImport(
  repos: Repositories,
  request: {
    previewId: string;
    by: Pick<Person, 'email' | 'name'>;
    /** What was picked or typed for the n-th owner post without a holder ('' for nothing). */
    holderValue: (index: number) => string;
    now: Date;
    timezone: string;
  },
): Promise<ConfirmOutcome> {
  const preview = await openPreview(repos, request.previewId, request.now);
  const settled = settledState(preview, request.now);
  if (settled) return { status: 'settled', preview, settled };
  // Checked before the claim, so a typing mistake leaves the preview open to correct and retry.
  const choices: HolderChoice[] =
    preview.kind === 'plan'
      ? preview.payload.unheld.map((u, i) => ({ owner: u.owner, value: request.holderValue(i) }))
      : [];
  const holders = await resolveHolders(repos, choices);
  const who = actor(request.by);
  const at = request.now.toISOString();
  const claimed = await repos.previews.settle(preview, { state: 'claimed', ...who, at });
  if (!claimed) {
    const current = await openPreview(repos, request.previewId, request.now);
    return {
      status: 'settled',
      preview: current,
      settled: settledState(current, request.now) ?? {
        state: 'claimed',
        byName: 'another admin',
        at,
      },
    };
  }
  const audit = (step: 'imported' | 'assigned', subject: string, detail: string) =>
    repos.importAudit.record({
      at,
      step,
      ...who,
      fileName: preview.fileName,
      subject,
      previewId: preview.id,
      detail,
    });
  let result: ConfirmOutcome & { status: 'imported' };
  if (preview.kind === 'plan') {
    const { imported } = preview.payload;
    const outcome = await storeImportedPlan(repos, imported, {
      sourceFile: preview.fileName,
      now: request.now,
      timezone: request.timezone,
      importedBy: `${request.by.name} (${request.by.email})`,
    });
    await audit(
      'imported',
      outcome.planId,
      `${outcome.created} added, ${outcome.updated} updated, ${outcome.notInDocument.length} kept though not in the document`,
    );
    const assigned: AssignOutcome[] = [];
    for (const holder of holders) {
      const done = await assignPost(repos.people, holder.owner, holder.email);
      assigned.push(done);
      await audit('assigned', outcome.planId, `${done.post} to ${done.holder}`);
    }
    const [plan, actions, people] = await Promise.all([
      repos.plans.get(outcome.planId),
      repos.actions.listByPlan(outcome.planId),
      repos.people.list(),
    ]);
    result = {
      status: 'imported',
      preview,
      plan: {
        ...outcome,
        title: imported.plan.title,
        summary: plan ? summarisePlan(plan, actions, request.now) : null,
        owners: plan ? firstMessagesFor(plan, actions, people).length : 0,
      },
      assigned,
    };
  } else {
    const { entries, changes } = preview.payload;
    await repos.people.importEntries(entries);
    const counts = {
      added: changes.added.length,
      changed: changes.changed.length,
      unchanged: changes.unchanged.length,
    };
    await audit(
      'imported',
      'people',
      `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged`,
    );
    result = { status: 'imported', preview, assigned: [], people: counts };
  }
  await repos.previews.settle(claimed, {
    state: 'imported',
    ...who,
    at,
    outcome: JSON.stringify({ plan: result.plan?.planId ?? null }),
  });
  return result;
}

/** Cancels an open preview; nothing is imported. Returns who settled it if it was not open. */
export async function cancelImport(
  repos: Pick<Repositories, 'previews' | 'importAudit'>,
  request: { previewId: string; by: Pick<Person, 'email' | 'name'>; now: Date },
): Promise<{ cancelled: boolean; preview: ImportPreview; settled?: PreviewSettled }> {
  const preview = await openPreview(repos, request.previewId, request.now);
  const settled = settledState(preview, request.now);
  if (settled) return { cancelled: false, preview, settled };
  const who = actor(request.by);
  const at = request.now.toISOString();
  const done = await repos.previews.settle(preview, { state: 'cancelled', ...who, at });
  if (!done) {
    const current = await openPreview(repos, request.previewId, request.now);
    return {
      cancelled: false,
      preview: current,
      settled: settledState(current, request.now) ?? undefined,
    };
  }
  await repos.importAudit.record({
    at,
    step: 'cancelled',
    ...who,
    fileName: preview.fileName,
    subject: preview.kind === 'plan' ? preview.payload.imported.plan.id : 'people',
    previewId: preview.id,
    detail: '',
  });
  return { cancelled: true, preview };
}
