import { pickerPeople } from '../domain/person';
import type { ShownPreview } from './preview-import';
import type { Repositories } from './repositories';
import { openPreview, settledState, type PreviewSettled } from './settle-preview';

/** A page of a stored preview: settled already, or ready to show again. */
export type PreviewPage =
  { settled: PreviewSettled; shown: ShownPreview } | { settled: null; shown: ShownPreview };

/**
 * Opens a stored preview to show another page: a missing or expired one is refused, a settled
 * one is reported as such, and an open plan preview comes with the people its pickers offer.
 */
export async function openPreviewPage(
  repos: Pick<Repositories, 'previews' | 'people'>,
  previewId: string,
  now: Date,
): Promise<PreviewPage> {
  const preview = await openPreview(repos, previewId, now);
  const settled = settledState(preview, now);
  if (settled || preview.kind === 'people') {
    return { settled, shown: { preview, holders: [] } };
  }
  return { settled: null, shown: { preview, holders: pickerPeople(await repos.people.list()) } };
}
