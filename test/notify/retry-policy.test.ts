import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  retryDelayMs,
  RETRYABLE_STATUSES,
} from '../../src/notify/retry-policy';

const policy = { maxAttempts: 5, baseMs: 100, capMs: 1000, maxRetryAfterMs: 5000 };

describe('retryDelayMs', () => {
  it('waits a random time up to a ceiling that doubles with each retry (full jitter)', () => {
    expect([1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, null, policy, () => 0.999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(retryDelayMs(3, null, policy, () => 0)).toBe(0);
    expect(retryDelayMs(3, null, policy, () => 0.5)).toBe(200);
  });

  it('never retries sooner than Retry-After asks, and never waits longer than the cap on it', () => {
    expect(retryDelayMs(1, 2000, policy, () => 0.5)).toBe(2000);
    expect(retryDelayMs(5, 200, policy, () => 0.9)).toBe(900);
    expect(retryDelayMs(1, 60_000, policy, () => 0)).toBe(5000);
  });

  it('retries what Teams asks callers to retry, and only that', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([412, 429, 502, 503, 504]);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T09:00:00Z');
  it('reads seconds, decimals and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 08:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-1', now)).toBeNull();
  });
});
