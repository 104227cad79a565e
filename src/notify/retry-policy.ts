/** How a refused send is retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The backoff ceiling of the first retry; it doubles with each retry. */
  baseMs: number;
  /** The largest backoff ceiling. */
  capMs: number;
  /** The longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs: number;
}

/** Six attempts over about half a minute at worst: enough to ride out a throttling episode. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseMs: 500,
  capMs: 16_000,
  maxRetryAfterMs: 60_000,
};

/** HTTP statuses Teams asks callers to retry: throttled, precondition failed and gateway errors. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

/**
 * The wait before retry number `retry` (1 for the first): "full jitter", a random time up to an
 * exponentially growing ceiling, so that many refused senders do not all come back at once; never
 * less than the service's Retry-After.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | null,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  const jitter = Math.floor(random() * ceiling);
  if (retryAfterMs === null) return jitter;
  return Math.max(Math.min(retryAfterMs, policy.maxRetryAfterMs), jitter);
}

/**
 * Reads a Retry-After header: seconds (decimals allowed) or an HTTP date. Null when absent or
 * unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names its day and month ("Wed, 25 Nov 2026 09:00:03 GMT").
  if (!/[a-z]{3}/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
