import type { Person } from '../domain/person';
import type { Preview } from '../domain/preview';
import { ValidationError } from './errors';
import type { ImportPreview } from './preview-import';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

/** How long a claim stands before another admin may take over an import that never finished. */
export const STALE_CLAIM_MS = 5 * 60 * 1000;

/** Why a preview cannot be acted on: already done or being done by someone. */
export interface PreviewSettled {
  state: 'imported' | 'cancelled' | 'claimed';
  byName: string;
  at: string;
}

/** Reads a preview an admin is acting on; a missing or expired one is refused with a reason. */
export async function openPreview(
  repos: Pick<Repositories, 'previews'>,
  previewId: string,
  now: Date,
): Promise<ImportPreview> {
  const preview = (await repos.previews.get(previewId)) as ImportPreview | null;
  if (!preview) {
    throw refusals.previewGone();
  }
  if (preview.state === 'open' && Date.parse(preview.expiresAt) <= now.getTime()) {
    throw new ValidationError(
      'This preview has expired, so nothing was imported. Please send the file again.',
    );
  }
  return preview;
}

/**
 * Whether a preview has been dealt with already: imported, cancelled, or claimed by an import
 * still in progress (a claim older than {@link STALE_CLAIM_MS} is treated as abandoned).
 */
export function settledState(preview: Preview<unknown>, now: Date): PreviewSettled | null {
  if (preview.state === 'open') return null;
  const at = preview.settledAt ?? preview.createdAt;
  if (preview.state === 'claimed' && now.getTime() - Date.parse(at) > STALE_CLAIM_MS) return null;
  return { state: preview.state, byName: preview.settledByName ?? 'another admin', at };
}

/** Who acts on a preview, as the preview and the audit record them. */
export function actor(person: Pick<Person, 'email' | 'name'>): { by: string; byName: string } {
  return { by: person.email, byName: person.name };
}
