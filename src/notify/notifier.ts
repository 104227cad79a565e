import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Person } from '../domain/person';
import type { Logger } from '../logging/logger';
import type { PeopleRepository } from '../storage/people-repository';
import type { Sendable } from './outgoing-message';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy';
import { sendToConversation, startChat } from './proactive';
import { classifySendError, type SendFailure } from './send-errors';
import { sendSized, type Attempted, type SizedResult } from './send-sized';
import { TEAMS_LIMITS, type TeamsLimits } from './send-limiter';

/** What became of one proactive message. */
export type SendOutcome =
  | { status: 'sent'; activityId: string | null; attempts: number }
  | {
      status: 'unreachable' | 'failed';
      reason: string;
      statusCode: number | null;
      attempts: number;
    };

/** What the notifier needs from the rest of the app. */
export interface NotifierDeps {
  /** An adapter from `createNotifierAdapter` (no SDK retries, no onTurnError). */
  adapter: CloudAdapter;
  appId: string;
  people: Pick<PeopleRepository, 'markUnreachable' | 'rememberTeamsIdentity'>;
  logger: Logger;
  now: () => Date;
  /** Bot Connector URL for starting a chat when no stored conversation gives one. */
  serviceUrl: string;
  /** Tenant for starting a chat with someone whose tenant is not known yet. */
  tenantId?: string | null;
}

/** Tuning, mostly for tests and benchmarks. */
export interface NotifierOptions {
  /** The limits the adapter's limiter enforces (default Teams'). */
  limits?: TeamsLimits;
  /** Safety margin on every rate window, in milliseconds. */
  marginMs?: number;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one place proactive messages are sent from. Every request waits for the rate limiter in
 * the adapter's HTTP pipeline (Teams' per-app and per-conversation limits, see
 * `createNotifierAdapter`); throttling and gateway errors are retried here with backoff and
 * jitter honouring Retry-After; a person Teams refuses is marked unreachable; a message too
 * large (for the card budget, or refused by Teams for its size) is sent smaller or in parts when
 * it has a smaller form (see `SizedMessage`). Errors are caught inside the turn so they come
 * back here, never to an `onTurnError`.
 */
export class Notifier {
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly deps: NotifierDeps,
    options: NotifierOptions = {},
  ) {
    const limits = options.limits ?? TEAMS_LIMITS;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? wait;
    this.random = options.random ?? Math.random;
    // About a second's allowance in flight: enough to keep the limiter busy while some sends
    // wait on storage or to retry, without a crowd of requests all queueing at once.
    this.concurrency = Math.max(
      16,
      ...limits.perApp.map((w) => Math.round((w.limit * 1000) / w.perMs)),
    );
  }

  /** How many messages a job should have in flight at once. */
  readonly concurrency: number;

  /**
   * Sends a message to a person: to their stored conversation, or to a new one started with
   * their Teams ids (and remembered). `serviceUrl` overrides the default for a new chat.
   */
  async send(
    person: Person,
    message: Sendable,
    hint: { serviceUrl?: string } = {},
  ): Promise<SendOutcome> {
    let reference = person.conversationReference as Partial<ConversationReference> | null;
    let attempts = 0;
    if (!reference) {
      if (!person.aadObjectId && !person.teamsUserId) {
        return {
          status: 'unreachable',
          reason: 'Has not used the bot in Teams yet',
          statusCode: null,
          attempts: 0,
        };
      }
      const chat = {
        serviceUrl: hint.serviceUrl ?? this.deps.serviceUrl,
        tenantId: person.tenantId ?? this.deps.tenantId ?? undefined,
      };
      const created = await this.attempt(() =>
        startChat(this.deps.adapter, this.deps.appId, person, chat),
      );
      attempts = created.attempts;
      if (!created.ok) return this.failed(person, created.failure, attempts);
      reference = created.value;
      await this.deps.people.rememberTeamsIdentity(person.email, {
        tenantId: person.tenantId ?? this.deps.tenantId ?? null,
        conversationReference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
      });
    }
    const ref = reference;
    const sent = await this.sendSized(ref, message);
    attempts += sent.attempts;
    if (!sent.ok) return this.failed(person, sent.failure, attempts);
    return { status: 'sent', activityId: sent.activityId, attempts };
  }

  /**
   * Posts a message to a team channel the bot was added to (its stored reference). A channel
   * Teams refuses (the app removed from the team, the channel deleted) comes back unreachable.
   */
  async sendToChannel(reference: Record<string, unknown>, message: Sendable): Promise<SendOutcome> {
    const ref = reference as Partial<ConversationReference>;
    const sent = await this.sendSized(ref, message);
    if (sent.ok) return { status: 'sent', activityId: sent.activityId, attempts: sent.attempts };
    const { failure } = sent;
    this.deps.logger.warn(
      {
        conversation: ref.conversation?.id,
        statusCode: failure.statusCode,
        attempts: sent.attempts,
      },
      'channel message failed',
    );
    return {
      status: failure.kind === 'unreachable' ? 'unreachable' : 'failed',
      reason: failure.reason,
      statusCode: failure.statusCode,
      attempts: sent.attempts,
    };
  }

  private async failed(
    person: Person,
    failure: SendFailure,
    attempts: number,
  ): Promise<SendOutcome> {
    // Ids and outcomes only: emails and names stay out of the logs.
    const log = {
      aadObjectId: person.aadObjectId,
      statusCode: failure.statusCode,
      code: failure.code,
      attempts,
    };
    if (failure.kind === 'unreachable') {
      this.deps.logger.warn(log, 'person cannot be reached in Teams');
      await this.deps.people.markUnreachable(person.email, {
        at: this.deps.now().toISOString(),
        reason: failure.reason,
      });
      return {
        status: 'unreachable',
        reason: failure.reason,
        statusCode: failure.statusCode,
        attempts,
      };
    }
    this.deps.logger.warn(log, 'proactive message failed');
    return { status: 'failed', reason: failure.reason, statusCode: failure.statusCode, attempts };
  }

  /** Sends a message to a conversation, smaller or in parts when it is too large. */
  private async sendSized(
    ref: Partial<ConversationReference>,
    message: Sendable,
  ): Promise<SizedResult> {
    const sent = await sendSized(message, (activity) =>
      this.attempt(() => sendToConversation(this.deps.adapter, this.deps.appId, ref, activity)),
    );
    if (sent.ok && (sent.step > 0 || sent.parts > 1)) {
      this.deps.logger.info(
        { conversation: ref.conversation?.id, step: sent.step, parts: sent.parts },
        'message sent smaller, as it was too large',
      );
    }
    return sent;
  }

  /** Runs one request, retrying what Teams asks to be retried. */
  private async attempt<T>(call: () => Promise<T>): Promise<Attempted<T>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return { ok: true, value: await call(), attempts: attempt };
      } catch (error) {
        const failure = classifySendError(error, Date.now());
        if (failure.kind !== 'retry' || attempt >= this.retry.maxAttempts) {
          return { ok: false, failure, attempts: attempt };
        }
        await this.sleep(retryDelayMs(attempt, failure.retryAfterMs, this.retry, this.random));
      }
    }
  }
}
