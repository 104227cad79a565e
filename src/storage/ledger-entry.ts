/**
 * Where one message of a job run stands.
 * - `pending`: claimed, the send has not started. Safe to send (by whoever moves it to `sending`).
 * - `sending`: written, ETag-guarded, just before the HTTP call.
 * - `sent`: delivered, with the time and the activity id.
 * - `failed`: the send failed in a way worth retrying (throttled, 5xx, timeout).
 * - `unreachable`: Teams refused it (403 blocked or app removed, 404 conversation gone); not retried.
 * - `uncertain`: found `sending` after its timeout: the process died during the call, so the
 *   message may or may not have arrived. Reported, never resent: a missing prompt is better than
 *   a duplicate, and the next day's run prompts again anyway.
 */
export type LedgerState = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable' | 'uncertain';

/** An action a message is about. */
export interface LedgerItem {
  planId: string;
  ref: string;
}

/** What a message is about, kept on its row (the prompted actions drive the next prompts). */
export interface LedgerPayload {
  items?: LedgerItem[];
  /** A short description for operators ("3 actions", "Democratic Services digest"). */
  summary?: string;
}

/** One message of one job run, as recorded. */
export interface LedgerEntry {
  job: string;
  runKey: string;
  target: string;
  state: LedgerState;
  items: LedgerItem[];
  summary: string;
  claimedAt: string;
  /** When the latest send attempt started. */
  sendingAt: string | null;
  sentAt: string | null;
  activityId: string | null;
  error: string | null;
  /** Send attempts started so far. */
  attempts: number;
  /** Opaque concurrency token; every change is guarded by it. */
  version: string;
}

/** The outcome of a claim: `won` is false when the row already existed (another run has it). */
export interface LedgerClaim {
  won: boolean;
  entry: LedgerEntry;
}

/** What to do with a ledger row found when a run (re)starts. */
export type LedgerStep = 'send' | 'wait' | 'done' | 'uncertain';

/** A prompt recorded as sent (or possibly sent), for chasing and spacing prompts. */
export interface SentPrompt {
  email: string;
  planId: string;
  ref: string;
  sentAt: string;
  /** The run's local date. */
  runKey: string;
}

/** Age after which a `pending` row is taken over, and a `sending` row is judged uncertain. */
export const LEDGER_STALE_MS = 10 * 60 * 1000;
/** Send attempts after which a failed message is left alone. */
export const LEDGER_MAX_ATTEMPTS = 3;

/**
 * Decides what a run does with a row it finds. `won` rows and `pending` rows whose claimer has
 * gone quiet are sent; the ETag on `LedgerRepository.beginSend` makes sure only one
 * instance does. `sending` rows past the timeout are uncertain; younger ones belong to a send in
 * progress elsewhere.
 */
export function ledgerStep(
  entry: LedgerEntry,
  now: Date,
  staleMs: number = LEDGER_STALE_MS,
  maxAttempts: number = LEDGER_MAX_ATTEMPTS,
): LedgerStep {
  const age = (iso: string | null): number => now.getTime() - Date.parse(iso ?? entry.claimedAt);
  switch (entry.state) {
    case 'pending':
      return age(entry.claimedAt) >= staleMs ? 'send' : 'wait';
    case 'sending':
      return age(entry.sendingAt) >= staleMs ? 'uncertain' : 'wait';
    case 'failed':
      return entry.attempts < maxAttempts ? 'send' : 'done';
    default:
      return 'done';
  }
}
