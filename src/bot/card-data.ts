import { createHash } from 'node:crypto';
import { isStatus } from '../domain/status';
import { isPlanId } from '../import/preamble';
import { MAX_NUDGE_CONTEXT_LENGTH } from '../cards/nudge-context';
import { refusals } from '../services/refusals';

/** Longest action reference a card may name; real ones are a few characters ("4", "R1.12"). */
export const MAX_CARD_REF_LENGTH = 40;
/** Longest version (an ETag) a card may carry back. */
export const MAX_CARD_VERSION_LENGTH = 200;

/** What a person is told when the data their card sent back is not what the bot put there. */
export const DAMAGED_CARD_MESSAGE =
  'This card looks damaged or out of date, so I have not changed anything. ' +
  'Type **my actions** for a fresh one.';

// eslint-disable-next-line no-control-regex -- control characters never appear in a real ref
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const CHECKS: Record<string, (value: string) => boolean> = {
  planId: isPlanId,
  ref: (ref) => ref.trim() !== '' && ref.length <= MAX_CARD_REF_LENGTH && !CONTROL.test(ref),
  version: (version) => version.length <= MAX_CARD_VERSION_LENGTH,
  slot: (slot) => /^\d{0,3}$/.test(slot),
  shownStatus: isStatus,
  from: (from) => from.length <= MAX_NUDGE_CONTEXT_LENGTH,
  previewId: (id) => /^[0-9a-f]{32}$/.test(id),
  page: (page) => /^\d{0,4}$/.test(page),
};

/**
 * True when the ids a card sent back (plan, action, version, slot, status shown) look like
 * the ones the bot put on it. A card's data comes back from the client, so anything else, from
 * a numeric plan id to a 10 KB ref, is refused before it reaches storage or a message.
 */
export function isWellFormedCardData(data: Record<string, unknown>): boolean {
  return Object.entries(CHECKS).every(([field, check]) => {
    const value = data[field];
    return value === undefined || (typeof value === 'string' && check(value));
  });
}

/** A string field of a card's data, or '' when it is missing or not a string. */
export function cardText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The action a card button is about; a card without one is refused with a clear message. */
export function cardTarget(data: Record<string, unknown>): { planId: string; ref: string } {
  const planId = cardText(data.planId);
  const ref = cardText(data.ref);
  if (!planId || !ref) throw refusals.cardLacks('action it is for');
  return { planId, ref };
}

/**
 * The id of one card action, for its audit row: Teams delivers the same invoke again (same
 * activity id in the same conversation) when the bot was slow, and that must record once.
 * Undefined when the activity carries no id.
 */
export function requestIdOf(activity: {
  id?: string;
  conversation?: { id?: string };
}): string | undefined {
  if (!activity.id) return undefined;
  return createHash('sha256')
    .update(`${activity.conversation?.id ?? ''}\n${activity.id}`)
    .digest('base64url')
    .slice(0, 32);
}
