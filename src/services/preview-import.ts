import { createHash } from 'node:crypto';
import {
  comparePeople,
  comparePlan,
  unheldOwners,
  type PeopleChanges,
  type PlanChanges,
  type UnheldOwner,
} from '../domain/import-changes';
import {
  pickerPeople,
  type DirectoryEntry,
  type Person,
  type PickerPerson,
} from '../domain/person';
import { isPeopleFile, readPeopleBytes } from '../import/people-file';
import { readPlanBytes } from '../import/read-plan-file';
import { ImportError, type ImportedPlan } from '../import/types';
import type { Preview } from '../domain/preview';
import type { Repositories } from './repositories';

/** What a plan preview holds: the plan as read, and what importing it would change. */
export interface PlanPreviewPayload {
  imported: ImportedPlan;
  /** The committee of the plan already stored under the same id, if any. */
  committee: string | null;
  /** What a re-import changes; null for a new plan. */
  changes: PlanChanges | null;
  /** Owners no one in the directory holds (posts and initials). */
  unheld: UnheldOwner[];
}

/** What a people preview holds: the rows read, and how they differ from the directory. */
export interface PeoplePreviewPayload {
  entries: DirectoryEntry[];
  changes: PeopleChanges;
}

/** A stored preview of either kind. */
export type ImportPreview =
  | (Preview<PlanPreviewPayload> & { kind: 'plan' })
  | (Preview<PeoplePreviewPayload> & { kind: 'people' });

/**
 * A preview ready to show: the preview itself, and for a plan the directory its holder pickers
 * offer, in name order (empty for a people file, whose card has no pickers).
 */
export interface ShownPreview {
  preview: ImportPreview;
  holders: PickerPerson[];
}

/** What a file preview needs besides the repositories. */
export interface PreviewRequest {
  /** Ties the preview to the message that brought the file, so a redelivery reuses it. */
  messageKey: string;
  fileName: string;
  bytes: Buffer;
  by: Pick<Person, 'email' | 'name'>;
  now: Date;
  ttlHours: number;
  timezone: string;
}

/** Why a file sent to the bot was not read: who sent it and what went wrong. */
export interface FileNotRead {
  step: 'refused' | 'unreadable';
  fileName: string;
  by: Pick<Person, 'email' | 'name'>;
  now: Date;
  detail: string;
}

/**
 * Records in the import audit that a file sent to the bot was refused (not an admin) or could
 * not be read (type not accepted, download failed), so every file sent leaves a trace.
 */
export async function recordFileNotRead(
  repos: Pick<Repositories, 'importAudit'>,
  file: FileNotRead,
): Promise<void> {
  await repos.importAudit.record({
    at: file.now.toISOString(),
    step: file.step,
    by: file.by.email,
    byName: file.by.name,
    fileName: file.fileName,
    subject: null,
    previewId: null,
    detail: file.detail,
  });
}

/** The id of the preview of a message's file: the same message always gives the same id. */
export function previewIdOf(messageKey: string): string {
  return createHash('sha256').update(messageKey).digest('hex').slice(0, 32);
}

async function planPayload(
  repos: Pick<Repositories, 'plans' | 'actions' | 'people'>,
  request: PreviewRequest,
  people: Person[],
): Promise<PlanPreviewPayload> {
  const imported = await readPlanBytes(request.bytes, request.fileName, {
    knownPosts: people.flatMap((p) => p.posts),
    timezone: request.timezone,
    // The admin sees the plausibility problems on top of the preview and decides there.
    acceptWarnings: true,
  });
  let existing = await repos.plans.get(imported.plan.id);
  if (!existing) {
    // A plan first imported under an id of its own (`import --plan ID`) is found by its title,
    // so sending its new version updates it rather than making a second copy.
    const title = imported.plan.title.trim().toLowerCase();
    existing =
      (await repos.plans.list()).find((p) => p.title.trim().toLowerCase() === title) ?? null;
    if (existing) imported.plan.id = existing.id;
  }
  const stored = existing ? await repos.actions.listByPlan(existing.id) : [];
  return {
    imported,
    committee: existing?.committee ?? null,
    changes: existing ? comparePlan(stored, imported.actions) : null,
    unheld: unheldOwners(imported.actions, people),
  };
}

/**
 * Reads a file sent to the bot as a plan document or, when its headings are a directory's
 * (name, email, role), as a people file; works out what importing it would change, and stores
 * the preview for `ttlHours`. Nothing else is written. An unreadable file raises the reader's
 * {@link ImportError} (naming what was expected) and is audited. Returns the preview ready to
 * show, with the people its pickers offer.
 */
export async function previewFile(
  repos: Pick<Repositories, 'plans' | 'actions' | 'people' | 'previews' | 'importAudit'>,
  request: PreviewRequest,
): Promise<ShownPreview> {
  const at = request.now.toISOString();
  const audit = (step: 'previewed' | 'unreadable', subject: string | null, detail: string) =>
    repos.importAudit.record({
      at,
      step,
      by: request.by.email,
      byName: request.by.name,
      fileName: request.fileName,
      subject,
      previewId: step === 'previewed' ? previewIdOf(request.messageKey) : null,
      detail,
    });
  const base = {
    id: previewIdOf(request.messageKey),
    fileName: request.fileName,
    createdBy: request.by.email,
    createdByName: request.by.name,
    createdAt: at,
    expiresAt: new Date(request.now.getTime() + request.ttlHours * 3_600_000).toISOString(),
  };
  try {
    if (await isPeopleFile(request.bytes, request.fileName)) {
      const entries = await readPeopleBytes(request.bytes, request.fileName);
      const changes = comparePeople(await repos.people.list(), entries);
      const preview = await repos.previews.create<PeoplePreviewPayload>({
        ...base,
        kind: 'people',
        payload: { entries, changes },
      });
      await audit(
        'previewed',
        'people',
        `${entries.length} people: ${changes.added.length} added, ${changes.changed.length} changed`,
      );
      return { preview: { ...preview, kind: 'people' }, holders: [] };
    }
    const people = await repos.people.list();
    const payload = await planPayload(repos, request, people);
    const preview = await repos.previews.create<PlanPreviewPayload>({
      ...base,
      kind: 'plan',
      payload,
    });
    await audit(
      'previewed',
      payload.imported.plan.id,
      `${payload.imported.actions.length} actions, ${payload.imported.warnings.length} warnings`,
    );
    return { preview: { ...preview, kind: 'plan' }, holders: pickerPeople(people) };
  } catch (error) {
    if (error instanceof ImportError) await audit('unreadable', null, error.message);
    throw error;
  }
}
