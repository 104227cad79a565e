import template from '../../cards/import-preview.json';
import { formatDate } from '../domain/overdue';
import type { ImportPreview, PlanPreviewPayload } from '../services/preview-import';
import type { Preview } from '../domain/preview';
import {
  clip,
  formatInstant,
  LINE_TEXT_MAX,
  LIST_TEXT_MAX,
  listInWords,
  moreText,
  ownersText,
  planText,
  plural,
  statusBadge,
} from './format';
import { sortWarnings } from './preview-warnings';
import { expandCard, fitCard, withinBudget, type AdaptiveCard } from './render';
import { holderInputIds, VERBS, type PreviewExecuteData } from './verbs';

/** Actions shown on one page of a preview ("Show next 10"). */
export const PREVIEW_PAGE_SIZE = 10;
/** Most owners without a holder offered a picker on one card; the rest are listed. */
export const PREVIEW_UNHELD_LIMIT = 12;
/** Most directory people offered as ready choices in each picker (Teams also searches). */
export const PREVIEW_CHOICES_LIMIT = 15;
/** Most plan-wide problems listed on top. */
export const PREVIEW_PROBLEMS_LIMIT = 10;
/** Most warnings shown beside one action. */
export const PREVIEW_ROW_WARNINGS_LIMIT = 3;
/** Most refs named in each line of changes. */
const CHANGE_REFS_LIMIT = 25;

type Line = { text: string };

/** Template data of `cards/import-preview.json`. */
export interface ImportPreviewCardData {
  heading: string;
  title: string;
  details: Line[];
  hasProblems: boolean;
  problemsHeading: string;
  problems: Line[];
  hasChanges: boolean;
  changesHeading: string;
  changes: Line[];
  hasUnheld: boolean;
  unheldHeading: string;
  unheldIntro: string;
  unheld: {
    owner: string;
    refs: string;
    pickerId: string;
    pickerLabel: string;
    pickerValue: string;
    choices: { title: string; value: string }[];
    emailId: string;
    emailLabel: string;
    emailValue: string;
  }[];
  hasUnheldMore: boolean;
  unheldMore: string;
  pageText: string;
  actions: {
    ref: string;
    status: string;
    proposedAction: string;
    owners: string;
    due: string;
    warnings: Line[];
  }[];
  hasPaging: boolean;
  hasNext: boolean;
  nextTitle: string;
  next: PreviewExecuteData;
  hasPrevious: boolean;
  first: PreviewExecuteData;
  expires: string;
  confirm: PreviewExecuteData;
  cancel: PreviewExecuteData;
}

/** What a plan preview card is built from. */
export interface ImportPreviewCardInput {
  preview: Preview<PlanPreviewPayload>;
  /** The page of actions to show, 0 first. */
  page: number;
  timezone: string;
  /** People offered as ready choices in each picker (the directory, or part of it). */
  people: { name: string; email: string }[];
  /** Values already typed into the card's inputs, kept when the admin pages through. */
  typed?: Record<string, unknown>;
}

const refsText = (refs: string[]): string => {
  const shown = refs.slice(0, CHANGE_REFS_LIMIT);
  const more = refs.length - shown.length;
  return clip(shown.join(', ') + (more > 0 ? ` and ${more} more` : ''), LIST_TEXT_MAX * 2);
};

function changeLines(payload: PlanPreviewPayload): Line[] {
  const changes = payload.changes;
  if (!changes) return [];
  const lines: string[] = [];
  if (changes.added.length > 0) {
    lines.push(`Added: ${plural(changes.added.length, 'action')} (${refsText(changes.added)})`);
  }
  if (changes.changed.length > 0) {
    const described = changes.changed
      .slice(0, CHANGE_REFS_LIMIT)
      .map((c) => `${c.ref} (${listInWords(c.fields)})`);
    const more = changes.changed.length - described.length;
    lines.push(
      clip(
        `Changed: ${plural(changes.changed.length, 'action')}: ${described.join('; ')}` +
          (more > 0 ? ` and ${more} more` : ''),
        LIST_TEXT_MAX * 4,
      ),
    );
  }
  if (changes.removed.length > 0) {
    lines.push(
      `No longer in the document: ${plural(changes.removed.length, 'action')} (${refsText(changes.removed)}). ` +
        'They are kept, with their updates.',
    );
  }
  lines.push(`Unchanged: ${plural(changes.unchanged, 'action')}.`);
  lines.push('Progress already recorded (statuses, notes, revised dates) is kept.');
  return lines.map((text) => ({ text }));
}

function typedText(typed: Record<string, unknown> | undefined, id: string): string {
  const value = typed?.[id];
  return typeof value === 'string' ? value.slice(0, 320) : '';
}

function dueText(action: PlanPreviewPayload['imported']['actions'][number]): string {
  if (action.due) return `Due ${formatDate(action.due)}`;
  const timescale = action.timescale.trim();
  return timescale === '' ? 'No date' : clip(`No date (“${timescale}”)`, LINE_TEXT_MAX);
}

/** Maps a stored plan preview to the card's data for one page of its actions. */
export function importPreviewCardData(
  input: ImportPreviewCardInput,
  pickerLimit = PREVIEW_UNHELD_LIMIT,
): ImportPreviewCardData {
  const { preview, timezone } = input;
  const { imported, unheld } = preview.payload;
  const total = imported.actions.length;
  const pages = Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.floor(input.page)), pages - 1);
  const start = page * PREVIEW_PAGE_SIZE;
  const shownActions = imported.actions.slice(start, start + PREVIEW_PAGE_SIZE);
  const warnings = sortWarnings(imported.warnings);
  const problems = warnings.general.slice(0, PREVIEW_PROBLEMS_LIMIT).map((w) => ({
    text: clip(w, LIST_TEXT_MAX),
  }));
  const hiddenProblems = warnings.general.length - problems.length;
  if (hiddenProblems > 0) problems.push({ text: moreText(hiddenProblems) });
  const details = [
    ...(preview.payload.committee ? [`Committee: ${preview.payload.committee}`] : []),
    imported.plan.date
      ? `Agreed ${formatDate(imported.plan.date)}`
      : 'No date found in the document',
    `${plural(total, 'action')} · plan id ${imported.plan.id}`,
    `From ${preview.fileName}, sent by ${preview.createdByName}`,
  ].map((t) => ({ text: clip(t, LINE_TEXT_MAX) }));
  const choices = input.people.slice(0, Math.min(PREVIEW_CHOICES_LIMIT, pickerLimit)).map((p) => ({
    title: clip(`${p.name} (${p.email})`, LINE_TEXT_MAX),
    value: p.email,
  }));
  const pickers = unheld.slice(0, Math.min(PREVIEW_UNHELD_LIMIT, pickerLimit)).map((u, i) => {
    const ids = holderInputIds(i);
    const owner = clip(u.owner, LINE_TEXT_MAX);
    return {
      owner,
      refs: ` · owns ${clip(u.refs.join(', '), LIST_TEXT_MAX)}${u.kind === 'initials' ? ' (initials)' : ''}`,
      pickerId: ids.picker,
      pickerLabel: `Who is ${owner}?`,
      pickerValue: typedText(input.typed, ids.picker),
      choices,
      emailId: ids.email,
      emailLabel: 'Or their email address',
      emailValue: typedText(input.typed, ids.email),
    };
  });
  const action = (verb: PreviewExecuteData['verb'], p: number | ''): PreviewExecuteData => ({
    verb,
    previewId: preview.id,
    page: p === '' ? '' : String(p),
  });
  const remaining = total - (start + shownActions.length);
  return {
    heading: preview.payload.changes ? 'Check this re-import' : 'Check this plan before importing',
    title: planText(imported.plan.title, LINE_TEXT_MAX),
    details,
    hasProblems: problems.length > 0,
    problemsHeading: `Please check first: ${plural(warnings.general.length, 'problem')}`,
    problems,
    hasChanges: preview.payload.changes !== null,
    changesHeading: 'This plan is already stored. Importing it again changes:',
    changes: changeLines(preview.payload),
    hasUnheld: unheld.length > 0,
    unheldHeading: `Nobody holds ${plural(unheld.length, 'owner')} of this plan`,
    unheldIntro:
      'Say who holds each, so they get their prompts. You can leave any empty and use ' +
      '"assign <post> to <email>" later.',
    unheld: pickers,
    hasUnheldMore: unheld.length > pickers.length,
    unheldMore: moreText(
      unheld.length - pickers.length,
      listInWords(unheld.slice(pickers.length, pickers.length + 10).map((u) => u.owner)) +
        ' (use "assign" after importing)',
    ),
    pageText:
      total === 0
        ? 'No actions were found.'
        : `Actions ${start + 1} to ${start + shownActions.length} of ${total}`,
    actions: shownActions.map((a) => {
      const rowWarnings = warnings.byRef.get(a.ref.trim().toLowerCase()) ?? [];
      return {
        ref: clip(`Action ${a.ref}`, LINE_TEXT_MAX),
        status: statusBadge(a.status),
        proposedAction: planText(a.proposedAction || a.recommendation, LIST_TEXT_MAX),
        owners: ownersText(a.owners),
        due: dueText(a),
        warnings: rowWarnings
          .slice(0, PREVIEW_ROW_WARNINGS_LIMIT)
          .map((w) => ({ text: clip(`⚠ ${w}`, LIST_TEXT_MAX) })),
      };
    }),
    hasPaging: pages > 1,
    hasNext: remaining > 0,
    nextTitle: `Show next ${Math.min(PREVIEW_PAGE_SIZE, remaining)}`,
    next: action(VERBS.previewPage, page + 1),
    hasPrevious: page > 0,
    first: action(VERBS.previewPage, 0),
    expires: `Nothing is stored until you press Import. This preview can be used until ${formatInstant(preview.expiresAt, timezone)}.`,
    confirm: action(VERBS.confirmImport, ''),
    cancel: action(VERBS.cancelImport, ''),
  };
}

/** The preview of a plan sent to the bot: what was read, what it changes, Import or Cancel. */
export function buildImportPreviewCard(input: ImportPreviewCardInput): AdaptiveCard {
  // Pickers (each with its ready choices) are what grows: fewer are offered until the card fits.
  return withinBudget(
    fitCard(
      (limit) => expandCard(template, importPreviewCardData(input, limit)),
      PREVIEW_UNHELD_LIMIT,
    ),
  );
}

/** True for a preview of a plan (rather than of a people file). */
export function isPlanPreview(preview: ImportPreview): preview is ImportPreview & { kind: 'plan' } {
  return preview.kind === 'plan';
}
