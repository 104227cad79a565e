import type { Person } from '../domain/person';
import {
  ledgerStep,
  type LedgerEntry,
  type LedgerPayload,
  type LedgerRepository,
  type LedgerState,
} from '../storage/ledger-repository';
import type { MessageOutcome, MessageReport } from './message-report';
import type { Notifier } from './notifier';
import type { Sendable } from './outgoing-message';

/** What delivery needs: the send ledger, the notifier and the real clock. */
export interface DeliveryDeps {
  repos: { ledger: LedgerRepository };
  notifier: Notifier;
  now: () => Date;
}

/** One message a job or a use case wants to send. */
export interface Outgoing {
  /** The ledger key: the same message in the same run always has the same target. */
  target: string;
  /** Who the message goes to; null for a message to a team channel. */
  person: Person | null;
  /** A team channel's stored reference: the message goes there instead of to a person. */
  channel?: Record<string, unknown>;
  payload: LedgerPayload;
  /**
   * Builds the message; called only when it is really going to be sent. A message that can be
   * made smaller (a `SizedMessage`) is built by the notifier at the size that goes.
   */
  compose: () => Sendable;
  /**
   * Runs once the message has, or may have, been delivered (e.g. remember what it asked), so a
   * reply to a prompt sent just before a crash is still understood.
   */
  afterSent?: () => Promise<void>;
  /** What the report says about the message besides its outcome. */
  report: Omit<MessageReport, 'outcome' | 'reason'>;
}

/** Which run the messages belong to. */
export interface DeliveryRun {
  job: string;
  runKey: string;
  concurrency: number;
  /** Bot Connector URL for starting chats with people the bot has not talked to yet. */
  serviceUrl?: string;
}

const FINISHED: Partial<Record<LedgerState, MessageOutcome>> = {
  sent: 'already-sent',
  unreachable: 'unreachable',
  uncertain: 'uncertain',
  failed: 'failed',
};

/**
 * A row left `sending` by a run that died: the message may have reached the person. What it
 * asked is remembered first, so their reply is understood even if marking the row fails, and the
 * row is then marked uncertain: reported, never resent (a missing prompt is better than a
 * duplicate). Returns whether this call marked it (false when another run got there first).
 */
export async function settleMayHaveArrived(
  ledger: Pick<LedgerRepository, 'markUncertain'>,
  row: LedgerEntry,
  remember?: () => Promise<void>,
): Promise<boolean> {
  await remember?.();
  return (await ledger.markUncertain(row)) !== null;
}

async function deliverOne(
  deps: DeliveryDeps,
  run: DeliveryRun,
  message: Outgoing,
): Promise<MessageReport> {
  const { ledger } = deps.repos;
  const done = (outcome: MessageOutcome, reason?: string | null): MessageReport => ({
    ...message.report,
    outcome,
    ...(reason ? { reason } : {}),
  });
  // The row is written before anything is sent: a run that dies leaves a trace to resume from.
  const claim = await ledger.claim(
    run.job,
    run.runKey,
    message.target,
    message.payload,
    deps.now(),
  );
  if (!claim.won) {
    // The caller holds the job's lease, so a row still pending or sending was left by a run
    // that has died: pending rows are sent now, sending rows may have gone and are never resent.
    const step = ledgerStep(claim.entry, deps.now(), 0);
    if (step === 'done')
      return done(FINISHED[claim.entry.state] ?? 'in-progress', claim.entry.error);
    if (step === 'uncertain') {
      await settleMayHaveArrived(ledger, claim.entry, message.afterSent);
      return done('uncertain', 'An earlier run stopped while sending it');
    }
    if (step === 'wait') return done('in-progress');
  }
  const built = message.compose();
  // ETag-guarded: of two runs reaching the same row, only one moves it to sending.
  const sending = await ledger.beginSend(claim.entry, deps.now());
  if (!sending) return done('in-progress');
  const outcome = message.channel
    ? await deps.notifier.sendToChannel(message.channel, built)
    : message.person
      ? await deps.notifier.send(message.person, built, { serviceUrl: run.serviceUrl })
      : null;
  if (!outcome) {
    await ledger.markFailed(sending, 'No one to send it to');
    return done('failed', 'No one to send it to');
  }
  if (outcome.status === 'sent') {
    // Remembered before the row is marked: a crash in between leaves the row "sending", and
    // the next run remembers it again (above) rather than forgetting a delivered prompt.
    await message.afterSent?.();
    await ledger.markSent(sending, outcome.activityId, deps.now());
    return done('sent');
  }
  if (outcome.status === 'unreachable') {
    await ledger.markUnreachable(sending, outcome.reason);
    return done('unreachable', outcome.reason);
  }
  await ledger.markFailed(sending, outcome.reason);
  return done('failed', outcome.reason);
}

/**
 * Sends messages through the ledger (claim → beginSend → send → markSent / markFailed /
 * markUnreachable), `run.concurrency` at a time; the notifier's limiter paces the sends. A
 * storage failure stops the run (messages in flight finish first) and is thrown: the ledger lets
 * the next run carry on where this one stopped.
 */
export async function deliver(
  deps: DeliveryDeps,
  run: DeliveryRun,
  messages: Outgoing[],
): Promise<MessageReport[]> {
  const reports: MessageReport[] = new Array<MessageReport>(messages.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < messages.length) {
      const index = next;
      next += 1;
      try {
        reports[index] = await deliverOne(deps, run, messages[index]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Math.max(1, Math.min(run.concurrency, messages.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return reports;
}
