import type { Status } from '../domain/status';
import { statusChoices } from './format';
import { inputIds, type InputIds } from './verbs';

/** Placeholder of the note input: what we want people to write. */
export const NOTE_PLACEHOLDER = 'What has happened since the last update?';

/** Placeholder of the reason input. */
export const REASON_PLACEHOLDER = 'Reason for the new date';

/** Template data for the status, note, revised date and reason inputs. */
export interface UpdateInputsData {
  ids: InputIds;
  status: Status;
  statusChoices: { title: string; value: Status }[];
  notePlaceholder: string;
  reasonPlaceholder: string;
}

/** The inputs' data for an action at a slot, with its current status chosen. */
export function updateInputsData(slot: string, status: Status): UpdateInputsData {
  return {
    ids: inputIds(slot),
    status,
    statusChoices: statusChoices(),
    notePlaceholder: NOTE_PLACEHOLDER,
    reasonPlaceholder: REASON_PLACEHOLDER,
  };
}
