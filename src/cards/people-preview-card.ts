import template from '../../cards/people-preview.json';
import type { DirectoryRow } from '../domain/import-changes';
import type { PeoplePreviewPayload } from '../services/preview-import';
import type { Preview } from '../domain/preview';
import { clip, formatInstant, LINE_TEXT_MAX, LIST_TEXT_MAX, moreText, plural } from './format';
import { expandCard, fitCard, withinBudget, type AdaptiveCard } from './render';
import { VERBS, type PreviewExecuteData } from './verbs';

/** Most people listed in each group of a people preview. */
export const PEOPLE_PREVIEW_LIMIT = 25;

type Line = { text: string };

/** Template data of `cards/people-preview.json`. */
export interface PeoplePreviewCardData {
  details: Line[];
  groups: { heading: string; lines: Line[] }[];
  expires: string;
  confirm: PreviewExecuteData;
  cancel: PreviewExecuteData;
}

/** What a people preview card is built from. */
export interface PeoplePreviewCardInput {
  preview: Preview<PeoplePreviewPayload>;
  timezone: string;
}

function describe(row: DirectoryRow): string {
  const posts = row.posts.length > 0 ? row.posts.join('; ') : 'no post';
  return clip(
    `${row.name} (${row.email}): ${posts}${row.service ? `, ${row.service}` : ''} · ${row.roles.join(', ')}`,
    LIST_TEXT_MAX,
  );
}

function group(heading: string, lines: string[], limit: number): PeoplePreviewCardData['groups'] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, limit).map((text) => ({ text }));
  if (lines.length > shown.length) shown.push({ text: moreText(lines.length - shown.length) });
  return [{ heading, lines: shown }];
}

/** Maps a stored people preview to the card's data, listing at most `limit` people per group. */
export function peoplePreviewCardData(
  input: PeoplePreviewCardInput,
  limit = PEOPLE_PREVIEW_LIMIT,
): PeoplePreviewCardData {
  const { preview } = input;
  const { changes, entries } = preview.payload;
  const data = (verb: PreviewExecuteData['verb']): PreviewExecuteData => ({
    verb,
    previewId: preview.id,
    page: '',
  });
  return {
    details: [
      `${plural(entries.length, 'person', 'people')} in ${preview.fileName}, sent by ${preview.createdByName}`,
      'People already in the directory but not in this file are left as they are.',
    ].map((t) => ({ text: clip(t, LINE_TEXT_MAX) })),
    groups: [
      ...group(
        `Added: ${plural(changes.added.length, 'person', 'people')}`,
        changes.added.map(describe),
        limit,
      ),
      ...group(
        `Changed: ${plural(changes.changed.length, 'person', 'people')}`,
        changes.changed.map((c) => `${describe(c.row)} (${c.fields.join(', ')} changed)`),
        limit,
      ),
      ...group(
        `Left as they are: ${plural(changes.unchanged.length, 'person', 'people')}`,
        changes.unchanged.map((r) => clip(`${r.name} (${r.email})`, LINE_TEXT_MAX)),
        limit,
      ),
    ],
    expires: `Nothing is stored until you press Import. This preview can be used until ${formatInstant(preview.expiresAt, input.timezone)}.`,
    confirm: data(VERBS.confirmImport),
    cancel: data(VERBS.cancelImport),
  };
}

/** The preview of a people file: who is added, changed and left as they are; Import or Cancel. */
export function buildPeoplePreviewCard(input: PeoplePreviewCardInput): AdaptiveCard {
  return withinBudget(
    fitCard(
      (limit) => expandCard(template, peoplePreviewCardData(input, limit)),
      PEOPLE_PREVIEW_LIMIT,
    ),
  );
}
