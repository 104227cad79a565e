import { parseRetryAfter, RETRYABLE_STATUSES } from './retry-policy';

/**
 * What to do about a send that did not succeed. `too-large`: Teams refused the message for its
 * size, so the same message will never go, but a smaller one may.
 */
export type FailureKind = 'retry' | 'unreachable' | 'too-large' | 'failed';

/** A failed send, understood. */
export interface SendFailure {
  kind: FailureKind;
  statusCode: number | null;
  /** The connector's error code ("ConversationBlockedByUser"), when it gave one. */
  code: string | null;
  /** Plain words for people (digests, admin reports) and operators. */
  reason: string;
  /** The service's Retry-After, in milliseconds. */
  retryAfterMs: number | null;
}

interface ErrorShape {
  name?: unknown;
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  details?: { error?: { code?: unknown } };
  response?: { status?: unknown; headers?: { get?: (name: string) => string | undefined } };
}

// Errors where the request never left this machine, so retrying cannot deliver a message twice.
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/;

// The connection dropped or went quiet before any answer: a network blip, or a connector that
// closed the connection before reading the request. Nothing says the request reached Teams, so
// it is retried with the same backoff as a 429 or 503 (not retrying loses the message for sure).
const DROPPED_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'REQUEST_SEND_ERROR',
]);
const DROPPED = /socket hang up|other side closed|ECONNRESET|ETIMEDOUT|EPIPE|timed? ?out|aborted/i;

function connectionDropped(e: ErrorShape, code: string | null, message: string): boolean {
  if (code !== null && DROPPED_CODES.has(code)) return true;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  return DROPPED.test(message);
}

// Teams answers 413 with code MessageSizeTooBig; proxies in front of it may say it in words.
const TOO_LARGE =
  /MessageSizeTooBig|message (?:size )?too (?:big|large)|entity too large|content length exceeded/i;

function unreachableReason(statusCode: number, code: string | null): string {
  if (code === 'ConversationBlockedByUser') return 'Has blocked the bot in Teams';
  if (code === 'BotDisabledByAdmin') return 'The app has been turned off by a Teams administrator';
  if (statusCode === 404) return 'Their chat with the bot no longer exists (app removed?)';
  return 'The app is not installed for them in Teams';
}

/**
 * Sorts an error from a Bot Connector call: throttling and gateway errors, refused, reset and
 * timed-out connections are retried; 403
 * (blocked, app not installed) and 404 (conversation gone) mean the person cannot be reached;
 * 413 (or MessageSizeTooBig) means this message is too large and a smaller one may go;
 * anything else fails this message only.
 */
export function classifySendError(error: unknown, nowMs: number = Date.now()): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.response?.status === 'number'
        ? e.response.status
        : null;
  const detailCode = e.details?.error?.code;
  const code =
    typeof detailCode === 'string' ? detailCode : typeof e.code === 'string' ? e.code : null;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const retryAfterMs = parseRetryAfter(e.response?.headers?.get?.('retry-after'), nowMs);
  if (status === 413 || code === 'MessageSizeTooBig' || TOO_LARGE.test(message)) {
    return {
      kind: 'too-large',
      statusCode: status,
      code,
      reason: 'Teams refused the message as too large',
      retryAfterMs: null,
    };
  }
  if (status !== null && RETRYABLE_STATUSES.has(status)) {
    return {
      kind: 'retry',
      statusCode: status,
      code,
      reason: `Teams answered ${status}`,
      retryAfterMs,
    };
  }
  if (status === 403 || status === 404) {
    return {
      kind: 'unreachable',
      statusCode: status,
      code,
      reason: unreachableReason(status, code),
      retryAfterMs: null,
    };
  }
  if (status === null && NOT_SENT.test(message)) {
    return {
      kind: 'retry',
      statusCode: null,
      code,
      reason: 'Teams could not be reached',
      retryAfterMs,
    };
  }
  if (status === null && connectionDropped(e, code, message)) {
    return {
      kind: 'retry',
      statusCode: null,
      code,
      reason: 'The connection to Teams dropped before it answered',
      retryAfterMs: null,
    };
  }
  return {
    kind: 'failed',
    statusCode: status,
    code,
    reason: status === null ? `Send failed: ${message.slice(0, 200)}` : `Teams answered ${status}`,
    retryAfterMs: null,
  };
}
