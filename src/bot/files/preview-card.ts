import { buildImportPreviewCard } from '../../cards/import-preview-card';
import { buildPeoplePreviewCard } from '../../cards/people-preview-card';
import type { AdaptiveCard } from '../../cards/render';
import type { ShownPreview } from '../../services/preview-import';

/** The card of a preview ready to show at a page, with what the admin typed so far kept. */
export function previewCard(
  shown: ShownPreview,
  timezone: string,
  page = 0,
  typed: Record<string, unknown> = {},
): AdaptiveCard {
  const { preview, holders } = shown;
  if (preview.kind === 'people') return buildPeoplePreviewCard({ preview, timezone });
  return buildImportPreviewCard({ preview, page, timezone, people: holders, typed });
}
