import { buildImportPreviewCard } from '../../cards/import-preview-card';
import { buildPeoplePreviewCard } from '../../cards/people-preview-card';
import type { AdaptiveCard } from '../../cards/render';
import type { ImportPreview } from '../../services/preview-import';
import type { BotTurn } from '../bot-turn';

/** The card of a stored preview at a page, with what the admin typed so far kept. */
export async function previewCard(
  turn: BotTurn,
  preview: ImportPreview,
  page = 0,
  typed: Record<string, unknown> = {},
): Promise<AdaptiveCard> {
  const timezone = turn.deps.config.TIMEZONE;
  if (preview.kind === 'people') return buildPeoplePreviewCard({ preview, timezone });
  const people = (await turn.deps.repos.people.list())
    .map((p) => ({ name: p.name, email: p.email }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return buildImportPreviewCard({ preview, page, timezone, people, typed });
}
