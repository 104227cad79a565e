import type { Activity } from 'botbuilder';
import { messageActivity } from './message-activity';
import type { OutgoingMessage, Sendable, SizedMessage } from './outgoing-message';
import type { SendFailure } from './send-errors';

/** One request's result after its retries: a value, or why it failed. */
export type Attempted<T> =
  { ok: true; value: T; attempts: number } | { ok: false; failure: SendFailure; attempts: number };

/** What became of a message sent at the size that fitted. */
export type SizedResult =
  | {
      ok: true;
      /** The id of its first part (what a reply to the message answers). */
      activityId: string | null;
      attempts: number;
      /** The step it went at (0: in full) and how many parts it took. */
      step: number;
      parts: number;
    }
  | { ok: false; failure: SendFailure; attempts: number };

// A builder that never says it has no smaller form must still come to an end.
const MAX_STEPS = 24;

const tooLarge = (reason: string): SendFailure => ({
  kind: 'too-large',
  statusCode: null,
  code: null,
  reason,
  retryAfterMs: null,
});

function sizedOf(message: Sendable): SizedMessage {
  return typeof message === 'function' ? message : (step) => (step === 0 ? message : null);
}

// The card builders' CardTooLargeError, known by its name: notify does not depend on cards.
const isCardTooLarge = (error: unknown): error is Error =>
  error instanceof Error && error.name === 'CardTooLargeError';

/** The message at a step, as parts; a card over the budget counts as refused for its size. */
function build(sized: SizedMessage, step: number): OutgoingMessage[] | null | SendFailure {
  try {
    const built = sized(step);
    return built === null ? null : Array.isArray(built) ? built : [built];
  } catch (error) {
    if (isCardTooLarge(error)) return tooLarge(error.message);
    throw error;
  }
}

/**
 * Sends a message, smaller each time it is too large: a card that will not fit the budget, or
 * a message Teams refuses for its size (413), is built again at the next step, and only what
 * has not been delivered yet is sent. Any other failure ends it, saying how many parts went.
 */
export async function sendSized(
  message: Sendable,
  sendOne: (activity: Partial<Activity>) => Promise<Attempted<string | null>>,
): Promise<SizedResult> {
  const sized = sizedOf(message);
  let attempts = 0;
  let delivered = 0;
  let activityId: string | null = null;
  let refused: SendFailure | null = null;
  // What Teams last refused: a step that gives the same part again (a short list is the same
  // at several sizes) is passed over without asking Teams again.
  let refusedPart = '';
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const parts = build(sized, step);
    if (parts === null) break;
    if (!Array.isArray(parts)) {
      refused = parts;
      continue;
    }
    if (delivered < parts.length && JSON.stringify(parts[delivered]) === refusedPart) continue;
    let tooBig = false;
    for (let i = delivered; i < parts.length && !tooBig; i += 1) {
      const sent = await sendOne(messageActivity(parts[i]));
      attempts += sent.attempts;
      if (sent.ok) {
        if (i === 0) activityId = sent.value;
        delivered = i + 1;
      } else if (sent.failure.kind === 'too-large') {
        refused = sent.failure;
        refusedPart = JSON.stringify(parts[i]);
        tooBig = true;
      } else {
        const { failure } = sent;
        const partly = delivered > 0 ? ` (${delivered} of ${parts.length} parts were sent)` : '';
        return {
          ok: false,
          failure: { ...failure, reason: `${failure.reason}${partly}` },
          attempts,
        };
      }
    }
    if (!tooBig) return { ok: true, activityId, attempts, step, parts: parts.length };
  }
  const failure = refused ?? tooLarge('The message could not be made small enough');
  const partly = delivered > 0 ? `, after ${delivered} parts were sent` : '';
  return {
    ok: false,
    failure: { ...failure, reason: `Too large for Teams even at its smallest${partly}` },
    attempts,
  };
}
