/**
 * What happened to one message: sent, failed (retried next run), unreachable (Teams refused),
 * already-sent (an earlier run did it), in-progress (another run is sending it), uncertain (a
 * run died mid-send: never resent), would-send (dry run), no-contact (the person has never used
 * the bot), deferred (over the per-run maximum).
 */
export type MessageOutcome =
  | 'sent'
  | 'failed'
  | 'unreachable'
  | 'already-sent'
  | 'in-progress'
  | 'uncertain'
  | 'would-send'
  | 'no-contact'
  | 'deferred';

/** Every {@link MessageOutcome}, for totals. */
export const MESSAGE_OUTCOMES: readonly MessageOutcome[] = [
  'sent',
  'failed',
  'unreachable',
  'already-sent',
  'in-progress',
  'uncertain',
  'would-send',
  'no-contact',
  'deferred',
];

/** One message of a run, as reported to the caller (JSON). */
export interface MessageReport {
  to: string;
  name: string;
  /** The ledger key of the message. */
  target: string;
  outcome: MessageOutcome;
  reason?: string;
  /** Nudges: the actions asked about. */
  items?: { planId: string; ref: string; reason: string }[];
  /** Digests: the digest's title. */
  title?: string;
  /** Dry-run digests: what the card would show. */
  digest?: unknown;
}

/** Counts messages by outcome. */
export function totalsOf(messages: MessageReport[]): Record<MessageOutcome, number> {
  const totals = Object.fromEntries(MESSAGE_OUTCOMES.map((o) => [o, 0])) as Record<
    MessageOutcome,
    number
  >;
  for (const m of messages) totals[m.outcome] += 1;
  return totals;
}
