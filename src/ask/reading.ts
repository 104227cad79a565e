import type { Status } from '../domain/status';
import type { DateRange } from './date-phrases';
import type { OwnerSlots } from './owner-index';
import type { Schedule } from '../domain/channel-subscription';

/** What a question asked for, once understood: one intent and its slots. */
export interface Reading {
  intent: string;
  slots: Slots;
}

/** Everything a question can name. Slots not named are left out. */
export interface Slots extends OwnerSlots, DateRange {
  /** The plan's id, once one plan was found. */
  plan?: string;
  ref?: string;
  statuses?: Status[];
  schedule?: Schedule;
}

/** The slot names, in the order they are compared and shown. */
export const SLOT_NAMES = [
  'plan',
  'ref',
  'service',
  'post',
  'person',
  'statuses',
  'since',
  'until',
  'sinceLastMeeting',
  'untilNextMeeting',
  'schedule',
] as const satisfies readonly (keyof Slots)[];
