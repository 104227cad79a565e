import type { UpdateField } from '../domain/update-input';
import { isStatus, type Status } from '../domain/status';
import { statusChoices } from './format';
import { inputIds, type InputIds } from './verbs';

/** Placeholder of the note input: what we want people to write. */
export const NOTE_PLACEHOLDER = 'What has happened since the last update?';

/** Placeholder of the reason input. */
export const REASON_PLACEHOLDER = 'Why it moved, is paused or is closed';

/** What a person typed into a card, by input id, as the card sent it back. */
export type TypedInputs = Readonly<Record<string, string>>;

/** Problems with what was typed, by field, to show beside each input. */
export type FieldErrors = Partial<Record<UpdateField, string>>;

/** Template data for the status, note, revised date and reason inputs. */
export interface UpdateInputsData {
  ids: InputIds;
  status: Status;
  note: string;
  revisedDue: string;
  reason: string;
  /** The earliest date the date picker offers (today, in the plan's time zone). */
  minDate: string;
  statusChoices: { title: string; value: Status }[];
  notePlaceholder: string;
  reasonPlaceholder: string;
  /** "" when the field is fine; else what is wrong with it, in words. */
  errors: Record<UpdateField, string>;
  hasErrors: Record<UpdateField, boolean>;
}

/** Options of {@link updateInputsData}. */
export interface UpdateInputsOptions {
  /** Values to put back in the inputs (what the person had typed). */
  typed?: TypedInputs;
  errors?: FieldErrors;
  /** Today as YYYY-MM-DD; revised dates before it are refused by the card itself. */
  today?: string;
}

const FIELDS: UpdateField[] = ['status', 'note', 'revisedDue', 'reason'];

/**
 * The inputs' data for an action at a slot: its current status chosen, or what the person had
 * typed when the card comes back to them (after a save elsewhere on it, or an error).
 */
export function updateInputsData(
  slot: string,
  status: Status,
  options: UpdateInputsOptions = {},
): UpdateInputsData {
  const ids = inputIds(slot);
  const typed = options.typed ?? {};
  const typedStatus = typed[ids.status];
  const errors = Object.fromEntries(
    FIELDS.map((f) => [f, options.errors?.[f]?.trim() ?? '']),
  ) as Record<UpdateField, string>;
  return {
    ids,
    status: isStatus(typedStatus) ? typedStatus : status,
    note: typed[ids.note] ?? '',
    revisedDue: typed[ids.revisedDue] ?? '',
    reason: typed[ids.reason] ?? '',
    minDate: options.today ?? '',
    statusChoices: statusChoices(),
    notePlaceholder: NOTE_PLACEHOLDER,
    reasonPlaceholder: REASON_PLACEHOLDER,
    errors,
    hasErrors: Object.fromEntries(FIELDS.map((f) => [f, errors[f] !== ''])) as Record<
      UpdateField,
      boolean
    >,
  };
}

/**
 * The update inputs a card sent back: every `status`, `note`, `revisedDue` and `reason` input,
 * with or without a slot suffix, whose value is text. Anything else in the data is ignored.
 */
export function typedInputs(data: Record<string, unknown>): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && /^(status|note|revisedDue|reason)(-\d{1,3})?$/.test(key)) {
      typed[key] = value;
    }
  }
  return typed;
}
